using System.Globalization;
using System.Text;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Tool;

/// <summary><c>perflogging summary</c>: a JSON log read back into the per-operation table.</summary>
public class LogSummaryTests
{
    private TempDirectory _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempDirectory();

    [TearDown]
    public void TearDown() => _folder.Dispose();

    /// <summary>One record shaped as AddPerformanceJsonConsole writes it.</summary>
    private static string Record(string operation, double seconds, string level = "Information", bool success = true, bool warning = false, bool critical = false, string time = "2026-11-27T10:00:00.000Z", double? memory = null) =>
        Line(System.Text.Json.JsonEncodedText.Encode(operation, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), seconds, level, success, warning, critical, time, memory);

    private static string Line(string operation, double seconds, string level, bool success, bool warning, bool critical, string time, double? memory) =>
        string.Create(CultureInfo.InvariantCulture,
            $$$"""{"timestamp":"{{{time}}}","level":"{{{level}}}","logger_name":"Shop.Orders","message":"{{{operation}}} completed","context":{"operation":"{{{operation}}}","request_id":"req_1"},"performance":{"operation_name":"{{{operation}}}","start_time":"{{{time}}}","duration_seconds":{{{seconds:R}}},"success":{{{(success ? "true" : "false")}}},"error_type":null,"memory_delta_mb":{{{(memory is { } mb ? mb.ToString("R", CultureInfo.InvariantCulture) : "null")}}},"exceeded_warning":{{{(warning ? "true" : "false")}}},"exceeded_critical":{{{(critical ? "true" : "false")}}},"warning_threshold":1,"critical_threshold":5}}""");

