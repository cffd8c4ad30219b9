namespace PerfLogging.Tool;

/// <summary>The <c>perflogging</c> command line: a command, then its arguments.</summary>
internal static class Cli
{
    /// <summary>Exit code of a problem with a file or what it holds.</summary>
    public const int InputError = 1;

    /// <summary>Exit code of a command line that cannot be understood.</summary>
    public const int UsageError = 2;

    public const string Usage = """
        Usage:
          perflogging show <assembly.dll> [--type GLOB] [--method GLOB] [--no-code]
          perflogging summary <file|-> [--format table|markdown|csv] [--sort p95|calls|max|errors|operation]
                                       [--top N] [--since TIME] [--operation GLOB]
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case "show":
                    ShowCommand.Run(Arguments.Parse("show", args[1..], ["--type", "--method"], ["--no-code"]), output);
                    return 0;
                case "summary":
                    return SummaryCommand.Run(Arguments.Parse("summary", args[1..], ["--format", "--sort", "--top", "--since", "--operation"], []), output, error);
                case "-h" or "--help" or "help":
                    output.WriteLine(Usage);
                    return 0;
                case null:
                    error.WriteLine(Usage);
                    return UsageError;
                default:
                    throw new ToolException($"'{args[0]}' is not a perflogging command. Use 'show' or 'summary' (perflogging --help).", UsageError);
            }
        }
        catch (ToolException ex)
        {
            error.WriteLine($"perflogging: {ex.Message}");
            return ex.ExitCode;
        }
    }
}
