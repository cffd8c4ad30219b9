using System.Text.Json;

namespace PerfLogging.Tool;

/// <summary>The <c>&lt;Assembly&gt;.perflogging.json</c> the weaver writes beside a woven assembly.</summary>
internal sealed class WeavingManifest
{
    public const string Extension = ".perflogging.json";

    private WeavingManifest(IReadOnlyList<WovenEntry> woven, IReadOnlyList<NotWovenEntry> notWoven)
    {
        Woven = woven;
        NotWoven = notWoven;
    }

    public IReadOnlyList<WovenEntry> Woven { get; }

    /// <summary>The methods the user wrote that were not woven, with why (empty in a manifest of an older weaver).</summary>
    public IReadOnlyList<NotWovenEntry> NotWoven { get; }

    public static string PathFor(string assembly) => Path.ChangeExtension(assembly, null) + Extension;

    public static WeavingManifest Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var woven = root.GetProperty("methods").EnumerateArray().Select(method => new WovenEntry(
                method.GetProperty("method").GetString()!,
                method.GetProperty("operation").GetString()!,
                method.GetProperty("shape").GetString()!,
                method.TryGetProperty("condition", out var condition) ? condition.GetString() : null,
                [.. method.GetProperty("settings").EnumerateObject().Select(setting => new Setting(
                    setting.Name,
                    setting.Value.TryGetProperty("value", out var value) ? value.GetRawText() : null,
                    setting.Value.GetProperty("source").GetString()!))])).ToList();
            var notWoven = root.TryGetProperty("notWoven", out var list)
                ? list.EnumerateArray().Select(m => new NotWovenEntry(m.GetProperty("method").GetString()!, m.GetProperty("reason").GetString()!)).ToList()
                : [];
            return new WeavingManifest(woven, notWoven);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ToolException($"'{path}' is not a PerfLogging weaving manifest ({ex.Message.Split('\n')[0]}). Rebuild the project to write it again.");
        }
    }

    public sealed record WovenEntry(string Method, string Operation, string Shape, string? Condition, IReadOnlyList<Setting> Settings);

    /// <summary>A setting: its value as JSON (null when no attribute or rule sets it) and where it comes from.</summary>
    public sealed record Setting(string Name, string? Value, string Source);

    public sealed record NotWovenEntry(string Method, string Reason);
}