    private string Log(params string[] lines) => _folder.Write("app.log", string.Join('\n', lines) + "\n");

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Test]
    public void The_summary_of_the_samples_log_has_the_numbers_of_the_samples_own_table()
    {
        var sample = ProcessRunner.Run("dotnet", [Repository.SampleDll]);
        sample.ExitCode.ShouldBe(0, sample.Error);
        var log = _folder.Write("sample.log", sample.Output);

        var result = ToolRunner.Run("summary", log, "--sort", "operation");

        result.ExitCode.ShouldBe(0, result.Error);
        var sampleRows = ToolRunner.Lines(sample.Output).SkipWhile(l => l != "Operation summary").Skip(1).Where(l => l.Length > 0).ToList();
        var toolRows = ToolRunner.Lines(result.Output).Where(l => l.Length > 0).ToList();
        sampleRows.Count.ShouldBe(14);
        toolRows[0].ShouldBe(sampleRows[0]);
        toolRows[0].ShouldStartWith("operation ");

        // OnError = Silent logs nothing: that operation is in the meter's table only.
        var silent = sampleRows.Single(r => r.StartsWith("PaymentGateway.PingFraudService ", StringComparison.Ordinal));
        toolRows.ShouldBe(sampleRows.Where(r => r != silent).ToList());

        var records = ToolRunner.Lines(sample.Output).Count(l => l.Contains("\"performance\":", StringComparison.Ordinal));
        var others = ToolRunner.Lines(sample.Output).Count(l => l.Trim().Length > 0) - records;
        result.Error.ShouldBe($"{records} records of 12 operations; 0 filtered out, {others} other lines skipped.\n");
    }

    [Test]
    public void Outcomes_come_from_success_then_the_threshold_flags_then_the_level_of_a_call_that_measured_memory()
    {
        var log = Log(
            Record("checkout", 0.010),
            Record("checkout", 1.5, "Warning", warning: true),
            Record("checkout", 6, "Critical", warning: true, critical: true),
            Record("checkout", 7, "Error", success: false, warning: true, critical: true),
            Record("checkout", 0.020, "Warning", memory: 120.5),
            Record("checkout", 0.030, "Warning"));

        var result = ToolRunner.Run("summary", log, "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        var row = ToolRunner.Lines(result.Output)[1].Split(',');
        row[0].ShouldBe("checkout");
        row[1].ShouldBe("6");
        row[5].ShouldBe("7000.000");
        row[6..].ShouldBe(["2", "1", "1"]);
        double.Parse(row[2], CultureInfo.InvariantCulture).ShouldBe(30, 30 * 0.005);
    }

    [Test]
    public void Every_format_writes_the_same_row()
    {
        var log = Log(Record("pay,ment \"x\"", 0.25, "Warning", warning: true), Record("a|b", 0.002));

        var table = ToolRunner.Run("summary", log).Output;
        var markdown = ToolRunner.Run("summary", log, "--format", "markdown").Output;
        var csv = ToolRunner.Run("summary", log, "--format", "CSV").Output;

        table.ShouldBe(
            "operation                          calls    p50 ms    p95 ms    p99 ms    max ms  warn  crit   err\n" +
            "pay,ment \"x\"                           1    250.00    250.00    250.00    250.00     1     0     0\n" +
            "a|b                                    1      2.00      2.00      2.00      2.00     0     0     0\n");
        markdown.ShouldBe(
            "| operation | calls | p50 ms | p95 ms | p99 ms | max ms | warn | crit | err |\n" +
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n" +
            "| pay,ment \"x\" | 1 | 250.00 | 250.00 | 250.00 | 250.00 | 1 | 0 | 0 |\n" +
            "| a\\|b | 1 | 2.00 | 2.00 | 2.00 | 2.00 | 0 | 0 | 0 |\n");
        csv.ShouldBe(
            "operation,calls,p50_ms,p95_ms,p99_ms,max_ms,warnings,criticals,errors\n" +
            "\"pay,ment \"\"x\"\"\",1,250.000,250.000,250.000,250.000,1,0,0\n" +
            "a|b,1,2.000,2.000,2.000,2.000,0,0,0\n");
    }

    [Test]
    public void Sort_top_operation_and_since_choose_the_rows()
    {
        var log = Log(
            Record("orders.place", 0.5, time: "2026-11-27T09:00:00.000Z"),
            Record("orders.place", 0.1, time: "2026-11-27T11:00:00.000Z"),
            Record("orders.find", 0.3, time: "2026-11-27T11:00:00.000Z"),
            Record("orders.find", 0.3, time: "2026-11-27T11:00:00.000Z"),
            Record("orders.find", 0.3, time: "2026-11-27T11:00:00.000Z"),
            Record("payments.charge", 0.9, success: false, level: "Error", time: "2026-11-27T11:00:00.000Z"));

        Operations("summary", log).ShouldBe(["payments.charge", "orders.place", "orders.find"]);
        Operations("summary", log, "--sort", "calls", "--top", "1").ShouldBe(["orders.find"]);
        Operations("summary", log, "--sort", "errors", "--top", "2").ShouldBe(["payments.charge", "orders.find"]);
        Operations("summary", log, "--operation", "orders.*").ShouldBe(["orders.place", "orders.find"]);

        var since = ToolRunner.Run("summary", log, "--since", "2026-11-27T10:00:00Z", "--sort", "max");
        ToolRunner.Lines(since.Output)[1].ShouldStartWith("payments.charge ");
        ToolRunner.Lines(since.Output).Single(l => l.StartsWith("orders.place ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].ShouldBe("1");
        since.Error.ShouldBe("5 records of 3 operations; 1 filtered out, 0 other lines skipped.\n");
    }

    [Test]
    public void A_dash_reads_standard_input_and_other_lines_are_counted_and_skipped()
    {
        var log = Log("starting up", Record("job", 0.004), "{\"level\":\"Information\",\"message\":\"app record\"}", "{ broken json", Record("job", 0.004));

        var result = ProcessRunner.Run("bash", ["-c", $"dotnet '{Repository.ToolDll}' summary - --format csv < '{log}'"]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldBe("operation,calls,p50_ms,p95_ms,p99_ms,max_ms,warnings,criticals,errors\njob,2,4.000,4.000,4.000,4.000,0,0,0\n");
        result.Error.ShouldBe("2 records of 1 operations; 0 filtered out, 3 other lines skipped.\n");
    }

    [Test]
    public void Errors_are_one_line_that_names_the_problem_and_the_fix_with_a_non_zero_exit_code()
    {
        var missing = Path.Combine(_folder.Path, "missing.log");
        var text = _folder.Write("text.log", "hello\n{\"level\":\"Information\"}\n");
        var log = Log(Record("job", 0.004));

        ToolRunner.Failure("summary", missing).ShouldBe((1, $"perflogging: No such file: '{missing}'. Pass the path of a log file, or '-' to read standard input."));
        ToolRunner.Failure("summary", _folder.Path).ShouldBe((1, $"perflogging: '{_folder.Path}' is a directory, not a file. Pass the path of a log file, or '-' to read standard input."));
        ToolRunner.Failure("summary", text).ShouldBe((1,
            $"perflogging: '{text}' holds no PerfLogging records (2 other lines). Pass a log written by AddPerformanceJsonConsole(): one JSON object per line with a \"performance\" object."));
        ToolRunner.Failure("summary", log, "--operation", "web.*", "--since", "1h").ShouldBe((1,
            "perflogging: None of the 1 PerfLogging records in '" + log + "' match --operation 'web.*' and --since '1h'. Widen the filter."));
        ToolRunner.Failure("summary").ShouldBe((2, "perflogging: summary needs a log file: perflogging summary <file> (or '-' to read standard input)."));
        ToolRunner.Failure("summary", log, "--top", "0").ShouldBe((2, "perflogging: --top '0' is not a positive whole number. Write it like '--top 10'."));
        ToolRunner.Failure("summary", log, "--sort", "slowest").ShouldBe((2, "perflogging: --sort 'slowest' is not one of operation, p95, calls, max, errors."));
        ToolRunner.Failure("summary", log, "--format", "1").ShouldBe((2, "perflogging: --format '1' is not one of table, markdown, csv."));
        ToolRunner.Failure("summary", log, "--since", "yesterday").ShouldBe((2,
            "perflogging: --since 'yesterday' is not a time. Write an ISO 8601 time like '2026-11-27T10:00:00Z' or a span back from now like '15m', '2h' or '7d'."));
    }

    [Test]
    public void Json_lines_that_are_not_records_are_counted_and_skipped_whatever_they_hold()
    {
        var invalidUtf8 = Encoding.UTF8.GetBytes("{\"level\":\"Information\",\"performance\":{\"operation_name\":\"ab")
            .Concat(new byte[] { 0xFF, 0xFE })
            .Concat(Encoding.UTF8.GetBytes("\",\"duration_seconds\":0.1,\"success\":true}}\n"));
        var log = WriteBytes(
            "mixed.log",
            [.. Encoding.UTF8.GetBytes("{\"level\":30,\"msg\":\"listening\"}\n"), .. invalidUtf8, .. Encoding.UTF8.GetBytes(Record("job", 0.004) + "\n")]);

        var result = ToolRunner.Run("summary", log, "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldBe("operation,calls,p50_ms,p95_ms,p99_ms,max_ms,warnings,criticals,errors\njob,1,4.000,4.000,4.000,4.000,0,0,0\n");
        result.Error.ShouldBe("1 records of 1 operations; 0 filtered out, 2 other lines skipped.\n");
    }

    [Test]
    public void A_log_saved_with_a_byte_order_mark_keeps_its_first_record()
    {
        var log = WriteBytes("bom.log", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Record("job", 0.004) + "\n" + Record("job", 0.004) + "\n")]);

        var result = ToolRunner.Run("summary", log, "--format", "csv");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldBe("operation,calls,p50_ms,p95_ms,p99_ms,max_ms,warnings,criticals,errors\njob,2,4.000,4.000,4.000,4.000,0,0,0\n");
        result.Error.ShouldBe("2 records of 1 operations; 0 filtered out, 0 other lines skipped.\n");
    }

    [TestCase("1000000d")]
    [TestCase("99999999999999d")]
    public void A_since_span_reaching_back_before_year_one_is_a_usage_error(string since)
    {
        var log = Log(Record("job", 0.004));

        ToolRunner.Failure("summary", log, "--since", since).ShouldBe((2,
            $"perflogging: --since '{since}' reaches back before year 1. Write a shorter span like '7d', or an ISO 8601 time like '2026-11-27T10:00:00Z'."));
    }

    [TestCase("--sort", "p95,calls", "operation, p95, calls, max, errors")]
    [TestCase("--format", "table,csv", "table, markdown, csv")]
    [TestCase("--format", " csv", "table, markdown, csv")]
    public void A_list_of_choices_is_not_a_choice(string option, string value, string choices)
    {
        var log = Log(Record("job", 0.004));

        ToolRunner.Failure("summary", log, option, value).ShouldBe((2, $"perflogging: {option} '{value}' is not one of {choices}."));
    }

    [Test]
    public void A_timestamp_without_an_offset_is_read_as_utc()
    {
        var log = Log(Record("early", 0.1, time: "2026-11-27T09:59:00.000"), Record("late", 0.1, time: "2026-11-27T10:01:00.000"));

        // West of UTC, so a timestamp read as local time would be later than it is.
        var result = ProcessRunner.Run(
            "dotnet",
            [Repository.ToolDll, "summary", log, "--since", "2026-11-27T10:00:00Z", "--format", "csv"],
            environment: new Dictionary<string, string> { ["TZ"] = "America/New_York" });

        result.ExitCode.ShouldBe(0, result.Error);
        ToolRunner.Lines(result.Output)[1..].ShouldBe(["late,1,100.000,100.000,100.000,100.000,0,0,0", string.Empty]);
        result.Error.ShouldBe("1 records of 1 operations; 1 filtered out, 0 other lines skipped.\n");
    }

    private static List<string> Operations(params string[] arguments)
    {
        var result = ToolRunner.Run(arguments);
        result.ExitCode.ShouldBe(0, result.Error);
        return [.. ToolRunner.Lines(result.Output).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(' ')[0])];
    }

    [Test]
    public void A_Markdown_row_stays_one_row_whatever_the_operation_name_holds()
    {
        var run = ToolRunner.Run("summary", Log(Record("a|b\nc\r\nd", 0.004)), "--format", "markdown");

        run.ExitCode.ShouldBe(0, run.Error);
        ToolRunner.Lines(run.Output).Where(l => l.StartsWith("| a", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldStartWith("| a\\|b c d | 1 |");
    }
}
