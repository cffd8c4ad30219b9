using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PerfLogging.Analyzers.Json;

/// <summary>
/// Results computed from a file's content, kept for the last few contents: a configuration file is parsed and read once
/// per content, not once per reader and compilation (an IDE starts a compilation on every keystroke; the files rarely
/// change in between). Cached results are never changed after they are made, so concurrent analyses may share them.
/// </summary>
internal sealed class ContentCache<T>
    where T : class
{
    private const int Capacity = 16;

    private readonly object _gate = new();
    private readonly Dictionary<string, T> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>A key for the text's content (its length and checksum), plus <paramref name="qualifier"/>.</summary>
    public static string KeyOf(SourceText text, string qualifier = "") =>
        text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" +
        Convert.ToBase64String(System.Linq.ImmutableArrayExtensions.ToArray(text.GetChecksum())) + ":" + qualifier;

    public T GetOrAdd(string key, Func<T> create)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var found))
            {
                return found;
            }
        }

        var made = create();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var raced))
            {
                return raced;
            }

            _entries[key] = made;
            _order.Enqueue(key);
            while (_order.Count > Capacity)
            {
                _entries.Remove(_order.Dequeue());
            }
        }

        return made;
    }
}

/// <summary>Parsed configuration files by content.</summary>
internal static class JsonCache
{
    private static readonly ContentCache<Entry> Parsed = new();

    /// <summary>The file's tree, parsing it only when this content was not seen recently.</summary>
    /// <exception cref="JsonParseException">The content is not valid JSON (the same exception every time).</exception>
    public static JsonNode Parse(SourceText text)
    {
        var entry = Parsed.GetOrAdd(ContentCache<Entry>.KeyOf(text), () =>
        {
            try
            {
                return new Entry(JsonParser.Parse(text.ToString()), null);
            }
            catch (JsonParseException ex)
            {
                return new Entry(null, ex);
            }
        });
        return entry.Root ?? throw new JsonParseException(entry.Error!.Message, entry.Error.Position);
    }

    private sealed class Entry(JsonNode? root, JsonParseException? error)
    {
        public JsonNode? Root { get; } = root;

        public JsonParseException? Error { get; } = error;
    }
}
