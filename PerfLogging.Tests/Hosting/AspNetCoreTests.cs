using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PerfLogging.Samples.Web;

namespace PerfLogging.Tests.Hosting;

/// <summary>
/// The web sample is a <c>dotnet new web</c> project set up only as the README says (AddPerformanceJsonConsole,
/// AddPerformanceLogging, the OpenTelemetry snippet, UsePerformanceLogging); these tests run it in memory.
/// </summary>
[NonParallelizable]
public class AspNetCoreTests
{
    private const string TraceHeader = "x-test-trace-identifier";

    [TearDown]
    public void TearDown() => PerformanceLogging.Reset();

    [Test]
    public async Task A_woven_service_called_from_an_endpoint_logs_one_json_line_with_the_requests_trace_identifier_method_and_route()
    {
        string[] traceIdentifiers;
        ConsoleCapture console;
        using (console = new ConsoleCapture())
        {
            await using (var factory = Factory(spans: null))
            {
                var client = factory.CreateClient();
                traceIdentifiers = [await TraceIdentifierOf(client, 7), await TraceIdentifierOf(client, 8)];
            }
        }

        // The template's console provider now writes JSON: no plain line, and each record exactly once.
        var lines = console.Lines.Where(l => !l.StartsWith("{", StringComparison.Ordinal)).ToList();
        lines.ShouldBeEmpty();
        var records = console.Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Where(r => r.TryGetProperty("performance", out _)).ToList();
        records.Count.ShouldBe(2);
        for (var i = 0; i < 2; i++)
        {
            records[i].GetProperty("performance").GetProperty("operation_name").GetString().ShouldBe("OrderLookup.FindAsync");
            var context = records[i].GetProperty("context");
            context.GetProperty("request_id").GetString().ShouldBe(traceIdentifiers[i]);
            context.GetProperty("http.request.method").GetString().ShouldBe("GET");
            context.GetProperty("http.route").GetString().ShouldBe("/orders/{id:int}");
        }

        traceIdentifiers[0].ShouldNotBe(traceIdentifiers[1]);
    }

    [Test]
    public async Task With_the_READMEs_OpenTelemetry_snippet_the_PerfLogging_span_is_exported_as_a_child_of_the_request_span()
    {
        var spans = new List<Activity>();
        using var console = new ConsoleCapture();
        await using (var factory = Factory(spans))
        {
            await TraceIdentifierOf(factory.CreateClient(), 7);
        }

        var request = spans.Single(s => s.Kind == ActivityKind.Server);
        var operation = spans.Single(s => s.Source.Name == "PerfLogging");
        operation.DisplayName.ShouldBe("OrderLookup.FindAsync");
        operation.ParentSpanId.ShouldBe(request.SpanId);
        operation.TraceId.ShouldBe(request.TraceId);

        // The record names its own span, not the request's.
        var record = console.Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).Single(r => r.TryGetProperty("performance", out _));
        record.GetProperty("context").GetProperty("span_id").GetString().ShouldBe(operation.SpanId.ToString());
        record.GetProperty("context").GetProperty("trace_id").GetString().ShouldBe(request.TraceId.ToString());
    }

    [Test]
    public async Task Without_the_request_spans_PerfLogging_spans_are_dropped_and_the_middleware_says_how_to_fix_it()
    {
        var spans = new List<Activity>();
        var warnings = await RunTracedApp(t => t.AddSource("PerfLogging").AddInMemoryExporter(spans), "/orders/1", "/orders/2");

        spans.ShouldBeEmpty();
        warnings.ShouldHaveSingleItem().ShouldContain("AddAspNetCoreInstrumentation()");
    }

    [TestCase("unsampled-upstream")]
    [TestCase("filtered-health-check")]
    public async Task A_request_left_unsampled_on_purpose_is_not_reported_as_a_setup_mistake(string firstRequest)
    {
        var spans = new List<Activity>();
        var warnings = await RunTracedApp(
            t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddSource("PerfLogging")
                .AddInMemoryExporter(spans),
            firstRequest == "unsampled-upstream" ? "/orders/1 unsampled" : "/health",
            "/orders/2");

        spans.ShouldContain(s => s.Source.Name == "PerfLogging");
        warnings.ShouldBeEmpty();
    }

    /// <summary>
    /// A minimal API app with tracing on and the given tracer setup; each path is requested in turn ("path unsampled"
    /// with an upstream traceparent that did not sample). Returns what the middleware warned.
    /// </summary>
    private static async Task<List<string>> RunTracedApp(Action<TracerProviderBuilder> tracing, params string[] requests)
    {
        var warnings = new List<string>();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(new WarningCollector(warnings));
        builder.Services.AddPerformanceLogging(o => o.Tracing.Enabled = true);
        builder.Services.AddOpenTelemetry().WithTracing(tracing);
        builder.Services.AddSingleton<OrderLookup>();
        await using var app = builder.Build();
        app.UsePerformanceLogging();
        app.MapGet("/orders/{id:int}", (int id, OrderLookup orders) => orders.FindAsync(id));
        app.MapGet("/health", (OrderLookup orders) => orders.FindAsync(0));
        await app.StartAsync();
        var client = app.GetTestClient();
        foreach (var request in requests)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Split(' ')[0]);
            if (request.EndsWith(" unsampled", StringComparison.Ordinal))
            {
                message.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");
            }

            (await client.SendAsync(message)).EnsureSuccessStatusCode();
        }

        await app.StopAsync();
        return warnings;
    }

    private static WebApplicationFactory<Program> Factory(List<Activity>? spans) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.ConfigureServices(services =>
        {
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TraceIdentifierHeader>();
            if (spans is not null)
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            }
        }));

    private static async Task<string> TraceIdentifierOf(HttpClient client, int id)
    {
        var response = await client.GetAsync(new Uri($"/orders/{id}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        (await response.Content.ReadFromJsonAsync<Order>())!.Id.ShouldBe(id);
        return response.Headers.GetValues(TraceHeader).Single();
    }

    /// <summary>Puts each request's trace identifier on its response, so the test can compare it with the record.</summary>
    private sealed class TraceIdentifierHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                context.Response.Headers[TraceHeader] = context.TraceIdentifier;
                await nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>Enabled for every category (as the template's console is), so ASP.NET Core starts its request activity.</summary>
    private sealed class WarningCollector(List<string> warnings) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(warnings, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(List<string> warnings, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (category == "PerfLogging.AspNetCore")
                {
                    lock (warnings)
                    {
                        warnings.Add($"{logLevel}: {formatter(state, exception)}");
                    }
                }
            }
        }
    }
}
