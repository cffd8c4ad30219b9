using BenchmarkDotNet.Running;

// `--quick` is a smoke run (one iteration, in process) that proves every benchmark still builds and runs;
// any other arguments go to BenchmarkDotNet, e.g. `--filter * --job short`.
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToList();
if (quick)
{
    rest.AddRange(["--job", "dry", "--inProcess"]);
}

if (!rest.Contains("--filter"))
{
    rest.AddRange(["--filter", "*"]);
}

BenchmarkSwitcher.FromAssembly(typeof(PerfLogging.Benchmarks.SyncBenchmarks).Assembly).Run([.. rest]);
