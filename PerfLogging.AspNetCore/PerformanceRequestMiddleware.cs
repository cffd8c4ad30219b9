using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PerfLogging.Runtime;

namespace PerfLogging.AspNetCore;

/// <summary>Runs each request inside <see cref="PerformanceContext.BeginRequest"/>.</summary>
internal sealed class PerformanceRequestMiddleware(RequestDelegate next, ILoggerFactory loggerFactory)
{
    public const string MethodField = "http.request.method";
    public const string RouteField = "http.route";

    private int _samplingChecked;

    public async Task InvokeAsync(HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        KeyValuePair<string, object?>[] fields = route is null
            ? [new(MethodField, context.Request.Method)]
            : [new(MethodField, context.Request.Method), new(RouteField, route)];
        if (_samplingChecked == 0)
        {
            CheckSampling();
        }

        using (PerformanceContext.BeginRequest(context.TraceIdentifier, fields))
        {
            await next(context).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Warns once when PerfLogging's spans are listened to but nobody listens to the request's own activity: it is then
    /// never recorded, and a parent-based sampler (OpenTelemetry's default) drops every PerfLogging span under it. A
    /// request that is not recorded although its source is listened to (an upstream caller that did not sample it, a
    /// request the instrumentation filters out) is a sampling decision, not a setup mistake.
    /// </summary>
    private void CheckSampling()
    {
        if (!PerformanceRuntime.State.Options.Tracing.Enabled || !PerformanceTracing.Source.HasListeners() ||
            Activity.Current is not { Recorded: false, Source: var requestSource } || requestSource.HasListeners() ||
            Interlocked.Exchange(ref _samplingChecked, 1) != 0)
        {
            return;
        }

        loggerFactory.CreateLogger("PerfLogging.AspNetCore").LogWarning(
            "PerfLogging spans are listened to, but nobody listens to the request's activity ({Source}), so it is not recorded and a parent-based sampler drops the PerfLogging spans under it. " +
            "Add the request spans to the tracer provider: AddAspNetCoreInstrumentation() (package OpenTelemetry.Instrumentation.AspNetCore) or AddSource(\"Microsoft.AspNetCore\").",
            requestSource.Name.Length == 0 ? "no ActivitySource" : requestSource.Name);
    }
}
