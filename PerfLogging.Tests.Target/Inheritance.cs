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

public interface IStore<T>
{
    T Load(T key);
}

public class MultiStore : IStore<string>, IStore<List<int>>
{
    [PerformanceLogging]
    string IStore<string>.Load(string key) => key;

    [PerformanceLogging]
    List<int> IStore<List<int>>.Load(List<int> key) => key;
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
