using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PerfLogging.Tests.Documentation;
using PerfLogging.Tests.Support;

namespace PerfLogging.Tests.Packaging;

/// <summary>
/// The README's path for the two templates most users start from: <c>dotnet new web</c> and <c>dotnet new worker</c>,
/// with the packages from the freshly packed feed and the code taken from the README's blocks.
/// </summary>
public partial class PackageTests
{
    [Test]
    public async Task A_dotnet_new_web_project_set_up_from_the_README_writes_one_json_line_per_record_with_the_request()
    {
        var app = NewFromTemplate("web", "WebShop", ["PerfLogging.Fody", "PerfLogging.AspNetCore"]);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeBlock("Samples/PerfLogging.Samples.Web/Program.cs"));
        File.WriteAllText(Path.Combine(app, "OrderLookup.cs"), ReadmeBlock("Samples/PerfLogging.Samples.Web/OrderLookup.cs"));
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "appsettings.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        settings["PerformanceLogging"] = JsonNode.Parse("""{ "Tracing": { "Enabled": true } }""");
        File.WriteAllText(Path.Combine(app, "appsettings.json"), settings.ToJsonString());

        var build = ProcessRunner.Run("dotnet", ["build", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"], app);
        build.ExitCode.ShouldBe(0, build.Output + build.Error);
        File.ReadAllText(Path.Combine(app, "obj", "perflogging.schema.json")).ShouldBe(File.ReadAllText(Path.Combine(Repository.Root, "perflogging.schema.json")));

        var lines = await RunWebApp(Path.Combine(app, "bin", "Debug", "net10.0", "WebShop.dll"), "/orders/7");

        lines.ShouldAllBe(line => line.StartsWith('{'), "every console line is JSON, none is the template's plain format");
        var record = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).Single(r => r.TryGetProperty("performance", out _));
        record.GetProperty("performance").GetProperty("operation_name").GetString().ShouldBe("OrderLookup.FindAsync");
        var context = record.GetProperty("context");
        context.GetProperty("request_id").GetString()!.ShouldMatch("^[0-9A-Z]+:[0-9A-F]{8}$");
        context.GetProperty("request_id").GetString().ShouldBe(context.GetProperty("RequestId").GetString(), "the id ASP.NET Core's own scope names");
        context.GetProperty("http.route").GetString().ShouldBe("/orders/{id:int}");
        context.GetProperty("span_id").GetString().ShouldNotBe(context.GetProperty("SpanId").GetString(), "the record names the PerfLogging span, not the request's");
    }

    [Test]
    public void A_dotnet_new_worker_project_set_up_from_the_README_puts_each_iterations_request_id_on_its_records()
    {
        var app = NewFromTemplate("worker", "Jobs", ["PerfLogging.Fody"]);
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        string[] added = ["builder.Logging.AddPerformanceJsonConsole();", "builder.Services.AddPerformanceLogging(builder.Configuration.GetSection(\"PerformanceLogging\"));"];
        added.ShouldAllBe(line => readme.Contains($"`{line}`", StringComparison.Ordinal));
        var program = File.ReadAllText(Path.Combine(app, "Program.cs"));
        const string hostLine = "var builder = Host.CreateApplicationBuilder(args);";
        program.ShouldContain(hostLine);
        File.WriteAllText(Path.Combine(app, "Program.cs"), program.Replace(hostLine, hostLine + "\n" + string.Join('\n', added), StringComparison.Ordinal)
            .Replace("builder.Services.AddHostedService<Worker>();", "builder.Services.AddSingleton<QueueProcessor>();\nbuilder.Services.AddHostedService<Worker>();", StringComparison.Ordinal));
        var iteration = string.Join("\n", ReadmeBlock("Samples/PerfLogging.Samples.Worker/Worker.cs#worker-iteration").Split('\n').Select(l => "            " + l));
        File.WriteAllText(Path.Combine(app, "Worker.cs"), $$"""
            using PerfLogging;

