using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PerfLogging.Configuration;

/// <summary>
/// Where a JSON file failed to load, as the build's PERF004 locates it: 1-based line and column, the column counted in
/// characters (the parser counts bytes), for syntax errors and for the keys the loader refuses as duplicates.
/// </summary>
internal static partial class JsonErrorPosition
{
    public static (long Line, long Column)? Of(Exception exception, ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonException { LineNumber: { } line, BytePositionInLine: { } bytes })
            {
                return (line + 1, CharactersBefore(content, LineStart(content, line), bytes) + 1);
            }
        }

        return DuplicateKey().Match(exception.GetBaseException().Message) is { Success: true } duplicate
            ? Duplicate(content, duplicate.Groups["key"].Value)
            : null;
    }

    /// <summary>The position of the second property whose configuration path is <paramref name="key"/>.</summary>
    private static (long, long)? Duplicate(ReadOnlySpan<byte> content, string key)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var segments = new List<string>();
        var containers = new Stack<(bool Array, int Next, bool Named)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pendingName = false;
        long? prefixMatch = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var path = string.Join(':', segments.Append(name));
                        if (!seen.Add(path))
                        {
                            if (path.Equals(key, StringComparison.OrdinalIgnoreCase))
                            {
                                return At(content, reader.TokenStartIndex);
                            }

                            prefixMatch ??= key.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase) ? reader.TokenStartIndex : null;
                        }

                        segments.Add(name);
                        pendingName = true;
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        containers.Push((reader.TokenType == JsonTokenType.StartArray, 0, BeginValue()));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (containers.Pop().Named)
                        {
                            segments.RemoveAt(segments.Count - 1);
                        }

                        break;
                    default:
                        if (BeginValue())
                        {
                            segments.RemoveAt(segments.Count - 1);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return prefixMatch is { } offset ? At(content, offset) : null;

        // Gives the value about to be read its path segment (its property name, or its index in an array).
        bool BeginValue()
        {
            if (pendingName)
            {
                pendingName = false;
                return true;
            }

            if (containers.TryPeek(out var top) && top.Array)
            {
                containers.Pop();
                segments.Add(top.Next.ToString(System.Globalization.CultureInfo.InvariantCulture));
                containers.Push(top with { Next = top.Next + 1 });
                return true;
            }

            return false;
        }
    }

    private static (long, long) At(ReadOnlySpan<byte> content, long offset)
    {
        var before = content[..(int)offset];
        var line = before.Count((byte)'\n');
        var start = before.LastIndexOf((byte)'\n') + 1;
        return (line + 1, CharactersBefore(content, start, offset - start) + 1);
    }

    private static int LineStart(ReadOnlySpan<byte> content, long line)
    {
        var start = 0;
        for (var i = 0L; i < line; i++)
        {
            var next = content[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return start;
            }

            start += next + 1;
        }

        return start;
    }

    private static long CharactersBefore(ReadOnlySpan<byte> content, int lineStart, long bytes) =>
        Encoding.UTF8.GetCharCount(content.Slice(lineStart, (int)Math.Min(bytes, content.Length - lineStart)));

    [GeneratedRegex(@"^A duplicate key '(?<key>.+)' was found\.$")]
    private static partial Regex DuplicateKey();
}
