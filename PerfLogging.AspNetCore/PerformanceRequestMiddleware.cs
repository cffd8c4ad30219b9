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
    /// Warns once when PerfLogging's spans are listened to but the request's own activity is not recorded: a
    /// parent-based sampler (OpenTelemetry's default) then drops every PerfLogging span of the request.
    /// </summary>
    private void CheckSampling()
    {
        if (!PerformanceRuntime.State.Options.Tracing.Enabled || !PerformanceTracing.Source.HasListeners() ||
            Activity.Current is not { Recorded: false, Source.Name: var source } ||
            Interlocked.Exchange(ref _samplingChecked, 1) != 0)
        {
            return;
        }

        loggerFactory.CreateLogger("PerfLogging.AspNetCore").LogWarning(
            "PerfLogging spans are listened to, but the request's activity ({Source}) is not recorded, so a parent-based sampler drops them. " +
            "Add the request spans to the tracer provider: AddAspNetCoreInstrumentation() (package OpenTelemetry.Instrumentation.AspNetCore) or AddSource(\"Microsoft.AspNetCore\").",
            source.Length == 0 ? "no ActivitySource" : source);
    }
}
