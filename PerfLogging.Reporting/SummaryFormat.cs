namespace PerfLogging.Reporting;

/// <summary>How a summary is written.</summary>
public enum SummaryFormat
{
    /// <summary>Aligned columns for a terminal, durations in milliseconds with two decimals.</summary>
    Table,

    /// <summary>A GitHub-flavoured Markdown table, durations as in <see cref="Table"/>.</summary>
    Markdown,

    /// <summary>Comma-separated values with a header row, durations in milliseconds with three decimals.</summary>
    Csv,
}
