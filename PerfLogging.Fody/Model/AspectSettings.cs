using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace PerfLogging.Fody.Model;

/// <summary>One named argument of the merged aspect, and where it came from.</summary>
internal sealed class SettingValue
{
    public SettingValue(string name, CustomAttributeArgument argument, string source)
    {
        Name = name;
        Argument = argument;
        Source = source;
    }

    public string Name { get; }

    public CustomAttributeArgument Argument { get; }

    /// <summary>Where the value was written: <c>method attribute</c>, <c>type attribute</c>, a fabric rule.</summary>
    public string Source { get; }
}

/// <summary>
/// The aspect settings of one method after merging, highest first: method attribute, type attribute, namespace
/// fabric, project fabric. Configuration, profile and defaults are merged at run time.
/// </summary>
internal sealed class AspectSettings
{
    /// <summary>The named arguments of <c>PerformanceAspectAttribute</c>, in the order they are emitted.</summary>
    public static readonly string[] Names =
    [
        "OperationName", "Profile", "ThresholdWarning", "ThresholdCritical", "IncludeArgs", "IncludeResult",
        "IncludeMemory", "IncludeCpu", "IncludeClassName", "LoggerName", "OnError",
    ];

    private readonly Dictionary<string, SettingValue> _values = new();

    public IEnumerable<SettingValue> Values => Names.Where(_values.ContainsKey).Select(n => _values[n]);

    /// <summary>A constant <c>[ConditionalPerformanceLogging(false)]</c>: leave the method untouched.</summary>
    public bool Disabled { get; set; }

    /// <summary>The type and member of a per-call condition, if any.</summary>
    public TypeReference? ConditionType { get; set; }

    public string? ConditionMember { get; set; }

    public string? ConditionSource { get; set; }

    public bool IsSet(string name) => _values.ContainsKey(name);

    public SettingValue? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Adds the values this source sets that a higher-precedence source has not already set.</summary>
    public void AddFallback(string name, CustomAttributeArgument argument, string source)
    {
        if (!_values.ContainsKey(name))
        {
            _values[name] = new SettingValue(name, argument, source);
        }
    }
}
