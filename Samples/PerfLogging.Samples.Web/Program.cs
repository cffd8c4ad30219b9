using OpenTelemetry.Trace;
using PerfLogging.Samples.Web;

var builder = WebApplication.CreateBuilder(args);

// One console provider, one JSON line per record (the formatter replaces the template's plain console lines).
builder.Logging.AddPerformanceJsonConsole();

// Thresholds, profiles and Tracing:Enabled from the "PerformanceLogging" section of appsettings.json.
builder.Services.AddPerformanceLogging(builder.Configuration.GetSection("PerformanceLogging"));

// PerfLogging's spans are children of the request's span: export both, or a parent-based sampler drops them.
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing
        .AddAspNetCoreInstrumentation()
        .AddSource("PerfLogging")
        .AddOtlpExporter());

builder.Services.AddSingleton<OrderLookup>();

var app = builder.Build();

// request_id (HttpContext.TraceIdentifier), http.request.method and http.route on every record of the request.
app.UsePerformanceLogging();

app.MapGet("/orders/{id:int}", async (int id, OrderLookup orders) => await orders.FindAsync(id));

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
