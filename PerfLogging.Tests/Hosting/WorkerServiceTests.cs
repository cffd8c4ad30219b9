using System.Text.Json;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Hosting;

/// <summary>The worker sample: a <c>dotnet new worker</c> project whose iterations are PerfLogging requests.</summary>
public class WorkerServiceTests
{
    [Test]
    public void Each_iteration_of_a_background_service_is_a_request_and_every_line_is_json_written_once()
    {
        var run = ProcessRunner.Run("dotnet", [Repository.WorkerSampleDll, "--Worker:Iterations=3", "--Worker:IntervalMilliseconds=10"],
            workingDirectory: Path.GetDirectoryName(Repository.WorkerSampleDll), timeout: TimeSpan.FromMinutes(1));

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        entries.Count(e => e.GetProperty("message").GetString() == "Application started. Press Ctrl+C to shut down.").ShouldBe(1);

        var records = entries.Where(e => e.TryGetProperty("performance", out _))
            .Select(e => (
                Operation: e.GetProperty("performance").GetProperty("operation_name").GetString(),
                Request: e.GetProperty("context").GetProperty("request_id").GetString()))
            .ToList();
        records.ShouldBe(
        [
            ("QueueProcessor.ReceiveAsync", "batch-1"), ("QueueProcessor.ProcessAsync", "batch-1"),
            ("QueueProcessor.ReceiveAsync", "batch-2"), ("QueueProcessor.ProcessAsync", "batch-2"),
            ("QueueProcessor.ReceiveAsync", "batch-3"), ("QueueProcessor.ProcessAsync", "batch-3"),
        ]);
    }
}
