using System.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>
/// What a performance record holds beyond its operation, outcome and timing: the failure, the formatted arguments and
/// result, the resources measured, and the context it was written in. Allocated only when a record has any of them.
/// </summary>
/// <remarks>
/// The context fields are built when read, in this order: request id and request fields, parent operation, trace and
/// span id, then <c>[PerformanceContext]</c> fields. Of the activity only its ids are kept (a provider that keeps
/// records must not keep the caller's activity, its tags and its parents alive).
/// </remarks>
internal sealed class RecordDetails
{
    private readonly bool _traced;
    private readonly ActivityTraceId _traceId;
    private readonly ActivitySpanId _spanId;

    private RecordDetails(Exception? exception, string? argsSummary, string? resultSummary, ResourceUsage? resources, string? parent, RequestContext? request, Activity? activity)
    {
        Exception = exception;
        ArgsSummary = argsSummary;
        ResultSummary = resultSummary;
        Resources = resources;
        Parent = parent;
        Request = request;
        if (activity is not null)
        {
            _traced = true;
            _traceId = activity.TraceId;
            _spanId = activity.SpanId;
        }
    }

    public Exception? Exception { get; }

    public string? ArgsSummary { get; }

    public string? ResultSummary { get; }

    public ResourceUsage? Resources { get; }

    public string? Parent { get; }

    public RequestContext? Request { get; }

    /// <summary>
    /// The details of a record written now, with the current request and activity; null when there are none. With
    /// <paramref name="ambient"/> false (the caller's execution context is known to be the default one, which holds no
    /// request or activity) reading them is spared.
    /// </summary>
    public static RecordDetails? Capture(Exception? exception, string? argsSummary, string? resultSummary, ResourceUsage? resources, string? parent, Activity? span, bool ambient)
    {
        var request = ambient ? PerformanceContext.CurrentRequest : null;
        var activity = span ?? (ambient ? Activity.Current : null);
        return exception is null && argsSummary is null && resultSummary is null && resources is null && parent is null && request is null && activity is null
            ? null
            : new RecordDetails(exception, argsSummary, resultSummary, resources, parent, request, activity);
    }

    /// <summary>
    /// False when <paramref name="thread"/>'s execution context is the default one (read directly, when it can be).
    /// Ask before entering a flow section, which makes another context current.
    /// </summary>
    public static bool MayHaveAmbient(TrackedThread thread) => !ContextSlot.Available || ContextSlot.Of(thread.Thread) is not null;

    public int ContextCount(ResolvedOperation operation) =>
        (Request is null ? 0 : 1 + Request.Fields.Length) + (Parent is null ? 0 : 1) + (_traced ? 2 : 0) + operation.Descriptor.ContextFields.Length;

    public KeyValuePair<string, object?> ContextField(ResolvedOperation operation, int index)
    {
        if (Request is { } request)
        {
            if (index == 0)
            {
                return new(MetricNames.RequestId, request.RequestId);
            }

            if (index <= request.Fields.Length)
            {
                return request.Fields[index - 1];
            }

            index -= 1 + request.Fields.Length;
        }

        if (Parent is { } parent)
        {
            if (index == 0)
            {
                return new(MetricNames.ParentOperation, parent);
            }

            index--;
        }

        if (_traced)
        {
            switch (index)
            {
                case 0:
                    return new(MetricNames.TraceId, _traceId.ToString());
                case 1:
                    return new(MetricNames.SpanId, _spanId.ToString());
            }

            index -= 2;
        }

        return operation.Descriptor.ContextFields[index];
    }

    public KeyValuePair<string, object?>[] Context(ResolvedOperation operation)
    {
        var context = new KeyValuePair<string, object?>[ContextCount(operation)];
        for (var i = 0; i < context.Length; i++)
        {
            context[i] = ContextField(operation, i);
        }

        return context;
    }
}
