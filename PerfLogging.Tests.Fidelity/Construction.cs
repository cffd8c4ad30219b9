namespace PerfLogging.Tests.Fidelity;

/// <summary>A struct constructor that builds another instance of its own type into a local.</summary>
public struct Point
{
    public Point(int x)
    {
        X = x;
        Y = 0;
    }

    [PerformanceLogging]
    public Point(int x, int y)
    {
        var origin = new Point(100);
        X = x + origin.X;
        Y = y;
    }

    [PerformanceLogging]
    public Point(string text)
        : this(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture))
    {
        Y = -1;
    }

    public int X { get; }

    public int Y { get; }
}

public class Named
{
    public Named(string name) => Name = name;

    public string Name { get; }
}

/// <summary>Constructors whose base call has branches in its arguments, and a failing one.</summary>
public class Labelled : Named
{
    [PerformanceLogging]
    public Labelled(string? name, bool upper)
        : base(upper ? (name ?? "none").ToUpperInvariant() : name ?? throw new ArgumentNullException(nameof(name)))
    {
        Upper = upper;
        Other = new Named(Name + "!");
    }

    [PerformanceLogging]
    public Labelled(int fails)
        : base("failing")
    {
        if (fails > 0)
        {
            throw new InvalidOperationException("constructor failed");
        }
    }

    public bool Upper { get; }

    public Named? Other { get; }
}
