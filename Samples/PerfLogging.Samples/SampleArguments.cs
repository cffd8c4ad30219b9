namespace PerfLogging.Samples;

/// <summary>The sample's command line: <c>[--config path/to/perflogging.json] [--config-only]</c>.</summary>
internal sealed record SampleArguments(string ConfigPath, bool ConfigOnly, string[] HostArgs)
{
    public static SampleArguments Parse(string[] args)
    {
        var configPath = Path.Combine(AppContext.BaseDirectory, "perflogging.json");
        var configOnly = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--config" when i + 1 < args.Length:
                    configPath = Path.GetFullPath(args[++i]);
                    break;
                case "--config-only":
                    configOnly = true;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new SampleArguments(configPath, configOnly, [.. rest]);
    }
}
