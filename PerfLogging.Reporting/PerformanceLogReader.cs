using System.Text.Json;

namespace PerfLogging.Reporting;

/// <summary>
/// Streams the JSON lines <c>AddPerformanceJsonConsole</c> writes into an <see cref="OperationSummary"/>: one call per
/// line with a <c>performance</c> object; every other line (text, application records, broken JSON) is counted and
/// skipped. Memory does not grow with the input's length: a read buffer (grown only for a longer line, up to
/// <see cref="MaxLineBytes"/>) and the summary's histograms, bounded per operation.
/// </summary>
/// <remarks>
/// A record's outcome is read from its fields: <c>success</c> false is an error; then <c>exceeded_critical</c>,
/// <c>exceeded_warning</c>; then, for a call that measured memory (<c>memory_delta_mb</c> not null), the level,
/// since a memory threshold raises the level without setting those flags: <c>Critical</c> or <c>Warning</c> under the
/// default <c>LogLevels</c>. Any other call succeeded, whatever level <c>LogLevels:Success</c> gives it.
/// </remarks>
public sealed class PerformanceLogReader
{
    private readonly OperationSummary _summary;
    private readonly DateTimeOffset? _since;
    private readonly Func<string, bool>? _operationFilter;
    private readonly Dictionary<string, bool> _included = new(StringComparer.Ordinal);
    private char[] _name = new char[256];

    /// <summary>Initializes a new instance of the <see cref="PerformanceLogReader"/> class.</summary>
    /// <param name="summary">Where calls are added.</param>
    /// <param name="since">When given, records with an earlier <c>timestamp</c> (or none) are left out; a timestamp without an offset is UTC.</param>
    /// <param name="operationFilter">When given, records of operations it refuses are left out.</param>
    public PerformanceLogReader(OperationSummary summary, DateTimeOffset? since = null, Func<string, bool>? operationFilter = null)
    {
        _summary = summary;
        _since = since;
        _operationFilter = operationFilter;
    }

    /// <summary>The longest line read, in bytes (16 MiB); a longer one is counted as skipped.</summary>
    public const int MaxLineBytes = 16 << 20;

    /// <summary>Gets the number of performance records added to the summary.</summary>
    public long Records { get; private set; }

    /// <summary>Gets the number of performance records left out by the time or operation filter.</summary>
    public long Filtered { get; private set; }

    /// <summary>Gets the number of other lines: not JSON, JSON without a <c>performance</c> object, broken, or longer than <see cref="MaxLineBytes"/>.</summary>
    public long Skipped { get; private set; }

    /// <summary>Gets the number of bytes read.</summary>
    public long Bytes { get; private set; }

