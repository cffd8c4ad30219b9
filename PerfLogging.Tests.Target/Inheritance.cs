namespace PerfLogging.Tests.Target;

public interface IGreeter
{
    string Greet(string name);

    string Farewell(string name);
}

public class Greeter : IGreeter
{
    [PerformanceLogging]
    public virtual string Greet(string name) => "Hi " + name;

    [PerformanceLogging]
    string IGreeter.Farewell(string name) => "Bye " + name;
}

public class LoudGreeter : Greeter
{
    [PerformanceLogging]
    public override string Greet(string name) => base.Greet(name).ToUpperInvariant();
}

public abstract class Shape
{
    public abstract double Area();

    [PerformanceLogging]
    public virtual string Describe() => $"{GetType().Name} of area {Area():0.##}";
}

public sealed class Square(double side) : Shape
{
    [PerformanceLogging]
    public override double Area() => side * side;
}
