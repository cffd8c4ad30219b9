using PerfLogging.Weaving;

namespace PerfLogging.Runtime;

/// <summary>
/// An async iterator's sequence, timed as one operation per enumeration: from GetAsyncEnumerator to the last
/// MoveNextAsync (or an early DisposeAsync). Items stream through; steps that complete synchronously allocate nothing.
/// </summary>
internal sealed class TrackedAsyncEnumerable<T>(OperationDescriptor descriptor, IAsyncEnumerable<T> source, ArgumentCapture? arguments) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var scope = OperationScope.StartDetached(descriptor, arguments);
        if (!scope.IsActive)
        {
            return source.GetAsyncEnumerator(cancellationToken);
        }

        return new Enumerator(scope, source.GetAsyncEnumerator(cancellationToken));
    }

    private sealed class Enumerator(OperationScope scope, IAsyncEnumerator<T> inner) : IAsyncEnumerator<T>
    {
        private OperationScope _scope = scope;

        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            ValueTask<bool> next;
            try
            {
                next = inner.MoveNextAsync();
            }
            catch (Exception ex)
            {
                if (!_scope.Fail(ex))
                {
                    throw;
                }

                return new ValueTask<bool>(false);
            }

            if (next.IsCompletedSuccessfully)
            {
                var more = next.Result;
                if (!more)
                {
                    _scope.Complete();
                }

                return new ValueTask<bool>(more);
            }

            return AwaitNext(next);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                if (!_scope.Fail(ex))
                {
                    throw;
                }

                return;
            }

            _scope.Complete();
        }

        private async ValueTask<bool> AwaitNext(ValueTask<bool> next)
        {
            bool more;
            try
            {
                more = await next.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                if (!_scope.Fail(ex))
                {
                    throw;
                }

                return false;
            }

            if (!more)
            {
                _scope.Complete();
            }

            return more;
        }
    }
}
