using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace PerfLogging.Runtime;

/// <summary>
/// The console provider's formatter for PerfLogging's JSON lines: one console provider, one line per record, and the
/// console's own options (queue, standard-error threshold) apply.
/// </summary>
internal sealed class PerformanceJsonConsoleFormatter : ConsoleFormatter, IDisposable
{
    private readonly IDisposable? _reload;
    private PerformanceJsonConsoleOptions _options;

    public PerformanceJsonConsoleFormatter(IOptionsMonitor<PerformanceJsonConsoleOptions> options)
        : base(PerformanceJsonConsoleOptions.FormatterName)
    {
        _options = options.CurrentValue;
        _reload = options.OnChange(updated => _options = updated);
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var options = _options;
        if (options.Output is not null || logEntry.LogLevel == LogLevel.None)
        {
            // With an Output writer, PerformanceJsonWriterLoggerProvider writes the line there; the console writes none.
            return;
        }

        textWriter.Write(PerformanceJsonLine.Format(logEntry.Category, logEntry.LogLevel, logEntry.EventId, logEntry.State, logEntry.Exception, logEntry.Formatter, scopeProvider, options));
        textWriter.Write(Environment.NewLine);
    }

    public void Dispose() => _reload?.Dispose();
}
