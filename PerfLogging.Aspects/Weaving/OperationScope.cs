using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using PerfLogging.Diagnostics;
using PerfLogging.Runtime;

namespace PerfLogging.Weaving;

/// <summary>
/// One call of an aspected method, from start to outcome. Woven code keeps it in a local and calls it by
/// reference; it is a struct so a call under threshold with its level disabled allocates nothing.
/// </summary>
/// <remarks>
/// The weaver writes the calls into the method's own body (no second method, no extra frame). For a method
/// returning <c>T</c>:
/// <code>
/// OperationScope.Start(descriptor, out var scope);
/// if (scope.CapturesArguments) { scope.AddArgument(0, a); … }
/// try
/// {
///     try { …original body, every return a 'leave' to the epilogue… }
///     filter { scope.Filter(exception) }        // records during the first pass; true only when swallowing
///     handler { result = default; }
/// }
/// fault { scope.Unwind(); }                     // the exception escapes: stop being ambient
/// return scope.Complete(result);
/// </code>
/// Task, ValueTask and void shapes call the matching <c>Complete…</c> overload instead; a compiler-generated async
/// method calls <c>Leave…</c>, and its state machine records through its own copy of the scope (<c>Succeeded</c>,
/// <c>Failed</c>) right before the builder completes the task.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
[StructLayout(LayoutKind.Auto)]
public partial struct OperationScope
{
    // Kept small (the woven wrapper zeroes and copies it): per-call extras live in the frame, allocated only when the
    // call needs them.
    private ResolvedOperation? _operation;
    private OperationFrame? _frame;

    // The thread's state, read once when a synchronous call starts: leaving the thread's stack and the record's flow
    // section then need no thread-static read.
    private TrackedThread? _thread;
    private long _start;
    private int _threadToken;
    private bool _verbose;
    private bool _completed;
    private bool _swallowed;

    /// <summary>
    /// Fills a zeroed scope field by field (a constructor would build a copy); given the current thread's state when the
    /// caller has read it already.
    /// </summary>
    private void Initialize(ResolvedOperation operation, bool ambient, ArgumentCapture? captured, ref int depth, TrackedThread? thread = null)
    {
        _operation = operation;
        _verbose = IsEnabled(operation.Logger, operation.MinLevel, ref depth);
        var captureArguments = captured is null && operation.IncludeArgs && operation.Descriptor.ParameterNames.Length > 0 && (_verbose || AnyLevelEnabled(operation));
        var probe = operation.IncludeMemory || operation.IncludeCpu;
        var previousActivity = operation.TracingEnabled ? System.Diagnostics.Activity.Current : null;
        var activity = operation.TracingEnabled ? PerformanceTracing.Start(operation, previousActivity) : null;

        // Only an operation whose records may be written is ambient: its name is the parent of nested ones, and log
        // enrichment puts it on the records written inside it.
        var enter = _verbose && ambient;
        var flows = enter && !operation.Descriptor.RunsOnOneThread;
        if (enter && operation.Descriptor.RunsOnOneThread)
        {
            thread ??= TrackedThread.Current;
            _thread = thread;
            _threadToken = AmbientOperation.EnterThread(operation, thread);
        }

        if (flows || captureArguments || captured is not null || probe || activity is not null)
        {
            var frame = OperationFrame.Create(operation);
            if (activity is not null)
            {
                frame.StartActivity(activity, previousActivity, ambient);
            }

            if (flows)
            {
                frame.EnterFlow();
            }

            if (captureArguments)
            {
                frame.Arguments = new ArgumentSummary(operation.Descriptor, operation.MaxArgLength, operation.State.Redactors);
            }
            else if (captured is not null)
            {
                frame.Arguments = captured.Summary;
            }

            if (probe)
            {
                frame.Probe = ResourceProbe.Start(operation.IncludeMemory, operation.IncludeCpu);
            }

            _frame = frame;
        }

        // Taken last, so the set-up above is not part of the measured duration.
        _start = operation.State.GetTimestamp();
    }