            namespace Jobs;

            public class Worker(QueueProcessor processor, IHostApplicationLifetime lifetime) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    for (var iteration = 1; iteration <= 3; iteration++)
                    {
            {{iteration}}
                    }

                    lifetime.StopApplication();
                }
            }

            public class QueueProcessor
            {
                [PerformanceLogging]
                public async Task<int[]> ReceiveAsync(CancellationToken cancellationToken)
                {
                    await Task.Delay(5, cancellationToken);
                    return [1, 2, 3];
                }

                [PerformanceLogging]
                public Task ProcessAsync(int[] batch, CancellationToken cancellationToken) => Task.Delay(batch.Length, cancellationToken);
            }
            """);

        var build = ProcessRunner.Run("dotnet", ["build", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"], app);
        build.ExitCode.ShouldBe(0, build.Output + build.Error);
        var run = ProcessRunner.Run("dotnet", [Path.Combine(app, "bin", "Debug", "net10.0", "Jobs.dll")], app, TimeSpan.FromMinutes(1));

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldAllBe(line => line.StartsWith('{'), "every console line is JSON");
        lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.TryGetProperty("performance", out _))
            .Select(r => $"{r.GetProperty("performance").GetProperty("operation_name").GetString()} {r.GetProperty("context").GetProperty("request_id").GetString()}")
            .ShouldBe(
            [
                "QueueProcessor.ReceiveAsync batch-1", "QueueProcessor.ProcessAsync batch-1",
                "QueueProcessor.ReceiveAsync batch-2", "QueueProcessor.ProcessAsync batch-2",
                "QueueProcessor.ReceiveAsync batch-3", "QueueProcessor.ProcessAsync batch-3",
            ]);
    }

    /// <summary>The README block that quotes <paramref name="source"/> (checked against the file by SnippetTests).</summary>
    private static string ReadmeBlock(string source)
    {
        var (file, region) = source.Split('#') is [var f, var r] ? (f, r) : (source, null);
        return SnippetTests.Snippets().Single(s => s.File == "README.md" && s.Source == file && s.Region == region).Code;
    }

    /// <summary>A project from an SDK template, referencing the given packages from the freshly packed feed.</summary>
    private string NewFromTemplate(string template, string name, string[] packages)
    {
        var app = Path.Combine(_work.Path, name);
        var created = ProcessRunner.Run("dotnet", ["new", template, "--name", name, "--output", app, "--no-restore"]);
        created.ExitCode.ShouldBe(0, created.Output + created.Error);
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");
        WriteNugetConfig(app);
        var project = Path.Combine(app, name + ".csproj");
        var references = string.Join("\n", packages.Select(p => $"""    <PackageReference Include="{p}" Version="{Version}" />""")
            .Concat(template == "web"
                ?
                [
                    """    <PackageReference Include="OpenTelemetry.Extensions.Hosting" Version="1.20.1" />""",
                    """    <PackageReference Include="OpenTelemetry.Instrumentation.AspNetCore" Version="1.20.2" />""",
                    """    <PackageReference Include="OpenTelemetry.Exporter.OpenTelemetryProtocol" Version="1.20.1" />""",
                ]
                : []));
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"  <ItemGroup>\n{references}\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));
        return app;
    }

    /// <summary>Starts the app on a free port, requests <paramref name="path"/> once, and returns its console lines.</summary>
    private static async Task<List<string>> RunWebApp(string dll, string path)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        foreach (var argument in new[] { dll, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        var lines = new List<string>();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (Regex.Match(line, "Now listening on: (http://[^\"]+)") is { Success: true } url)
            {
                listening.TrySetResult(url.Groups[1].Value);
            }
            else if (line.Contains("\"performance\":", StringComparison.Ordinal))
            {
                recorded.TrySetResult();
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(1));
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
            await recorded.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(500);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        lock (lines)
        {
            return [.. lines];
        }
    }
}
