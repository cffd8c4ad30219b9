namespace PerfLogging.Tests.Support;

/// <summary>Runs the <c>perflogging</c> tool as built in this repository.</summary>
internal static class ToolRunner
{
    public static ProcessRunner.Result Run(params string[] arguments) => ProcessRunner.Run("dotnet", [Repository.ToolDll, .. arguments]);

    /// <summary>Runs a command that must fail: nothing on standard output, one line on standard error.</summary>
    public static (int ExitCode, string Line) Failure(params string[] arguments)
    {
        var result = Run(arguments);
        result.Output.ShouldBeEmpty();
        var lines = result.Error.TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(1, result.Error);
        return (result.ExitCode, lines[0]);
    }

    /// <summary>The output's lines, without trailing carriage returns.</summary>
    public static string[] Lines(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
}
