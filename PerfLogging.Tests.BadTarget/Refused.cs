using System.Runtime.InteropServices;

namespace PerfLogging.Tests.BadTarget;

public abstract class AbstractJob
{
    [PerformanceLogging]
    public abstract int Run();

    public int Helper() => 1;
}

public interface IJob
{
    [PerformanceLogging]
    int Execute();
}

public static partial class Native
{
    [PerformanceLogging]
    [DllImport("libc", EntryPoint = "getpid")]
    public static extern int ProcessId();

    public static int Other() => 2;
}

public static class Varargs
{
    [PerformanceLogging]
    public static int Count(__arglist) => new ArgIterator(__arglist).GetRemainingCount();
}

public class Startup
{
    [PerformanceLogging]
    static Startup()
    {
        Ready = true;
    }

    public static bool Ready { get; private set; }
}

public class BadConditions
{
    public static int NotBool => 1;

    public bool Instance => true;

    [ConditionalPerformanceLogging(typeof(BadConditions), "Missing")]
    public int UnknownMember() => 1;

    [ConditionalPerformanceLogging(typeof(BadConditions), nameof(NotBool))]
    public int WrongType() => 2;

    [ConditionalPerformanceLogging(typeof(BadConditions), nameof(Instance))]
    public int NotStatic() => 3;
}
