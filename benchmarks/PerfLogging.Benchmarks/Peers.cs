using AspectInjector.Broker;
using Castle.DynamicProxy;

namespace PerfLogging.Benchmarks;

/// <summary>Castle DynamicProxy: an interceptor doing the same timing work around the call.</summary>
public sealed class TimingInterceptor : IInterceptor
{
    public void Intercept(IInvocation invocation)
    {
        var start = Timing.Start();
        invocation.Proceed();
        Timing.Stop(start, invocation.Method.Name);
    }
}

/// <summary>Castle.Core.AsyncInterceptor: the same work, to the task's completion.</summary>
public sealed class TimingAsyncInterceptor : AsyncInterceptorBase
{
    protected override async Task InterceptAsync(IInvocation invocation, IInvocationProceedInfo proceedInfo, Func<IInvocation, IInvocationProceedInfo, Task> proceed)
    {
        var start = Timing.Start();
        await proceed(invocation, proceedInfo).ConfigureAwait(false);
        Timing.Stop(start, invocation.Method.Name);
    }

    protected override async Task<TResult> InterceptAsync<TResult>(IInvocation invocation, IInvocationProceedInfo proceedInfo, Func<IInvocation, IInvocationProceedInfo, Task<TResult>> proceed)
    {
        var start = Timing.Start();
        var result = await proceed(invocation, proceedInfo).ConfigureAwait(false);
        Timing.Stop(start, invocation.Method.Name);
        return result;
    }
}

/// <summary>AspectInjector: Around advice doing the same work.</summary>
[Aspect(Scope.Global)]
[Injection(typeof(TimedAttribute))]
[AttributeUsage(AttributeTargets.Method)]
public sealed class TimedAttribute : Attribute
{
    [Advice(Kind.Around, Targets = Target.Method)]
    public object Around([Argument(Source.Target)] Func<object[], object> target, [Argument(Source.Arguments)] object[] arguments, [Argument(Source.Name)] string name)
    {
        var start = Timing.Start();
        var result = target(arguments);
        Timing.Stop(start, name);
        return result;
    }
}
