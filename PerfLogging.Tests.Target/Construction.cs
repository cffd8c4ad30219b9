namespace PerfLogging.Tests.Target;

public class Base
{
    public Base(string name)
    {
        Name = name;
    }

    public string Name { get; }
}

/// <summary>Constructors are tracked only when annotated, after the base call.</summary>
public class Connection : Base
{
    private readonly int _port = 80;

    [PerformanceLogging]
    public Connection(string host)
        : base(host)
    {
        if (string.IsNullOrEmpty(host))
        {
            throw new ArgumentException("host required", nameof(host));
        }

        Port = _port;
    }

    public Connection()
        : base("unnamed")
    {
    }

    public int Port { get; }
}
