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

    public void Dispose() => Console.SetOut(_original);
}
