namespace PerfLogging;

/// <summary>Options of the JSON-lines console logger added by <c>AddPerformanceJsonConsole</c>.</summary>
public sealed class PerformanceJsonConsoleOptions
{
    /// <summary>Gets or sets where lines are written.</summary>
    /// <value>The default value is <see cref="Console.Out"/>, read when each line is written.</value>
    public TextWriter? Output { get; set; }

    /// <summary>Gets or sets a value indicating whether logger scope values are written into <c>context</c>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeScopes { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether the exception, with its stack trace, is written as <c>exception</c>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeException { get; set; } = true;
}
