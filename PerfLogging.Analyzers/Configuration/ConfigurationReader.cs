using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PerfLogging.Analyzers.Json;
using PerfLogging.Configuration;
using PerfLogging.Configuration.Validation;

namespace PerfLogging.Analyzers.Configuration;

/// <summary>The values one configuration file sets, for layering with the other files of an environment.</summary>
internal sealed class ConfigurationValues
{
    public string Path { get; set; } = string.Empty;

    /// <summary>Every value the file sets, by configuration path, with a valid type: what merging layers the files by.</summary>
    public IReadOnlyDictionary<string, JsonNode> Nodes { get; set; } = new Dictionary<string, JsonNode>();

    /// <summary>Where a span of the file is, for diagnostics.</summary>
    public Func<TextSpan, Location> Locate { get; set; } = _ => Location.None;

    /// <summary>Values of the wrong type (PERF003 when they win in the merged configuration), by path.</summary>
    public IReadOnlyDictionary<string, (JsonNode Node, string Message)> TypeErrors { get; set; } = new Dictionary<string, (JsonNode, string)>();
}

/// <summary>
/// Reads one configuration file: reports malformed JSON (PERF004), values of the wrong type (PERF003) and unknown or
/// ignored keys (PERF008), each at its exact line and column; returns the values it sets. The shared rules are checked
/// on the merged configuration of each environment (<see cref="ConfigurationModel"/>).
/// </summary>
internal sealed class ConfigurationReader
{
    private readonly AdditionalText _file;
    private readonly SourceText _text;
    private readonly Action<Diagnostic>? _report;
    private readonly Dictionary<string, JsonNode> _nodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (JsonNode, string)> _typeErrors = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _judgedAlone;
    private readonly string _fileName;

    private ConfigurationReader(AdditionalText file, SourceText text, Action<Diagnostic>? report, bool judgedAlone)
    {
        _judgedAlone = judgedAlone;
        _file = file;
        _text = text;
        _report = report;
        _fileName = System.IO.Path.GetFileName(file.Path);
    }

    /// <summary>Reads the file; diagnostics go to <paramref name="report"/> when given.</summary>
    /// <param name="file">The file.</param>
    /// <param name="report">Receives the file's own diagnostics (syntax, unknown or ignored keys).</param>
    /// <param name="judgedAlone">True for a file outside the loading order: its type errors are reported here, not by the merged check.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static ConfigurationValues? Read(AdditionalText file, Action<Diagnostic>? report, bool judgedAlone, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null || !ConfigurationFile.IsConfiguration(file.Path))
        {
            return null;
        }

        // Read once per content: the file's own diagnostics are kept with its values and handed to every caller.
        var read = Reads.GetOrAdd(ContentCache<Result>.KeyOf(text, $"{file.Path}|{judgedAlone}"), () =>
        {
            var found = new List<Diagnostic>();
            var values = new ConfigurationReader(file, text, found.Add, judgedAlone).Read();
            return new Result(values, found);
        });
        if (report is not null)
        {
            foreach (var diagnostic in read.Diagnostics)
            {
                report(diagnostic);
            }
        }

