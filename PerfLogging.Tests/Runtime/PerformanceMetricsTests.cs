namespace PerfLogging.Tests.Runtime;

public class PerformanceMetricsTests
{
    private static PerformanceMetrics Sample() => new()
    {
        OperationName = "checkout",
        StartTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        EndTime = new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero),
        DurationSeconds = 1,
        Success = false,
        ErrorType = "TimeoutException",
        ErrorMessage = "slow",
        CpuPercent = 12.5,
        FunctionName = "Checkout",
        ClassName = "Cart",
        ModuleName = "Shop.dll",
        ExceededWarning = true,
        WarningThreshold = 0.5,
        CriticalThreshold = 2,
    };

    [Test]
    public void ToDictionary_has_every_seed_field_under_its_snake_case_name()
    {
        var fields = Sample().ToDictionary();

        fields.Keys.ShouldBe(
        [
            "operation_name", "start_time", "end_time", "duration_seconds", "success", "error_type", "error_message",
            "memory_start_mb", "memory_end_mb", "memory_delta_mb", "memory_peak_mb", "allocated_bytes", "cpu_percent",
            "function_name", "module_name", "class_name", "args_summary", "result_summary", "exceeded_warning",
            "exceeded_critical", "warning_threshold", "critical_threshold",
        ]);
        fields["operation_name"].ShouldBe("checkout");
        fields["duration_seconds"].ShouldBe(1.0);
        fields["success"].ShouldBe(false);
        fields["cpu_percent"].ShouldBe(12.5);
        fields["memory_delta_mb"].ShouldBeNull();
        fields["start_time"].ShouldBe(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
    }

    [Test]
    public void ToContextFields_prefixes_the_measured_fields_and_leaves_out_the_rest()
    {
        var fields = Sample().ToContextFields("perf_");

        fields["perf_operation_name"].ShouldBe("checkout");
        fields["perf_error_type"].ShouldBe("TimeoutException");
        fields.ShouldNotContainKey("perf_memory_delta_mb");
        fields.ShouldNotContainKey("perf_args_summary");
        fields.Keys.ShouldAllBe(key => key.StartsWith("perf_", StringComparison.Ordinal));
    }
}
