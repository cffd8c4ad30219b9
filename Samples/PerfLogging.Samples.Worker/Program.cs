using PerfLogging.Samples.Worker;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddPerformanceJsonConsole();
builder.Services.AddPerformanceLogging(builder.Configuration.GetSection("PerformanceLogging"));
builder.Services.AddSingleton<QueueProcessor>();
builder.Services.AddHostedService<Worker>();

var host = builder.Build();
host.Run();
