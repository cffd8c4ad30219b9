using PerfLogging;

namespace PerfLogging.Samples.Worker;

/// <summary>
/// A background service whose every iteration is one request: the records of the woven calls it makes carry the
/// iteration's <c>request_id</c>, across awaits.
/// </summary>
public sealed class Worker(QueueProcessor processor, IConfiguration configuration, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Worker:Iterations stops the service after that many iterations (0, the default, runs until stopped).
        var iterations = configuration.GetValue("Worker:Iterations", 0);
        var interval = TimeSpan.FromMilliseconds(configuration.GetValue("Worker:IntervalMilliseconds", 1000));
        for (var iteration = 1; !stoppingToken.IsCancellationRequested; iteration++)
        {
            #region worker-iteration
            using (PerformanceContext.BeginRequest($"batch-{iteration}"))
            {
                var batch = await processor.ReceiveAsync(stoppingToken);
                await processor.ProcessAsync(batch, stoppingToken);
            }
            #endregion

            if (iteration == iterations)
            {
                lifetime.StopApplication();
                return;
            }

            await Task.Delay(interval, stoppingToken);
        }
    }
}
