using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PerfLogging;
using PerfLogging.Configuration;
using PerfLogging.Samples;
using PerfLogging.Samples.Orders;
using PerfLogging.Samples.Reporting;

var arguments = SampleArguments.Parse(args);
IHost host;
try
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        Args = arguments.HostArgs,
        ContentRootPath = AppContext.BaseDirectory,
        DisableDefaults = true,
    });

    // perflogging.json holds the solution-wide defaults; appsettings.json, the environment and the command line
    // override it, in that order.
    builder.Configuration
        .AddPerformanceLoggingJsonFile(arguments.ConfigPath)
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables("PERFLOGGING_SAMPLE_")
        .AddCommandLine(arguments.HostArgs);

    builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
    builder.Logging.AddPerformanceJsonConsole();

    // Records the application writes inside an operation get its name ("operation") through log enrichment.
    builder.Logging.EnableEnrichment();
    Telemetry.Add(builder.Services, builder.Configuration);
    builder.Services.AddPerformanceLogging(builder.Configuration);
    host = builder.Build();

    // Validate before starting, so a bad file is reported as a list of problems rather than a host failure.
    _ = host.Services.GetRequiredService<IOptionsMonitor<PerformanceLoggingOptions>>().CurrentValue;
    await host.StartAsync();
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
catch (InvalidDataException ex)
{
    var cause = ex.GetBaseException();
    await Console.Error.WriteLineAsync($"{ex.Message} {cause.Message} Fix the JSON syntax of the file.");
    return 1;
}
catch (FileNotFoundException ex)
{
    await Console.Error.WriteLineAsync($"{ex.Message} Pass an existing file with --config.");
    return 1;
}

MeterSummary? summary = null;
using (host)
{
    var options = host.Services.GetRequiredService<IOptionsMonitor<PerformanceLoggingOptions>>().CurrentValue;
    ConfigurationReport.Print(Console.Out, options, arguments.ConfigPath);
    if (!arguments.ConfigOnly)
    {
        summary = new MeterSummary();
        Console.WriteLine();
        await OrderWorkflow.RunAsync(host.Services.GetRequiredService<ILoggerFactory>());
    }

    await host.StopAsync();
}

// The console provider writes from a queue; disposing the host flushed it, so the table follows the last record.
using (summary)
{
    summary?.Print(Console.Out);
}

return 0;
