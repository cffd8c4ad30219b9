using PerfLogging.Weaving;

namespace PerfLogging.Tests.Support;

/// <summary>
/// The exact call sequences the weaver emits around an original body, written in C# so the runtime can be tested
/// on its own: start, hand over arguments, try the body, fail or complete.
/// </summary>
internal static class Woven
{
    /// <summary>What the woven code does with the value the original returned, per shape.</summary>
    private delegate TOut Completion<TIn, TOut>(ref OperationScope scope, TIn returned);

    public static T Call<T>(OperationDescriptor descriptor, Func<T> body, Action<OperationScope>? arguments = null) =>
        Run(descriptor, body, static (ref OperationScope scope, T result) => scope.Complete(result), arguments);

    public static void CallVoid(OperationDescriptor descriptor, Action body) =>
        Run(
            descriptor,
            () =>
            {
                body();
                return 0;
            },
            static (ref OperationScope scope, int _) =>
            {
                scope.Complete();
                return 0;
            });

    public static Task CallTask(OperationDescriptor descriptor, Func<Task> body) =>
        Run<Task?, Task>(descriptor, body, static (ref OperationScope scope, Task? task) => scope.CompleteTask(task));

    public static Task<T> CallTask<T>(OperationDescriptor descriptor, Func<Task<T>> body) =>
        Run<Task<T>?, Task<T>>(descriptor, body, static (ref OperationScope scope, Task<T>? task) => scope.CompleteTask(task));

    public static ValueTask CallValueTask(OperationDescriptor descriptor, Func<ValueTask> body) =>
        Run(descriptor, body, static (ref OperationScope scope, ValueTask task) => scope.CompleteValueTask(task));

    public static ValueTask<T> CallValueTask<T>(OperationDescriptor descriptor, Func<ValueTask<T>> body) =>
        Run(descriptor, body, static (ref OperationScope scope, ValueTask<T> task) => scope.CompleteValueTask(task));

    /// <summary>
    /// Start, hand over arguments, run the body; a failure is recorded from the exception filter (swallowed failures
    /// return default), an escaping one leaves the ambient state in a fault block (here: finally with a flag); complete.
    /// </summary>
    private static TOut Run<TIn, TOut>(OperationDescriptor descriptor, Func<TIn> body, Completion<TIn, TOut> complete, Action<OperationScope>? arguments = null)
    {
        OperationScope.Start(descriptor, out var scope);
        if (scope.CapturesArguments)
        {
            arguments?.Invoke(scope);
        }

        TIn returned;
        var escaped = true;
        try
        {
            try
            {
                returned = body();
            }
            catch (Exception ex) when (scope.Filter(ex))
            {
                returned = default!;
            }

            escaped = false;
        }
        finally
        {
            if (escaped)
            {
                scope.Unwind();
            }
        }

        return complete(ref scope, returned);
    }
}
