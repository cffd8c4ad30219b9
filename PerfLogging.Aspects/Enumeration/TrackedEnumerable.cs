using System.Collections;
using PerfLogging.Weaving;

namespace PerfLogging.Runtime;

/// <summary>
/// An iterator's sequence, timed as one operation per enumeration: from GetEnumerator to the last MoveNext (or an
/// early Dispose). Items stream through one at a time; nothing is buffered.
/// </summary>
internal sealed class TrackedEnumerable<T>(OperationDescriptor descriptor, IEnumerable<T> source, ArgumentCapture? arguments) : IEnumerable<T>
{
    public IEnumerator<T> GetEnumerator()
    {
        var scope = OperationScope.StartDetached(descriptor, arguments);
        if (!scope.IsActive)
        {
            return source.GetEnumerator();
        }

        IEnumerator<T> inner;
        try
        {
            inner = source.GetEnumerator();
        }
        catch (Exception ex)
        {
            if (!scope.Fail(ex))
            {
                throw;
            }

            return Enumerable.Empty<T>().GetEnumerator();
        }

        return new Enumerator(scope, inner);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(OperationScope scope, IEnumerator<T> inner) : IEnumerator<T>
    {
        private OperationScope _scope = scope;

        public T Current => inner.Current;

        object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            bool more;
            try
            {
                more = inner.MoveNext();
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

        public void Reset() => inner.Reset();

        public void Dispose()
        {
            try
            {
                inner.Dispose();
            }
            catch (Exception ex)
            {
                if (!_scope.Fail(ex))
                {
                    throw;
                }

                return;
            }

            // Stopping early is a normal end of the enumeration.
            _scope.Complete();
        }
    }
}
