namespace PerfLogging.Tool;

/// <summary>A command's positional argument and its options (<c>--name value</c>, <c>--name=value</c> or a flag).</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments(string command) => Command = command;

    public string Command { get; }

    public string? Input { get; private set; }

    public static Arguments Parse(string command, string[] args, string[] options, string[] flags)
    {
        var parsed = new Arguments(command);
        var known = string.Join(", ", options.Select(o => o + " VALUE").Concat(flags));
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var (name, value) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is > 0 and var equals
                ? (arg[..equals], arg[(equals + 1)..])
                : (arg, null);
            if (flags.Contains(name) && value is null)
            {
                parsed._flags.Add(name);
            }
            else if (options.Contains(name))
            {
                if (value is null && (i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
                {
                    throw new ToolException($"{name} needs a value, as in 'perflogging {command} ... {name} VALUE'.", Cli.UsageError);
                }

                parsed._options[name] = value ?? args[++i];
            }
            else if (name.StartsWith("--", StringComparison.Ordinal) || parsed.Input is not null)
            {
                throw new ToolException($"'{arg}' is not an option of 'perflogging {command}'. Options: {known}.", Cli.UsageError);
            }
            else
            {
                parsed.Input = arg;
            }
        }

        return parsed;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);
}
