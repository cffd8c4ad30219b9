using System.Reflection;
using PerfLogging.Weaving;

namespace PerfLogging.Tests.Support;

/// <summary>Methods whose metadata (names, parameters, attributes) descriptors are built from.</summary>
[PerformanceContext("component", "orders")]
internal sealed class OrderService
{
    [PerformanceContext("layer", "service")]
    public int Submit(int orderId, string customer, [NotLogged] string cardNumber, string apiKey) => orderId;

    public void Ship()
    {
    }

    [return: NotLogged]
    public string Token() => "secret";

    public Task PayAsync() => Task.CompletedTask;

    public static OperationDescriptor Describe(string method, PerformanceAspectAttribute? aspect = null) =>
        OperationDescriptor.Create(
            aspect ?? new PerformanceLoggingAttribute(),
            typeof(OrderService).GetMethod(method, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)!);
}

internal sealed class Repository<T>
{
    public T Find(T key) => key;
}
