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
            var bytes = File.ReadAllBytes(path);
            using var document = JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
            var root = document.RootElement;
            var woven = root.GetProperty("methods").EnumerateArray().Select(method => new WovenEntry(
                Text(method, "method"),
                Text(method, "operation"),
                Text(method, "shape"),
                method.TryGetProperty("condition", out var condition) ? condition.GetString() : null,
                Settings(method))).ToList();
            var notWoven = root.TryGetProperty("notWoven", out var list)
                ? list.EnumerateArray().Select(m => new NotWovenEntry(Text(m, "method"), Text(m, "reason"))).ToList()
                : [];
            return new WeavingManifest(woven, notWoven);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ToolException($"'{path}' is not a PerfLogging weaving manifest ({ex.Message.Split('\n')[0]}). Rebuild the project to write it again.");
        }
    }

    /// <summary>A string the weaver always writes; a missing or null one means the file is not what it wrote.</summary>
    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new InvalidOperationException($"'{name}' is null");

    private static IReadOnlyList<Setting> Settings(JsonElement method)
    {
        List<Setting> settings = [.. method.GetProperty("settings").EnumerateObject().Select(setting => new Setting(
            setting.Name,
            setting.Value.TryGetProperty("value", out var value) ? value.GetRawText() : null,
            Text(setting.Value, "source")))];
        return settings.Count > 0 ? settings : throw new InvalidOperationException($"'{Text(method, "method")}' has no settings");
    }

    public sealed record WovenEntry(string Method, string Operation, string Shape, string? Condition, IReadOnlyList<Setting> Settings);

    /// <summary>A setting: its value as JSON (null when no attribute or rule sets it) and where it comes from.</summary>
    public sealed record Setting(string Name, string? Value, string Source);

    public sealed record NotWovenEntry(string Method, string Reason);
}
