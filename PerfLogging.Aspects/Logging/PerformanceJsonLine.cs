using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PerfLogging.Runtime;

/// <summary>
/// One record as one JSON object, shaped like the seed's example: <c>timestamp</c>, <c>level</c>,
/// <c>logger_name</c>, <c>message</c>, <c>context</c>, and <c>performance</c> for PerfLogging's records. Strings go
/// through <see cref="Utf8JsonWriter"/>, so quotes, newlines and control characters are escaped and every line parses.
/// </summary>
internal static class PerformanceJsonLine
{
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The record as one line of JSON, without the line break.</summary>
    public static string Format<TState>(
        string category,
        LogLevel level,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter,
        IExternalScopeProvider? scopes,
        PerformanceJsonConsoleOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", PerformanceRuntime.State.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", level.ToString());
            json.WriteString("logger_name", category);
            json.WriteString("message", formatter(state, exception));
            var (metrics, properties) = Split(eventId, state);
            WriteContext(json, properties, metrics?[MetricNames.OperationName] as string, scopes, options.IncludeScopes);
            if (metrics is not null)
            {
                json.WritePropertyName("performance");
                json.WriteStartObject();
                foreach (var (key, value) in metrics)
                {
                    WriteValue(json, key, value);
                }

                json.WriteEndObject();
            }

            if (exception is not null && options.IncludeException)
            {
                json.WriteString("exception", exception.ToString());
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The metric fields of a performance record (null for other records), and the other properties.</summary>
    /// <remarks>
    /// With log enrichment on, providers receive the record's properties joined with the enrichment tags instead of
    /// the record's own state: a performance record is then recognised by its fields.
    /// </remarks>
    private static (Dictionary<string, object?>? Metrics, IEnumerable<KeyValuePair<string, object?>> Properties) Split<TState>(EventId eventId, TState state)
    {
        if (state is PerformanceLogState performance)
        {
            return (performance.ToMetrics().ToDictionary(), performance.Context);
        }

        if (state is not IEnumerable<KeyValuePair<string, object?>> properties)
        {
            return (null, []);
        }

        var all = properties.Where(p => p.Key != MetricNames.OriginalFormat).ToList();
        if (!OperationLog.IsRecordEvent(eventId) || !all.Exists(p => p.Key == MetricNames.OperationName))
        {
            return (null, all);
        }

        var metrics = new Dictionary<string, object?>(s_metricNames.Length, StringComparer.Ordinal);
        foreach (var name in s_metricNames)
        {
            metrics[name] = all.Find(p => p.Key == name).Value;
        }

        return (metrics, all.Where(p => !metrics.ContainsKey(p.Key)));
    }

    private static readonly string[] s_metricNames = [.. new PerformanceMetrics().ToDictionary().Keys];

    private static void WriteContext(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> properties, string? operationName, IExternalScopeProvider? scopes, bool includeScopes)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (PerformanceContext.RequestId is { } requestId)
        {
            fields[MetricNames.RequestId] = requestId;
        }

        if (includeScopes && scopes is not null)
        {
            scopes.ForEachScope(
                static (scope, fields) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            if (key != MetricNames.OriginalFormat)
                            {
                                fields[key] = value;
                            }
                        }
                    }
                    else if (scope is not null)
                    {
                        fields["scope"] = scope.ToString();
                    }
                },
                fields);
        }

        if (operationName is not null)
        {
            fields[PerformanceRuntime.State.Options.OperationField] = operationName;
        }

        foreach (var (key, value) in properties)
        {
            fields[key] = value;
        }

        json.WritePropertyName("context");
        json.WriteStartObject();
        foreach (var (key, value) in fields)
        {
            WriteValue(json, key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(key);
                break;
            case bool b:
                json.WriteBoolean(key, b);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumber(key, d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumber(key, f);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte or decimal:
                json.WritePropertyName(key);
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: false);
                break;
            case DateTime time:
                json.WriteString(key, time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                json.WriteString(key, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                json.WriteString(key, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteString(key, value.ToString());
                break;
        }
    }
}
