namespace PerfLogging.Tool;

/// <summary>A problem with the command's input: printed as one line that names it and the fix, with a non-zero exit code.</summary>
internal sealed class ToolException(string message, int exitCode = Cli.InputError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
