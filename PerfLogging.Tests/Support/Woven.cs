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
        OperationScope.Start(descriptor, out var scope);
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
        OperationScope.Start(descriptor, out var scope);
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
        OperationScope.Start(descriptor, out var scope);
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
        OperationScope.Start(descriptor, out var scope);
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
        OperationScope.Start(descriptor, out var scope);
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
        OperationScope.Start(descriptor, out var scope);
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
