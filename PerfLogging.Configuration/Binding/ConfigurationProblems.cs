namespace PerfLogging.Configuration;

/// <summary>
/// Problems found while reloading configuration files, passed to whoever reports them (the options monitor logs
/// them), so a bad edit never throws on a file-watcher thread.
/// </summary>
internal static class ConfigurationProblems
{
    public static event Action<string>? Reported;

    public static void Report(string message) => Reported?.Invoke(message);
}
