using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace PerfLogging.Tests.Fidelity;

/// <summary>Exceptions, stack frames and reflection seen from inside and around a woven method.</summary>
public static class Failures
{
    [PerformanceLogging]
    public static void ThrowWithFinally(List<string> log)
    {
        try
        {
            throw new InvalidOperationException("boom");
        }
        finally
        {
            log.Add("callee finally");
        }
    }

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)] // the twin's frames must not be inlined away either
    public static int Outer() => Middle() + 1;

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)] // the twin's frames must not be inlined away either
    public static int Middle() => Inner() + 1;

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)] // the twin's frames must not be inlined away either
    public static int Inner() => throw new InvalidOperationException("three frames deep");

    [PerformanceLogging]
    public static async Task<int> OuterAsync() => await InnerAsync() + 1;

    [PerformanceLogging]
    public static async Task<int> InnerAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("async");
    }

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string CurrentMethod() => MethodBase.GetCurrentMethod()!.Name;

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Caller() => new StackFrame(1).GetMethod()!.Name;

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string OwnFrame() => new StackFrame(0).GetMethod()!.Name;

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Assembly CallingAssembly() => Assembly.GetCallingAssembly();

    [PerformanceLogging]
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static int Flagged(int value) => value + 1;

    /// <summary>Swallowing: the failure is recorded and default returned, the one documented change of behaviour.</summary>
    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public static int Swallowed(List<string> log)
    {
        try
        {
            throw new InvalidOperationException("swallowed");
        }
        finally
        {
            log.Add("callee finally");
        }
    }
}
