using System.Globalization;

namespace PerfLogging.Reporting;

/// <summary>Writes summary rows: calls, p50, p95, p99 and max in milliseconds, then warnings, criticals and errors.</summary>
public static class SummaryWriter
{
    private static readonly string[] s_columns = ["calls", "p50 ms", "p95 ms", "p99 ms", "max ms", "warn", "crit", "err"];

    /// <summary>Writes <paramref name="rows"/> in <paramref name="format"/>.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="rows">The rows, in the order to write them.</param>
    /// <param name="format">Table, Markdown or CSV.</param>
    public static void Write(TextWriter output, IReadOnlyList<OperationStatistics> rows, SummaryFormat format)
    {
        switch (format)
        {
            case SummaryFormat.Markdown:
                output.WriteLine($"| operation | {string.Join(" | ", s_columns)} |");
                output.WriteLine($"| --- |{string.Concat(s_columns.Select(_ => " ---: |"))}");
                foreach (var row in rows)
                {
                    output.WriteLine($"| {MarkdownCell(row.Operation)} | {string.Join(" | ", Cells(row, "0.00"))} |");
                }

                break;
            case SummaryFormat.Csv:
                output.WriteLine("operation,calls,p50_ms,p95_ms,p99_ms,max_ms,warnings,criticals,errors");
                foreach (var row in rows)
                {
                    output.WriteLine($"{CsvField(row.Operation)},{string.Join(',', Cells(row, "0.000"))}");
                }

                break;
            default:
                var width = Math.Max(32, rows.Count == 0 ? 0 : rows.Max(r => r.Operation.Length));
                output.WriteLine($"{"operation".PadRight(width)} {"calls",7} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"max ms",9} {"warn",5} {"crit",5} {"err",5}");
                foreach (var row in rows)
                {
                    var cells = Cells(row, "0.00");
                    output.WriteLine(
                        $"{row.Operation.PadRight(width)} {cells[0],7} {cells[1],9} {cells[2],9} {cells[3],9} {cells[4],9} {cells[5],5} {cells[6],5} {cells[7],5}");
                }

                break;
        }
    }

    private static string[] Cells(OperationStatistics row, string milliseconds)
    {
        string Ms(double seconds) => (seconds * 1000).ToString(milliseconds, CultureInfo.InvariantCulture);
        string Count(long count) => count.ToString(CultureInfo.InvariantCulture);
        var durations = row.Durations;
        return
        [
            Count(row.Calls), Ms(durations.Percentile(0.50)), Ms(durations.Percentile(0.95)), Ms(durations.Percentile(0.99)), Ms(durations.Max),
            Count(row.Warnings), Count(row.Criticals), Count(row.Errors),
        ];
    }

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>An operation name as one Markdown table cell: pipes escaped, line breaks as spaces.</summary>
    private static string MarkdownCell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
