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
    private static readonly List<JsonProperty> NoProperties = [];
    private static readonly List<JsonNode> NoItems = [];

    /// <param name="kind">The kind of value.</param>
    /// <param name="span">Where it was read from.</param>
    /// <param name="raw">Its source text (strings unescaped).</param>
    /// <param name="properties">An object's properties; scalars and arrays share one empty list, never changed.</param>
    /// <param name="items">An array's items.</param>
    public JsonNode(JsonKind kind, TextSpan span, string raw, List<JsonProperty>? properties = null, List<JsonNode>? items = null)
    {
        Kind = kind;
        Span = span;
        Raw = raw;
        Properties = properties ?? NoProperties;
        Items = items ?? NoItems;
    }

    public JsonKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>The source text of the value (for strings, without quotes and unescaped).</summary>
    public string Raw { get; }

    public double Number { get; set; }

    public IReadOnlyList<JsonProperty> Properties { get; }

    public IReadOnlyList<JsonNode> Items { get; }

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
