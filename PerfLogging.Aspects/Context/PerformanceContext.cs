using PerfLogging.Runtime;

namespace PerfLogging;

/// <summary>
/// The ambient context of tracked operations: the current request (its id appears on every record as
/// <c>request_id</c>, flowing across awaits) and the innermost operation being tracked.
/// </summary>
public static class PerformanceContext
{
    private static readonly AsyncLocal<RequestContext?> s_request = new();

    /// <summary>
    /// Set before the first request is begun: until then no execution context holds one, and every tracked call skips
    /// the async-local lookup (an application that never begins a request never pays it).
    /// </summary>
    private static volatile bool s_requestsUsed;

    /// <summary>Gets the id of the current request, if one was begun.</summary>
    public static string? RequestId => s_request.Value?.RequestId;

    /// <summary>Gets the name of the innermost operation being tracked with logging on, if any.</summary>
    public static string? CurrentOperation => AmbientOperation.CurrentName;

    /// <summary>Begins a request: every operation until the returned scope is disposed carries its id and fields.</summary>
    /// <param name="requestId">The request id, e.g. <c>req_123</c>.</param>
    /// <param name="fields">Extra fields written on every record of the request.</param>
    /// <returns>A scope that restores the previous request when disposed.</returns>
    public static IDisposable BeginRequest(string requestId, IEnumerable<KeyValuePair<string, object?>>? fields = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        if (!s_requestsUsed)
        {
            // Written once: every tracked call reads the flag, so it must not be a cache line each operation dirties.
            s_requestsUsed = true;
        }

        var previous = s_request.Value;
        var request = new RequestContext(requestId, fields?.ToArray() ?? []);
        s_request.Value = request;
        return new RequestScope(previous, request, AmbientOperation.AdoptRequest(previous, request));
    }

    internal static RequestContext? CurrentRequest => s_requestsUsed ? s_request.Value : null;

    private sealed class RequestScope(RequestContext? previous, RequestContext request, (object? Stack, int Depth) adopted) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                s_request.Value = previous;
                AmbientOperation.ReleaseRequest(adopted, request, previous);
            }
        }
    }
}

/// <summary>A request begun with <see cref="PerformanceContext.BeginRequest"/>.</summary>
internal sealed record RequestContext(string RequestId, KeyValuePair<string, object?>[] Fields);
