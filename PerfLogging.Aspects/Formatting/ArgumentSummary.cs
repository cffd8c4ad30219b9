using System.Text;
using PerfLogging.Configuration.Validation;
using PerfLogging.Weaving;

namespace PerfLogging.Runtime;

/// <summary>
/// The arguments of one call as <c>name=value, …</c>, built when the call starts (so values are the ones passed
/// in) and only when a record may be written. Redacts <see cref="NotLoggedAttribute"/> and secret-looking names.
/// </summary>
internal sealed class ArgumentSummary(OperationDescriptor descriptor, int maxLength, Microsoft.Extensions.Compliance.Redaction.IRedactorProvider? redactors)
{
    private readonly StringBuilder _text = new();

    public void Add<T>(int index, T value)
    {
        if (_text.Length > maxLength)
        {
            return;
        }

        if (_text.Length > 0)
        {
            _text.Append(", ");
        }

        var names = descriptor.ParameterNames;
        var name = (uint)index < (uint)names.Length ? names[index] : $"arg{index}";
        _text.Append(name).Append('=');
        var classification = (uint)index < (uint)descriptor.ParameterClassifications.Length ? descriptor.ParameterClassifications[index] : null;
        _text.Append(
            IsRedacted(index, name) ? ValueFormatter.Redacted
            : classification is { } classified ? ValueFormatter.Redact(value, classified, redactors, maxLength)
            : ValueFormatter.Format(value, maxLength));
    }

    /// <summary>The summary, or null when no argument could be handed over (only out parameters, spans or pointers).</summary>
    public string? Summary => _text.Length == 0 ? null : ValueFormatter.Truncate(_text.ToString(), maxLength);

    public override string ToString() => Summary ?? string.Empty;

    private bool IsRedacted(int index, string name) =>
        ((uint)index < (uint)descriptor.ParameterRedacted.Length && descriptor.ParameterRedacted[index]) ||
        PerformanceLoggingRules.LooksSecret(name);
}