    /// <summary>Reads <paramref name="input"/> to its end, line by line (LF or CRLF).</summary>
    /// <param name="input">The log: a file or standard input.</param>
    /// <remarks>A line longer than <see cref="MaxLineBytes"/> is skipped as it streams past, never held whole.</remarks>
    public void Read(Stream input)
    {
        var buffer = new byte[1 << 20];
        var filled = 0;
        var overLong = false;
        int read;
        while ((read = input.Read(buffer, filled, buffer.Length - filled)) > 0)
        {
            Bytes += read;
            filled += read;
            var start = 0;
            int newline;
            while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
            {
                if (overLong)
                {
                    // The end of a line whose start was dropped.
                    overLong = false;
                    Skipped++;
                }
                else
                {
                    ReadLine(buffer.AsSpan(start, newline));
                }

                start += newline + 1;
            }

            filled -= start;
            if (start == 0 && filled == buffer.Length)
            {
                if (buffer.Length >= MaxLineBytes)
                {
                    overLong = true;
                    filled = 0;
                }
                else
                {
                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLineBytes));
                }
            }
            else
            {
                buffer.AsSpan(start, filled).CopyTo(buffer);
            }
        }

        if (overLong)
        {
            Skipped++;
        }
        else if (filled > 0)
        {
            ReadLine(buffer.AsSpan(0, filled));
        }
    }

    /// <summary>Reads one line, without its line feed.</summary>
    /// <param name="line">The line's UTF-8 bytes.</param>
    public void ReadLine(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        line = line.Trim(" \t\r"u8);
        if (line.IsEmpty)
        {
            return;
        }

        if (line[0] != (byte)'{')
        {
            Skipped++;
            return;
        }

        try
        {
            ReadRecord(line);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Broken JSON, a value of an unexpected kind, or a string that is not valid UTF-8.
            Skipped++;
        }
    }

    private void ReadRecord(ReadOnlySpan<byte> line)
    {
        var json = new Utf8JsonReader(line);
        json.Read();
        DateTimeOffset? timestamp = null;
        var level = OperationOutcome.Success;
        var record = default(Record);
        var isRecord = false;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals("performance"u8))
            {
                json.Read();
                isRecord = json.TokenType == JsonTokenType.StartObject && ReadPerformance(ref json, out record);
                if (!isRecord)
                {
                    json.Skip();
                }
            }
            else if (json.ValueTextEquals("level"u8))
            {
                json.Read();
                level = json.TokenType != JsonTokenType.String ? OperationOutcome.Success
                    : json.ValueTextEquals("Critical"u8) ? OperationOutcome.Critical
                    : json.ValueTextEquals("Warning"u8) ? OperationOutcome.Warning
                    : OperationOutcome.Success;
            }
            else if (_since is not null && json.ValueTextEquals("timestamp"u8))
            {
                json.Read();
                timestamp = json.TokenType != JsonTokenType.String ? null
                    : json.TryGetDateTime(out var unzoned) && unzoned.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(unzoned, TimeSpan.Zero)
                    : json.TryGetDateTimeOffset(out var time) ? time
                    : null;
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }

        if (!isRecord)
        {
            Skipped++;
            return;
        }

        var operation = _name.AsSpan(0, record.NameLength);
        if ((_since is { } since && (timestamp is null || timestamp < since)) || !Included(operation))
        {
            Filtered++;
            return;
        }

        var outcome = !record.Success ? OperationOutcome.Error
            : record.ExceededCritical ? OperationOutcome.Critical
            : record.ExceededWarning ? OperationOutcome.Warning
            : record.MeasuredMemory ? level
            : OperationOutcome.Success;
        _summary.Get(operation).Add(record.Seconds, outcome);
        Records++;
    }

    /// <summary>Reads the <c>performance</c> object; false when it lacks an operation name or a duration.</summary>
    private bool ReadPerformance(ref Utf8JsonReader json, out Record record)
    {
        record = new Record { Success = true, NameLength = -1, Seconds = double.NaN };
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.ValueTextEquals("operation_name"u8))
            {
                json.Read();
                if (json.TokenType == JsonTokenType.String)
                {
                    if (_name.Length < json.ValueSpan.Length)
                    {
                        _name = new char[json.ValueSpan.Length];
                    }

                    record.NameLength = json.CopyString(_name);
                }
            }
            else if (json.ValueTextEquals("duration_seconds"u8))
            {
                json.Read();
                record.Seconds = json.TokenType == JsonTokenType.Number ? json.GetDouble() : double.NaN;
            }
            else if (json.ValueTextEquals("success"u8))
            {
                json.Read();
                record.Success = json.TokenType != JsonTokenType.False;
            }
            else if (json.ValueTextEquals("memory_delta_mb"u8))
            {
                json.Read();
                record.MeasuredMemory = json.TokenType == JsonTokenType.Number;
            }
            else if (json.ValueTextEquals("exceeded_warning"u8))
            {
                json.Read();
                record.ExceededWarning = json.TokenType == JsonTokenType.True;
            }
            else if (json.ValueTextEquals("exceeded_critical"u8))
            {
                json.Read();
                record.ExceededCritical = json.TokenType == JsonTokenType.True;
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }

        return record.NameLength >= 0 && !double.IsNaN(record.Seconds);
    }

    private bool Included(ReadOnlySpan<char> operation)
    {
        if (_operationFilter is null)
        {
            return true;
        }

        var lookup = _included.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(operation, out var included))
        {
            var name = operation.ToString();
            included = _operationFilter(name);
            _included.Add(name, included);
        }

        return included;
    }

    private struct Record
    {
        public int NameLength;
        public double Seconds;
        public bool Success;
        public bool ExceededWarning;
        public bool ExceededCritical;
        public bool MeasuredMemory;
    }
}
