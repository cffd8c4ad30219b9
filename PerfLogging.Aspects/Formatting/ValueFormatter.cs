using System.Collections;
using System.Globalization;
using System.Text;
using PerfLogging.Diagnostics;

namespace PerfLogging.Runtime;

/// <summary>
/// Turns argument and result values into short, safe summaries. Never throws: a <c>ToString()</c> that throws
/// gives a placeholder, collections are cut after a few items and nesting is bounded, so cyclic graphs end.
/// Values are formatted, never consumed: only materialised collections (arrays, <see cref="ICollection"/>,
/// <see cref="ICollection{T}"/>, <see cref="IReadOnlyCollection{T}"/>, dictionaries) are listed; any other sequence
/// (an iterator, a LINQ query, an <see cref="IQueryable"/>, a consuming enumerable) is named by its type and never
/// enumerated. Formatting runs with tracking suppressed, so woven members it calls write no records.
/// </summary>
internal static class ValueFormatter
{
    public const string Redacted = "***";
    public const string Ellipsis = "…";
    private const int MaxItems = 10;
    private const int MaxDepth = 3;

    public static string Format<T>(T value, int maxLength)
    {
        using var suppressed = TrackingSuppression.WithFlow();
        var text = new StringBuilder();
        Append(text, value, maxLength, 0);
        return Truncate(text.ToString(), maxLength);
    }

    /// <summary>
    /// A classified value through the redactor registered for its classification; with no redactor provider
    /// registered, classified data is never written: it reads <see cref="Redacted"/>.
    /// </summary>
    public static string Redact<T>(T value, Microsoft.Extensions.Compliance.Classification.DataClassificationSet classification, Microsoft.Extensions.Compliance.Redaction.IRedactorProvider? redactors, int maxLength)
    {
        if (redactors is null)
        {
            return Redacted;
        }

        try
        {
            using var suppressed = TrackingSuppression.WithFlow();
            var text = value is null ? string.Empty : value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? string.Empty;
            return Truncate(redactors.GetRedactor(classification).Redact(text), maxLength);
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.Formatting, "Redacting a classified value failed; it was left out.", ex);
            return Redacted;
        }
    }

    public static string Truncate(string text, int maxLength)
    {
        if (maxLength <= 0 || text.Length <= maxLength)
        {
            return text;
        }

        return maxLength == 1 ? Ellipsis : string.Concat(text.AsSpan(0, maxLength - 1), Ellipsis);
    }

    private static void Append<T>(StringBuilder text, T value, int budget, int depth)
    {
        try
        {
            switch (value)
            {
                case null:
                    text.Append("null");
                    break;
                case string s:
                    text.Append('"').Append(s.Length > budget ? Truncate(s, budget) : s).Append('"');
                    break;
                case IFormattable formattable:
                    text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                    break;
                case IEnumerable sequence when !IsMaterialised(sequence):
                    text.Append('<').Append(TypeNames.Display(sequence.GetType())).Append('>');
                    break;
                case IEnumerable when depth >= MaxDepth:
                    text.Append('[').Append(Ellipsis).Append(']');
                    break;
                case IEnumerable sequence:
                    AppendCollection(text, sequence, budget, depth);
                    break;
                default:
                    text.Append(Truncate(value.ToString() ?? "null", Math.Max(budget, 1)));
                    break;
            }
        }
        catch (Exception ex)
        {
            SelfDiagnostics.Report(SelfDiagnosticKind.Formatting, $"Formatting a value of type {typeof(T).Name} threw; a placeholder was logged.", ex);
            text.Append('<').Append(value?.GetType().Name ?? typeof(T).Name).Append(".ToString() threw ").Append(ex.GetType().Name).Append('>');
        }
    }

    /// <summary>
    /// A materialised collection: by its own <c>ToString()</c> when its type has one (records, custom collections
    /// describe themselves better than their items), otherwise by its first items. <c>object.ToString()</c> returns
    /// the type's name, so a text equal to it means no override; no reflection is needed, which keeps this
    /// trimming- and Native AOT-safe.
    /// </summary>
    private static void AppendCollection(StringBuilder text, IEnumerable collection, int budget, int depth)
    {
        var own = collection.ToString();
        if (own is not null && own != collection.GetType().ToString())
        {
            text.Append(Truncate(own, Math.Max(budget, 1)));
            return;
        }

        AppendSequence(text, collection, budget, depth);
    }

    private static void AppendSequence(StringBuilder text, IEnumerable sequence, int budget, int depth)
    {
        text.Append('[');
        var count = 0;
        var start = text.Length;
        foreach (var item in sequence)
        {
            if (count == MaxItems || text.Length - start > budget)
            {
                text.Append(", ").Append(Ellipsis);
                break;
            }

            if (count > 0)
            {
                text.Append(", ");
            }

            Append(text, item, budget, depth + 1);
            count++;
        }

        text.Append(']');
    }

    /// <summary>
    /// A collection whose items are already there to read: enumerating it runs no user query, consumes nothing and
    /// does not block. <see cref="IQueryable"/> is never one, whatever else it implements.
    /// </summary>
    private static bool IsMaterialised(IEnumerable sequence) =>
        sequence is not IQueryable && (sequence is ICollection || s_materialised.GetOrAdd(sequence.GetType(), ImplementsCollection));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> s_materialised = new();

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "The trimmer removes an interface implementation only when no kept code uses that interface. " +
                        "Such a type answers false here and its value is named by its type instead of listed: the " +
                        "summary has less detail, and nothing is enumerated that is not known to be materialised.")]
    private static bool ImplementsCollection(Type type)
    {
        foreach (var contract in type.GetInterfaces())
        {
            if (contract.IsGenericType &&
                contract.GetGenericTypeDefinition() is var definition &&
                (definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>)))
            {
                return true;
            }
        }

        return false;
    }
}
