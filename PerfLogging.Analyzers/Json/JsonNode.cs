using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PerfLogging.Analyzers.Json;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A JSON value with the character span it was read from, so diagnostics point at it exactly.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, TextSpan span, string raw)
    {
        Kind = kind;
        Span = span;
        Raw = raw;
    }

    public JsonKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>The source text of the value (for strings, without quotes and unescaped).</summary>
    public string Raw { get; }

    public double Number { get; set; }

    public List<JsonProperty> Properties { get; } = [];

    public List<JsonNode> Items { get; } = [];

    /// <summary>The property of that name, compared case-insensitively as configuration keys are; the last one wins.</summary>
    public JsonProperty? Property(string name)
    {
        JsonProperty? found = null;
        foreach (var property in Properties)
        {
            if (string.Equals(property.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                found = property;
            }
        }

        return found;
    }
}

/// <summary>A property name, its span, and its value.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}
