using PerfLogging.Weaving;

namespace PerfLogging.Tests.Support;

/// <summary>
/// The exact call sequences the weaver emits around an original body, written in C# so the runtime can be tested
/// on its own: start, hand over arguments, try the body, fail or complete.
/// </summary>
internal static class Woven
{
    public static T Call<T>(OperationDescriptor descriptor, Func<T> body, Action<OperationScope>? arguments = null)
    {
        var scope = OperationScope.Start(descriptor);
        if (scope.CapturesArguments)
        {
            arguments?.Invoke(scope);
        }

        T result;
        try
        {
            result = body();
        }
        catch (Exception ex)
        {
            if (!scope.Fail(ex))
            {
                throw;
            }

            result = default!;
        }

        return scope.Complete(result);
    }

    public static void CallVoid(OperationDescriptor descriptor, Action body)
    {
        var scope = OperationScope.Start(descriptor);
        try
        {
            body();
        }
        catch (Exception ex)
        {
            if (!scope.Fail(ex))
            {
                throw;
            }
        }

        scope.Complete();
    }

    public static Task CallTask(OperationDescriptor descriptor, Func<Task> body)
    {
        var scope = OperationScope.Start(descriptor);
        Task? task;
        try
        {
            task = body();
        }
        catch (Exception ex)
        {
            if (!scope.Fail(ex))
            {
                throw;
            }

            task = null;
        }

        return scope.CompleteTask(task);
    }

    public static Task<T> CallTask<T>(OperationDescriptor descriptor, Func<Task<T>> body)
    {
        var scope = OperationScope.Start(descriptor);
        Task<T>? task;
        try
        {
            task = body();
        }
        catch (Exception ex)
        {
            if (!scope.Fail(ex))
            {
                throw;
            }

            task = null;
        }

        return scope.CompleteTask(task);
    }

    public static ValueTask CallValueTask(OperationDescriptor descriptor, Func<ValueTask> body)
    {
        var scope = OperationScope.Start(descriptor);
        ValueTask task;
        try
        {
            task = body();
        }
        catch (Exception ex)
        {
            if (!scope.Fail(ex))
            {
                throw;
            }

            task = default;
        }

        return scope.CompleteValueTask(task);
    }

    public static ValueTask<T> CallValueTask<T>(OperationDescriptor descriptor, Func<ValueTask<T>> body)
    {
        var scope = OperationScope.Start(descriptor);
        ValueTask<T> task;
        try
        {
            task = body();
        }
        catch (Exception ex)
        {
            if (!scope.Fail(ex))
            {
                throw;
            }

            task = default;
        }

        return scope.CompleteValueTask(task);
    }
}
