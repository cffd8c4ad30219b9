using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Mono.Cecil;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody;

public sealed partial class ModuleWeaver
{
    /// <summary>The extension of the manifest written next to the woven assembly.</summary>
    public const string ManifestExtension = ".perflogging.json";

    /// <summary>
    /// Writes <c>&lt;Assembly&gt;.perflogging.json</c> next to the woven assembly: every woven method, its operation
    /// name, shape, and where each setting came from; then every other method the user wrote, with why it is not woven.
    /// Sorted and without timestamps, so rebuilds are identical.
    /// </summary>
    private void WriteManifest(IReadOnlyCollection<WeaveTarget> woven)
    {
        var json = new StringBuilder();
        json.Append("{\n");
        json.Append("  \"assembly\": ").Append(Quote(ModuleDefinition.Assembly.Name.Name)).Append(",\n");
        json.Append("  \"methods\": [");
        var first = true;
        foreach (var target in woven.OrderBy(t => Names.Signature(t.Method), System.StringComparer.Ordinal))
        {
            json.Append(first ? "\n" : ",\n");
            first = false;
            AppendMethod(json, target);
        }

        json.Append(first ? "]" : "\n  ]").Append(",\n");
        AppendNotWoven(json);
        json.Append("}\n");
        var path = Path.ChangeExtension(AssemblyFilePath, null) + ManifestExtension;
        File.WriteAllText(path, json.ToString(), new UTF8Encoding(false));
    }

    /// <summary>Methods listed by signature with the reason; overloads that share a signature after erasure appear once.</summary>
    private void AppendNotWoven(StringBuilder json)
    {
        json.Append("  \"notWoven\": [");
        var first = true;
        foreach (var group in _notWoven.GroupBy(n => Names.Signature(n.Method)).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            json.Append(first ? "\n" : ",\n");
            first = false;
            json.Append("    { \"method\": ").Append(Quote(group.Key)).Append(", \"reason\": ").Append(Quote(group.First().Reason)).Append(" }");
        }

        json.Append(first ? "]\n" : "\n  ]\n");
    }

    private static void AppendMethod(StringBuilder json, WeaveTarget target)
    {
        var settings = target.Settings;
        var includeClass = settings.Get("IncludeClassName")?.Argument.Value as bool? ?? true;
        var operation = settings.Get("OperationName")?.Argument.Value as string ?? Names.DefaultOperation(target.Method, includeClass);
        json.Append("    {\n");
        json.Append("      \"method\": ").Append(Quote(Names.Signature(target.Method))).Append(",\n");
        json.Append("      \"operation\": ").Append(Quote(operation)).Append(",\n");
        json.Append("      \"shape\": ").Append(Quote(target.Shape.ToString())).Append(",\n");
        if (settings.ConditionType is not null)
        {
            json.Append("      \"condition\": ").Append(Quote($"{Names.Display(settings.ConditionType)}.{settings.ConditionMember}")).Append(",\n");
        }

        json.Append("      \"settings\": {");
        var firstSetting = true;
        foreach (var name in AspectSettings.Names)
        {
            json.Append(firstSetting ? "\n" : ",\n");
            firstSetting = false;
            json.Append("        ").Append(Quote(name)).Append(": ");
            var value = settings.Get(name);
            if (value is not null)
            {
                json.Append("{ \"value\": ").Append(Literal(value.Argument.Value)).Append(", \"source\": ").Append(Quote(value.Source)).Append(" }");
            }
            else
            {
                json.Append("{ \"source\": ").Append(Quote(InheritedSource(name, settings))).Append(" }");
            }
        }

        json.Append("\n      }\n    }");
    }

    /// <summary>Where a setting no attribute or rule sets comes from at run time.</summary>
    private static string InheritedSource(string name, AspectSettings settings) => name switch
    {
        "ThresholdWarning" or "ThresholdCritical" when settings.Get("Profile")?.Argument.Value is string profile =>
            $"configuration: Operations entry, else profile '{profile}'",
        "ThresholdWarning" or "ThresholdCritical" => "configuration: Operations entry, else Thresholds",
        "IncludeArgs" or "IncludeResult" or "IncludeMemory" or "IncludeCpu" => "configuration: Metrics",
        _ => "default",
    };

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Quote(System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        return json.Append('"').ToString();
    }
}
