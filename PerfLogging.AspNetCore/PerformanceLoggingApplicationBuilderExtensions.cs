using PerfLogging.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds PerfLogging's request context to an ASP.NET Core pipeline.</summary>
public static class PerformanceLoggingApplicationBuilderExtensions
{
    /// <summary>
    /// Opens a PerfLogging request for every HTTP request: records written while it runs carry
    /// <c>request_id</c> (the request's <see cref="Http.HttpContext.TraceIdentifier"/>), <c>http.request.method</c> and,
    /// once routing chose an endpoint, <c>http.route</c>. Call it after <c>UseRouting</c> when the application calls
    /// that itself (a minimal-API app routes first on its own).
    /// </summary>
    /// <param name="app">The application's pipeline.</param>
    /// <returns>The pipeline.</returns>
    public static IApplicationBuilder UsePerformanceLogging(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<PerformanceRequestMiddleware>();
    }
}