        return read.Values;
    }

    private static readonly ContentCache<Result> Reads = new();

    private sealed class Result(ConfigurationValues? values, IReadOnlyList<Diagnostic> diagnostics)
    {
        public ConfigurationValues? Values { get; } = values;

        public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
    }

    private ConfigurationValues? Read()
    {
        JsonNode root;
        try
        {
            root = JsonCache.Parse(_text);
        }
        catch (JsonParseException ex)
        {
            var position = Math.Min(Math.Max(ex.Position, 0), _text.Length);
            var span = new TextSpan(position, position < _text.Length ? 1 : 0);
            Report(DiagnosticDescriptors.MalformedConfiguration, span,
                $"{_fileName} is not valid JSON: {ex.Message} Fix the syntax here; comments and trailing commas are allowed.");
            return null;
        }

        if (root.Kind != JsonKind.Object)
        {
            // The configuration loader refuses a file whose top level is not an object: the file cannot be read at all.
            Report(DiagnosticDescriptors.MalformedConfiguration, root.Span,
                $"{_fileName} must hold a JSON object, not {Describe(root)}: the configuration loader refuses the file. Write the options as {{ \"PerformanceLogging\": {{ … }} }}.");
            return null;
        }

        if (DuplicateKey(root) is { } duplicate)
        {
            Report(DiagnosticDescriptors.MalformedConfiguration, duplicate.Span,
                $"{_fileName} sets the key '{duplicate.Key}' twice (keys are case-insensitive, and \"a\": {{ \"b\": 1 }} is the key 'a:b' like \"a:b\": 1): " +
                "the configuration loader refuses the file. Keep one of them.");
            return null;
        }

        var values = new ConfigurationValues { Path = _file.Path, Nodes = _nodes, TypeErrors = _typeErrors, Locate = span => ConfigurationFile.LocationOf(_file, _text, span) };
        var isAppSettings = ConfigurationFile.IsAppSettings(_file.Path);

        // As the configuration loader sees it: a file with a PerformanceLogging key (or keys under it, written with
        // colons) is wrapped, and only that section is read; perflogging.json without one is the section itself.
        var wrapped = root.Properties.Any(p => IsSectionKey(p.Name));
        if (!wrapped && !isAppSettings)
        {
            Walk(root, ConfigurationSchema.Root, string.Empty);
            return values;
        }

        foreach (var property in root.Properties)
        {
            if (string.Equals(property.Name, ConfigurationFile.SectionName, StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.Kind == JsonKind.Object)
                {
                    Walk(property.Value, ConfigurationSchema.Root, string.Empty);
                }
                else if (property.Value.Kind != JsonKind.Null)
                {
                    Report(DiagnosticDescriptors.UnknownConfigurationKey, property.Value.Span,
                        $"'{ConfigurationFile.SectionName}' in {_fileName} is {Describe(property.Value)}, which the configuration binder ignores: " +
                        $"it reads options only from an object. Write \"{ConfigurationFile.SectionName}\": {{ … }}.");
                }
            }
            else if (IsSectionKey(property.Name))
            {
                ReadKey(property.Name.Substring(ConfigurationFile.SectionName.Length + 1), property, ConfigurationSchema.Root, string.Empty);
            }
            else if (!isAppSettings && !string.Equals(property.Name, "$schema", StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticDescriptors.UnknownConfigurationKey, property.NameSpan,
                    $"'{property.Name}' in {_fileName} is beside the '{ConfigurationFile.SectionName}' object, so it is not read. " +
                    $"Move it into \"{ConfigurationFile.SectionName}\": {{ … }}.");
            }
        }

        return values;
    }

    /// <summary>
    /// The first value whose key the file already set, as the configuration loader flattens the file: nested keys
    /// joined with ':' (so "a:b" and "a": { "b" } are one key), array items keyed by index; a second value for a key
    /// makes it refuse the file, while an empty object or array only replaces what was there.
    /// </summary>
    private static (string Key, TextSpan Span)? DuplicateKey(JsonNode root)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<(string Key, JsonNode Node, TextSpan Span)>();
        for (var i = root.Properties.Count - 1; i >= 0; i--)
        {
            pending.Push((root.Properties[i].Name, root.Properties[i].Value, root.Properties[i].NameSpan));
        }

        while (pending.Count > 0)
        {
            var (key, node, span) = pending.Pop();
            switch (node.Kind)
            {
                case JsonKind.Object when node.Properties.Count > 0:
                    for (var i = node.Properties.Count - 1; i >= 0; i--)
                    {
                        pending.Push((key + ":" + node.Properties[i].Name, node.Properties[i].Value, node.Properties[i].NameSpan));
                    }

                    break;
                case JsonKind.Array when node.Items.Count > 0:
                    for (var i = node.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push((key + ":" + i.ToString(CultureInfo.InvariantCulture), node.Items[i], node.Items[i].Span));
                    }

                    break;
                case JsonKind.Object or JsonKind.Array:
                    keys.Add(key);
                    break;
                default:
                    if (!keys.Add(key))
                    {
                        return (key, span);
                    }

                    break;
            }
        }

        return null;
    }

    private static bool IsSectionKey(string name) =>
        string.Equals(name, ConfigurationFile.SectionName, StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith(ConfigurationFile.SectionName + ":", StringComparison.OrdinalIgnoreCase);

    private void Walk(JsonNode node, ConfigurationSchema schema, string prefix)
    {
        foreach (var property in node.Properties)
        {
            ReadKey(property.Name, property, schema, prefix);
        }
    }

    /// <summary>
    /// One key and its value. A key written with colons (<c>"Thresholds:WarningSeconds"</c>) is the nested key the
    /// configuration loader makes of it, exactly as if written as nested objects.
    /// </summary>
    private void ReadKey(string name, JsonProperty property, ConfigurationSchema schema, string prefix)
    {
        var colon = name.IndexOf(':');
        var head = colon < 0 ? name : name.Substring(0, colon);
        if (!schema.Keys.TryGetValue(head, out var entry) || (colon >= 0 && entry.Kind is not (ValueKind.Section or ValueKind.Map)))
        {
            var known = schema.Keys.Keys.Where(k => k != "$schema").ToList();
            var suggestion = PerformanceLoggingRules.SuggestClosest(head, known);
            var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
            Report(DiagnosticDescriptors.UnknownConfigurationKey, property.NameSpan,
                $"'{prefix}{name}' in {_fileName} is not a PerfLogging option and is ignored.{hint} Known keys here: {string.Join(", ", known)}.");
            return;
        }

        var path = prefix + entry.Name;
        if (colon >= 0)
        {
            var rest = name.Substring(colon + 1);
            if (entry.Kind == ValueKind.Section)
            {
                ReadKey(rest, property, entry.Child!, path + ":");
                return;
            }

            // A map: the next segment names the entry, which exists from then on.
            var next = rest.IndexOf(':');
            var entryName = next < 0 ? rest : rest.Substring(0, next);
            if (next < 0)
            {
                ReadEntry(path, entryName, property.Value, entry.Child!, reportNonObject: true);
                return;
            }

            if (!_nodes.ContainsKey($"{path}:{entryName}"))
            {
                _nodes[$"{path}:{entryName}"] = property.Value;
            }

            ReadKey(rest.Substring(next + 1), property, entry.Child!, $"{path}:{entryName}:");
            return;
        }

        if (property.Value.Kind == JsonKind.Null)
        {
            ReadNull(property, entry.Kind, path, nullable: ReferenceEquals(schema, ConfigurationSchema.Operation));
            return;
        }

        switch (entry.Kind)
        {
            case ValueKind.Section:
                if (ExpectObject(property, path))
                {
                    Walk(property.Value, entry.Child!, path + ":");
                }

                break;
            case ValueKind.Map:
                if (property.Value.Kind == JsonKind.Array)
                {
                    // The configuration provider keys array items by index: the binder reads entries named 0, 1, ….
                    Report(DiagnosticDescriptors.UnknownConfigurationKey, property.Value.Span,
                        $"'{path}' in {_fileName} is an array, which the configuration binder reads as entries named 0, 1, …. " +
                        $"Write \"{entry.Name}\": {{ \"name\": {{ … }} }}.");
                    var index = 0;
                    foreach (var item in property.Value.Items)
                    {
                        ReadEntry(path, (index++).ToString(CultureInfo.InvariantCulture), item, entry.Child!, reportNonObject: false);
                    }
                }
                else if (ExpectObject(property, path))
                {
                    foreach (var item in property.Value.Properties)
                    {
                        var split = item.Name.IndexOf(':');
                        if (split > 0)
                        {
                            // "api:WarningSeconds": the loader makes it the entry 'api' with the key 'WarningSeconds'.
                            var entryName = item.Name.Substring(0, split);
                            if (!_nodes.ContainsKey($"{path}:{entryName}"))
                            {
                                _nodes[$"{path}:{entryName}"] = item.Value;
                            }

                            ReadKey(item.Name.Substring(split + 1), item, entry.Child!, $"{path}:{entryName}:");
                        }
                        else
                        {
                            ReadEntry(path, item.Name, item.Value, entry.Child!, reportNonObject: true);
                        }
                    }
                }

                break;
            default:
                // A non-empty object or array under a value's key makes only nested keys, which the binder ignores here
                // (and a value for the key set elsewhere still counts); anything else is the key itself.
                if (!IsEmptyOrScalar(property.Value))
                {
                    ReportNested(path, property.Value);
                }
                else
                {
                    _nodes[path] = property.Value;
                    CheckType(path, property.Value, entry.Kind);
                }

                break;
        }
    }

    private void ReportNested(string path, JsonNode value) =>
        Report(DiagnosticDescriptors.UnknownConfigurationKey, value.Span,
            $"'{path}' in {_fileName} is {Describe(value)}, which the configuration binder ignores: it reads a single value here. " +
            "Write the value itself, or remove the key.");

    private static bool IsEmptyOrScalar(JsonNode value) => value.Kind switch
    {
        JsonKind.Object => value.Properties.Count == 0,
        JsonKind.Array => value.Items.Count == 0,
        _ => true,
    };

    /// <summary>An entry of a map (a profile, an operation); the binder creates it whatever its value, with what it sets.</summary>
    private void ReadEntry(string path, string name, JsonNode value, ConfigurationSchema schema, bool reportNonObject)
    {
        _nodes[$"{path}:{name}"] = value;
        if (value.Kind == JsonKind.Object)
        {
            Walk(value, schema, $"{path}:{name}:");
        }
        else if (reportNonObject && value.Kind != JsonKind.Null)
        {
            Report(DiagnosticDescriptors.UnknownConfigurationKey, value.Span,
                $"'{path}:{name}' in {_fileName} is {Describe(value)}, which the configuration binder reads as an entry that sets nothing: " +
                $"every value is inherited. Write \"{name}\": {{ \"WarningSeconds\": 1, \"CriticalSeconds\": 5 }}.");
        }
    }

    /// <summary>
    /// <c>null</c> as the binder reads it: an object stays as it is; a string option becomes null (the rules refuse it);
    /// an operation's threshold becomes "not set" (inherited); a number or switch is skipped, so it keeps its default.
    /// The value still hides one for the same key in a file loaded before this one.
    /// </summary>
    private void ReadNull(JsonProperty property, ValueKind kind, string path, bool nullable)
    {
        if (kind is ValueKind.Section or ValueKind.Map)
        {
            return;
        }

        _nodes[path] = property.Value;
        if (!nullable && kind is ValueKind.Boolean or ValueKind.Seconds or ValueKind.Megabytes or ValueKind.Length)
        {
            Report(DiagnosticDescriptors.UnknownConfigurationKey, property.Value.Span,
                $"'{path}' in {_fileName} is null, which the configuration binder ignores: the option keeps its default, and a value for it in a file loaded earlier is hidden. " +
                "Remove the key, or write the value you mean.");
        }
    }

    private bool ExpectObject(JsonProperty property, string path)
    {
        if (property.Value.Kind == JsonKind.Object)
        {
            return true;
        }

        Report(DiagnosticDescriptors.UnknownConfigurationKey, property.Value.Span,
            $"'{path}' in {_fileName} is {Describe(property.Value)}, which the configuration binder ignores: it reads options here only from an object. " +
            $"Write \"{path.Substring(path.LastIndexOf(':') + 1)}\": {{ … }}, or remove it.");
        return false;
    }

    /// <summary>
    /// Types as the configuration binder reads them: JSON scalars are strings, so "1.5" is a number too, and an empty
    /// string for a number or a switch is no value at all (the binder leaves the property as it was).
    /// </summary>
    private void CheckType(string path, JsonNode value, ValueKind kind)
    {
        if (value.Kind == JsonKind.String && value.Raw.Length == 0 &&
            kind is ValueKind.Boolean or ValueKind.Seconds or ValueKind.Megabytes or ValueKind.Length)
        {
            Report(DiagnosticDescriptors.UnknownConfigurationKey, value.Span,
                $"'{path}' in {_fileName} is an empty string, which the configuration binder ignores: the option keeps its default, and a value for it in a file loaded earlier is hidden. " +
                "Remove the key, or write the value you mean.");
            return;
        }

        if (value.Kind is JsonKind.Object or JsonKind.Array)
        {
            // Empty: the configuration loader makes an empty object a null value and an empty array an empty one. A
            // string option becomes empty (the rules refuse it); a number or switch keeps its default.
            if (kind is not (ValueKind.Level or ValueKind.Name or ValueKind.Text))
            {
                ReportNested(path, value);
            }

            return;
        }

        if (PerformanceLoggingRules.CheckType(path, ConfigurationText(value), kind) is { } wrong)
        {
            // Whether the host refuses it depends on whether a file loaded later sets the key too: the merged
            // configuration of each environment decides (ConfigurationModel); a file outside the order is judged alone.
            _typeErrors[path] = (value, wrong.Message);
            if (_judgedAlone)
            {
                Report(DiagnosticDescriptors.InvalidConfigurationValue, value.Span, wrong.Message);
            }
        }
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, string message) =>
        _report?.Invoke(Diagnostic.Create(descriptor, ConfigurationFile.LocationOf(_file, _text, span), message));

    /// <summary>A scalar as the JSON configuration provider hands it to the binder: strings and numbers as written, true as "True".</summary>
    internal static string? ConfigurationText(JsonNode node) => node.Kind switch
    {
        JsonKind.True => bool.TrueString,
        JsonKind.False => bool.FalseString,
        JsonKind.Null => null,
        _ => node.Raw,
    };

    internal static bool TryNumber(JsonNode node, out double value)
    {
        value = 0;
        return node.Kind is JsonKind.Number or JsonKind.String &&
            double.TryParse(node.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    internal static bool TryInteger(JsonNode node, out int value)
    {
        value = 0;
        return node.Kind is JsonKind.Number or JsonKind.String &&
            int.TryParse(node.Raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    internal static bool TryBoolean(JsonNode node, out bool value)
    {
        value = node.Kind == JsonKind.True;
        return node.Kind is JsonKind.True or JsonKind.False ||
            (node.Kind == JsonKind.String && bool.TryParse(node.Raw, out value));
    }

    private static string Describe(JsonNode node) => node.Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => $"\"{node.Raw}\"",
        _ => node.Raw,
    };
}
