namespace PerfLogging.Tests.Hosting;

/// <summary>
/// Points <see cref="Console.Out"/> at a buffer until disposed. The console logger provider takes the writer when it
/// is built, so a host built inside the capture writes into it; dispose the host first to flush its queue.
/// </summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _original = Console.Out;
    private readonly StringWriter _buffer = new();

    public ConsoleCapture() => Console.SetOut(TextWriter.Synchronized(_buffer));

    public IReadOnlyList<string> Lines => _buffer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose() => Console.SetOut(_original);
}
