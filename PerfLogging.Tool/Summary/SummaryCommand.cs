using System.Globalization;
using PerfLogging.Fabrics;
using PerfLogging.Reporting;

namespace PerfLogging.Tool;

/// <summary><c>perflogging summary &lt;file|-&gt;</c>: per-operation statistics of a JSON log, streamed.</summary>
internal static class SummaryCommand
{
    public static int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var input = arguments.Input
            ?? throw new ToolException("summary needs a log file: perflogging summary <file> (or '-' to read standard input).", Cli.UsageError);
        var format = Choice<SummaryFormat>(arguments, "--format", SummaryFormat.Table);
        var sort = Choice<SummarySort>(arguments, "--sort", SummarySort.P95);
        var top = Top(arguments.Option("--top"));
        var since = Since(arguments.Option("--since"), DateTimeOffset.UtcNow);
        var operation = arguments.Option("--operation");

        var summary = new OperationSummary();
        var reader = new PerformanceLogReader(summary, since, operation is null ? null : name => FabricGlob.MatchName(operation, name));
        using (var stream = Open(input))
        {
            reader.Read(stream);
        }

        var source = input == "-" ? "standard input" : $"'{input}'";
        if (reader.Records == 0)
        {
            throw reader.Filtered > 0
                ? new ToolException($"None of the {reader.Filtered} PerfLogging records in {source} match {Filters(operation, arguments.Option("--since"))}. Widen the filter.")
                : new ToolException(
                    $"{source} holds no PerfLogging records ({reader.Skipped} other lines). Pass a log written by AddPerformanceJsonConsole(): one JSON object per line with a \"performance\" object.");
        }

        SummaryWriter.Write(output, summary.Rows(sort, top), format);
        error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{reader.Records} records of {summary.Operations.Count} operations; {reader.Filtered} filtered out, {reader.Skipped} other lines skipped."));
        return 0;
    }

    private static Stream Open(string input)
    {
        if (input == "-")
        {
            return Console.OpenStandardInput();
        }

        if (Directory.Exists(input))
        {
            throw new ToolException($"'{input}' is a directory, not a file. Pass the path of a log file, or '-' to read standard input.");
        }

        if (!File.Exists(input))
        {
            throw new ToolException($"No such file: '{input}'. Pass the path of a log file, or '-' to read standard input.");
        }

        return new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
    }

    private static TEnum Choice<TEnum>(Arguments arguments, string option, TEnum fallback)
        where TEnum : struct, Enum
    {
        var value = arguments.Option(option);
        if (value is null)
        {
            return fallback;
        }

        // By name only: Enum.TryParse would also take numbers and comma-separated lists of names.
        return Enum.GetNames<TEnum>().FirstOrDefault(name => name.Equals(value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<TEnum>(name)
            : throw new ToolException(
                $"{option} '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}.", Cli.UsageError);
    }

    private static int? Top(string? value) =>
        value is null ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var top) && top > 0 ? top
        : throw new ToolException($"--top '{value}' is not a positive whole number. Write it like '--top 10'.", Cli.UsageError);

    /// <summary>An ISO 8601 time (UTC unless it has an offset), or a span back from now: <c>90s</c>, <c>15m</c>, <c>2h</c>, <c>7d</c>.</summary>
    internal static DateTimeOffset? Since(string? value, DateTimeOffset now)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > 1 && "smhd".Contains(value[^1], StringComparison.Ordinal) &&
            double.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            try
            {
                return now - value[^1] switch
                {
                    's' => TimeSpan.FromSeconds(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    _ => TimeSpan.FromDays(amount),
                };
            }
            catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
            {
                throw new ToolException(
                    $"--since '{value}' reaches back before year 1. Write a shorter span like '7d', or an ISO 8601 time like '2026-11-27T10:00:00Z'.",
                    Cli.UsageError);
            }
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new ToolException(
                $"--since '{value}' is not a time. Write an ISO 8601 time like '2026-11-27T10:00:00Z' or a span back from now like '15m', '2h' or '7d'.",
                Cli.UsageError);
    }

    private static string Filters(string? operation, string? since) =>
        string.Join(" and ", new[] { operation is null ? null : $"--operation '{operation}'", since is null ? null : $"--since '{since}'" }.OfType<string>());
}
