using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace PerfLogging.Analyzers.Json;

/// <summary>
/// Parsed configuration files by content: a file is parsed once per content, not once per reader and compilation
/// (an IDE starts a compilation on every keystroke; the files rarely change in between). Parsed trees are never
/// changed after parsing, so one may be shared by concurrent analyses. Holds the last few contents only.
/// </summary>
internal static class JsonCache
{
    private const int Capacity = 16;

    private static readonly object Gate = new();
    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal);
    private static readonly Queue<string> Order = new();

    /// <summary>The file's tree, parsing it only when this content was not seen recently.</summary>
    /// <exception cref="JsonParseException">The content is not valid JSON (the same exception every time).</exception>
    public static JsonNode Parse(SourceText text)
    {
        var key = text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Convert.ToBase64String(System.Linq.ImmutableArrayExtensions.ToArray(text.GetChecksum()));
        Entry? entry;
        lock (Gate)
        {
            Entries.TryGetValue(key, out entry);
        }

        if (entry is null)
        {
            try
            {
                entry = new Entry(JsonParser.Parse(text.ToString()), null);
            }
            catch (JsonParseException ex)
            {
                entry = new Entry(null, ex);
            }

            lock (Gate)
            {
                if (!Entries.ContainsKey(key))
                {
                    Entries[key] = entry;
                    Order.Enqueue(key);
                    while (Order.Count > Capacity)
                    {
                        Entries.Remove(Order.Dequeue());
                    }
                }
            }
        }

        return entry.Root ?? throw new JsonParseException(entry.Error!.Message, entry.Error.Position);
    }

    private sealed class Entry(JsonNode? root, JsonParseException? error)
    {
        public JsonNode? Root { get; } = root;

        public JsonParseException? Error { get; } = error;
    }
}