    /// <summary>Gets a value indicating whether this call is tracked (false when disabled by configuration).</summary>
    public readonly bool IsActive => _operation is not null;

    /// <summary>Gets a value indicating whether the woven code should hand over the arguments.</summary>
    public readonly bool CapturesArguments => _frame?.Arguments is not null;

    /// <summary>Starts tracking one call; costs a flag check when the operation is disabled.</summary>
    /// <param name="descriptor">The method's descriptor.</param>
    /// <param name="scope">The scope of the call, written in place: the woven method's local.</param>
    /// <remarks>
    /// An out parameter rather than a return value: a returned struct is built in a temporary and copied into the
    /// caller's local with wide loads of narrower stores, which stalls store forwarding on every call.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Start(OperationDescriptor descriptor, out OperationScope scope)
    {
        if (PerformanceRuntime.Enabled && descriptor.Current is { Enabled: true } operation)
        {
            Begin(operation, out scope);
        }
        else
        {
            scope = default;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Begin(ResolvedOperation operation, out OperationScope scope)
    {
        scope = default;
        ref var depth = ref TrackingSuppression.Depth;
        if (depth == 0)
        {
            if (!TrackingSuppression.FlowUsed)
            {
                scope.Initialize(operation, ambient: true, captured: null, ref depth);
                return;
            }

            var thread = TrackedThread.Current;
            if (!TrackingSuppression.InSuppressedFlowOn(thread))
            {
                scope.Initialize(operation, ambient: true, captured: null, ref depth, thread);
                return;
            }
        }

        ReportSuppressed(operation);
    }

    /// <summary>
    /// True when the call is reached from PerfLogging's own calls into a provider, listener or formatter: it then runs
    /// untracked (no record, no metric) instead of recursing or feeding the provider records of its own.
    /// </summary>
    private static bool Suppressed(ResolvedOperation operation)
    {
        if (!TrackingSuppression.IsActive)
        {
            return false;
        }

        ReportSuppressed(operation);
        return true;
    }

    private static void ReportSuppressed(ResolvedOperation operation) =>
        SelfDiagnostics.Report(
            SelfDiagnosticKind.Reentrancy,
            $"'{operation.Name}' was called from inside PerfLogging's own call into a logging provider, listener or formatter (or async work it started); such calls run untracked.");

    /// <summary>
    /// Starts tracking without making the operation ambient: for enumerations, whose steps interleave with the
    /// caller's code.
    /// </summary>
    internal static OperationScope StartDetached(OperationDescriptor descriptor, ArgumentCapture? arguments = null)
    {
        var operation = descriptor.Current;
        var scope = default(OperationScope);
        if (operation.Enabled && !Suppressed(operation))
        {
            scope.Initialize(operation, ambient: false, arguments, ref TrackingSuppression.Depth);
        }

        return scope;
    }

    /// <summary>Hands over one argument, typed; it is formatted now, and only because a record may be written.</summary>
    /// <typeparam name="T">The parameter type.</typeparam>
    /// <param name="index">The parameter position.</param>
    /// <param name="value">The value passed in.</param>
    public readonly void AddArgument<T>(int index, T value) => _frame?.Arguments?.Add(index, value);

    /// <summary>Records a call of a void method that returned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Complete()
    {
        if (_operation is not null)
        {
            Finish<object?>(null, null, hasResult: false);
        }
    }

    /// <summary>Records a call that returned <paramref name="result"/>, and returns it unchanged.</summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="result">The value the method returned.</param>
    /// <returns><paramref name="result"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Complete<T>(T result)
    {
        if (_operation is not null)
        {
            Finish(null, result, hasResult: true);
        }

        return result;
    }

    /// <summary>Records a call that threw.</summary>
    /// <param name="exception">The exception the method threw.</param>
    /// <returns>True when the exception is to be swallowed and default returned (OnError is not LogAndRaise).</returns>
    public bool Fail(Exception exception)
    {
        if (_operation is null)
        {
            return false;
        }

        Finish<object?>(exception, null, hasResult: false);
        return _operation.OnError != PerformanceErrorMode.LogAndRaise;
    }

    /// <summary>
    /// Records a failure from the woven method's exception filter, while the exception is in its first pass: nothing
    /// is caught or rethrown, so the caller's filters run before the method's own <c>finally</c> blocks and one throw
    /// stays one first-chance exception. The operation stays ambient until <see cref="Unwind"/> or the epilogue.
    /// </summary>
    /// <param name="thrown">The object the filter received.</param>
    /// <returns>True only when the failure is to be swallowed (OnError is not LogAndRaise): the filter's verdict.</returns>
    public bool Filter(object? thrown)
    {
        var operation = _operation;
        if (operation is null || thrown is not Exception exception)
        {
            return false;
        }

        if (!_completed)
        {
            var end = operation.State.GetTimestamp();
            _completed = true;
            Record(end, AmbientParent(), exception, (object?)null, hasResult: false);
        }

        return _swallowed = operation.OnError != PerformanceErrorMode.LogAndRaise;
    }

    /// <summary>The exception escapes the woven method (the fault handler): stops being ambient. Idempotent.</summary>
    public void Unwind()
    {
        if (_operation is not null)
        {
            _completed = true;
            ExitAmbient();
        }
    }

    // Fully optimized at its first call, not through tiering: what tiered PGO decided for this method made a process's
    // tracked calls fast or up to 20% slower (five-launch runs: 72-89 ns for the same build); compiled at once, every
    // launch measures the same (docs/benchmarks.md). Begin keeps PGO: it measured stable, and faster with it.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private void Finish<TResult>(Exception? exception, TResult result, bool hasResult)
    {
        if (_completed)
        {
            // Recorded already (a swallowed failure, or a manual operation completed twice): only leave.
            ExitAmbient();
            return;
        }

        var operation = _operation!;

        // Read first, so leaving the ambient state is not part of the duration.
        var end = operation.State.GetTimestamp();
        _completed = true;
        var parent = ExitAmbient();
        if (!IsQuiet(operation, end, exception))
        {
            Record(end, parent, exception, result, hasResult);
        }
    }

    /// <summary>
    /// The common quiet call: its level was disabled when it started and it succeeded under both thresholds, with no span,
    /// probe or meter listener to feed: there is nothing to record (what Record would conclude).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly bool IsQuiet(ResolvedOperation operation, long end, Exception? exception) =>
        !_verbose && exception is null && _frame is null && operation.SuccessAtMinLevel && !PerformanceMeter.IsListened &&
        Classify(operation, operation.State.SecondsBetween(_start, end), exception: null, resources: null) == PerformanceOutcome.Success;

    /// <summary>The operation that was innermost when this one became ambient, without leaving.</summary>
    private readonly string? AmbientParent() =>
        _threadToken != 0 ? AmbientOperation.ParentAt(_thread!, _threadToken) : _frame?.ParentName;

    /// <summary>Stops being the ambient operation: restores the parent. Idempotent.</summary>
    /// <returns>The parent operation, if this one was ambient.</returns>
    private string? ExitAmbient()
    {
        string? parent = null;
        if (_threadToken != 0)
        {
            parent = AmbientOperation.LeaveThread(_thread!, _threadToken);
            _threadToken = 0;
        }

        if (_frame is { } frame)
        {
            frame.Exit();
            parent ??= frame.ParentName;
        }

        return parent;
    }

    /// <summary>Measures, classifies, counts and, when the outcome's level is enabled, logs. Never throws.</summary>
    private readonly void Record<TResult>(long end, string? parent, Exception? exception, TResult result, bool hasResult)
    {
        var operation = _operation!;

        // Ended on the way out of the try block or in its handler, not in a finally block: every exception is caught
        // here anyway, and a try/finally around the call-outs costs every record.
        var suppressed = default(TrackingSuppression.FlowSection);
        try
        {
            var seconds = operation.State.SecondsBetween(_start, end);
            var resources = _frame?.Probe?.Stop(operation.IncludeMemory, operation.IncludeCpu, seconds);
            var outcome = Classify(operation, seconds, exception, resources);
            var level = operation.LevelOf(outcome);
            var write = (exception is null || operation.OnError != PerformanceErrorMode.Silent) &&
                (level == operation.MinLevel ? _verbose : IsEnabled(operation.Logger, level));
            var activity = _frame?.Activity;
            if (!write && activity is null && !PerformanceMeter.IsListened)
            {
                return;
            }

            // Asked in the caller's own context, before the section makes the flagged one current: a caller in the
            // default context has no request or activity for the record to read.
            var thread = _thread ?? TrackedThread.Current;
            var ambient = RecordDetails.MayHaveAmbient(thread);

            // Metrics, the span, formatting and the record call out to listeners, formatters and providers: woven code
            // reached from there, or from async work started there, runs untracked.
            suppressed = TrackingSuppression.WithFlow(thread);
            if (PerformanceMeter.IsListened)
            {
                PerformanceMeter.Record(operation, seconds, outcome, exception);
            }

            if (activity is not null)
            {
                PerformanceTracing.Stop(activity, operation, seconds, end, outcome, exception);
            }

            if (write)
            {
                var descriptor = operation.Descriptor;
                var resultSummary = !hasResult || !operation.IncludeResult ? null
                    : descriptor.ResultRedacted ? ValueFormatter.Redacted
                    : descriptor.ResultClassification is { } classified ? ValueFormatter.Redact(result, classified, operation.State.Redactors, operation.MaxResultLength)
                    : ValueFormatter.Format(result, operation.MaxResultLength);
                OperationLog.Write(operation, level, outcome, seconds, end, exception, _frame?.Arguments?.Summary, resultSummary, resources, parent, activity, ambient);
            }

            suppressed.Dispose();
        }
        catch (Exception ex)
        {
            suppressed.Dispose();
            SelfDiagnostics.Report(SelfDiagnosticKind.Tracking, $"Tracking operation '{operation.Name}' failed; the call itself was not affected.", ex);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PerformanceOutcome Classify(ResolvedOperation operation, double seconds, Exception? exception, ResourceUsage? resources)
    {
        if (exception is not null)
        {
            return PerformanceOutcome.Error;
        }

        if (seconds > operation.CriticalSeconds || resources?.MemoryDeltaMb > operation.MemoryCriticalMb)
        {
            return PerformanceOutcome.Critical;
        }

        return seconds > operation.WarningSeconds || resources?.MemoryDeltaMb > operation.MemoryWarningMb
            ? PerformanceOutcome.Warning
            : PerformanceOutcome.Success;
    }

    private static bool AnyLevelEnabled(ResolvedOperation operation) =>
        IsEnabled(operation.Logger, operation.WarningLevel) || IsEnabled(operation.Logger, operation.CriticalLevel) ||
        IsEnabled(operation.Logger, operation.ErrorLevel);

    /// <summary>Asks the providers; woven code they reach from there runs untracked (a thread section, the cheap one).</summary>
    private static bool IsEnabled(ILogger logger, LogLevel level) => IsEnabled(logger, level, ref TrackingSuppression.Depth);

    /// <summary>As <see cref="IsEnabled(ILogger, LogLevel)"/>, counting through the caller's reference to the thread's counter.</summary>
    private static bool IsEnabled(ILogger logger, LogLevel level, ref int depth)
    {
        if (level == LogLevel.None)
        {
            return false;
        }

        // Counted up and down without a finally block: a provider that throws is caught below either way.
        depth++;
        bool enabled;
        try
        {
            enabled = logger.IsEnabled(level);
        }
        catch (Exception ex)
        {
            depth--;
            SelfDiagnostics.Report(SelfDiagnosticKind.LoggerIsEnabled, "A logging provider failed in IsEnabled; its records are skipped.", ex);
            return false;
        }

        depth--;
        return enabled;
    }
}
