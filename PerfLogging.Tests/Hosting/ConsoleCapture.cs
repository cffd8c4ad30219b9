namespace PerfLogging.Tests.Hosting;

/// <summary>
/// Points <see cref="Console.Out"/> at a buffer until disposed. The console logger provider takes the writer when it
/// is built, so a host built inside the capture writes into it; dispose the host first to flush its queue.
/// </summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _original = Console.Out;
    private readonly StringWriter _buffer = new();
    private readonly TextWriter _writer;

    public ConsoleCapture()
    {
        _writer = TextWriter.Synchronized(_buffer);
        Console.SetOut(_writer);
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            // The synchronized writer locks itself around every write.
            lock (_writer)
            {
                return _buffer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }
    }

    /// <summary>
    /// Waits (up to 10 seconds) until <paramref name="count"/> lines holding a PerfLogging record are written: a record
    /// can reach the console a moment after the response when the request found its woven call's task completed.
    /// </summary>
    public void WaitForRecords(int count) =>
        SpinWait.SpinUntil(() => Lines.Count(line => line.Contains("\"performance\":", StringComparison.Ordinal)) >= count, TimeSpan.FromSeconds(10));

    public void Dispose() => Console.SetOut(_original);
}
