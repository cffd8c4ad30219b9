using Microsoft.Extensions.Logging.Console;

namespace PerfLogging;

/// <summary>
/// Options of the JSON-lines console formatter added by <c>AddPerformanceJsonConsole</c>, bound like every console
/// formatter's options from <c>Logging:Console:FormatterOptions</c>.
/// </summary>
/// <remarks>
/// <c>timestamp</c> is always written in UTC with milliseconds (ISO 8601), so <see cref="ConsoleFormatterOptions.TimestampFormat"/>
/// and <see cref="ConsoleFormatterOptions.UseUtcTimestamp"/> do not apply.
/// </remarks>
public sealed class PerformanceJsonConsoleOptions : ConsoleFormatterOptions
{
    /// <summary>The name the formatter is registered under; <c>Logging:Console:FormatterName</c> selects it.</summary>
    public const string FormatterName = "perflogging-json";

    /// <summary>Initializes a new instance of the <see cref="PerformanceJsonConsoleOptions"/> class, with scopes included.</summary>
    public PerformanceJsonConsoleOptions() => IncludeScopes = true;

    /// <summary>
    /// Gets or sets a writer that receives the lines instead of the console (a file, a test's buffer). Lines are
    /// written to it synchronously, and the console provider writes none of them. Logging filters name this writer by
    /// the provider alias <c>PerformanceJsonConsole</c> (e.g. <c>Logging:PerformanceJsonConsole:LogLevel</c>).
    /// </summary>
    /// <value>The default value is <see langword="null"/>: lines go through the console provider.</value>
    public TextWriter? Output { get; set; }

    /// <summary>Gets or sets a value indicating whether the exception, with its stack trace, is written as <c>exception</c>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeException { get; set; } = true;
}
