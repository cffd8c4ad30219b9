// The validation rules of PerfLogging, in one file with no dependency beyond the BCL. It is compiled into
// PerfLogging.Configuration (run-time validation) and linked into PerfLogging.Analyzers (compile-time
// diagnostics), so both judge the same values the same way and say so in the same words.
// Keep it netstandard2.0-clean: no double.IsFinite, no span-based string APIs.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace PerfLogging.Configuration.Validation;

/// <summary>What a rule found wrong, with the key path of the value and the complete message.</summary>
internal readonly struct RuleViolation
{
    public RuleViolation(string rule, string path, string message, string? relatedPath = null)
    {
        Rule = rule;
        Path = path;
        Message = message;
        RelatedPath = relatedPath;
    }

    /// <summary>The other value a comparison involved (the critical threshold of an order violation), if any.</summary>
    public string? RelatedPath { get; }

    /// <summary>A stable identifier of the broken rule, e.g. <c>threshold-order</c>.</summary>
    public string Rule { get; }

    /// <summary>The key path of the offending value, e.g. <c>Profiles:api:WarningSeconds</c>.</summary>
    public string Path { get; }

    /// <summary>The message: the value, the rule and the fix.</summary>
    public string Message { get; }

    public override string ToString() => Message;
}

/// <summary>
/// A configuration as the rules read it, by key path (<c>Thresholds:WarningSeconds</c>, <c>Profiles:api:CriticalSeconds</c>):
/// the bound options at run time, the JSON file at compile time. A value that is absent (or of the wrong type) is null.
/// </summary>
internal interface IRuleValues
{
    /// <summary>Whether the configuration sets the key; only keys that are set are reported.</summary>
    bool Has(string path);

    double? Number(string path);

    int? Integer(string path);

    string? Text(string path);

    /// <summary>The entry names of a map section (<c>Profiles</c>, <c>Operations</c>).</summary>
    IEnumerable<string> Names(string section);
}

internal static partial class PerformanceLoggingRules
{
    public const string ThresholdNotFinite = "threshold-not-finite";
    public const string ThresholdNegative = "threshold-negative";
    public const string ThresholdOrder = "threshold-order";
    public const string LimitNotPositive = "limit-not-positive";
    public const string UnknownLevel = "unknown-level";
    public const string EmptyName = "empty-name";
    public const string WrongType = "wrong-type";

    /// <summary>The level names <c>Microsoft.Extensions.Logging.LogLevel</c> accepts.</summary>
    public static readonly string[] LevelNames = ["Trace", "Debug", "Information", "Warning", "Error", "Critical", "None"];

    /// <summary>A duration threshold: finite and not negative.</summary>
    /// <param name="path">The key path or argument name of the value.</param>
    /// <param name="seconds">The value in seconds.</param>
    /// <param name="owner">Where the value was written (a method, a rule), or null for configuration keys.</param>
    public static RuleViolation? CheckSeconds(string path, double seconds, string? owner = null) =>
        CheckAmount(path, seconds, "s", "seconds", owner);

    /// <summary>A memory threshold: finite and not negative.</summary>
    public static RuleViolation? CheckMegabytes(string path, double megabytes, string? owner = null) =>
        CheckAmount(path, megabytes, "MB", "megabytes", owner);

    /// <summary>A warning threshold must not be above its critical threshold.</summary>
    public static RuleViolation? CheckOrder(
        string warningPath, double warning, string criticalPath, double critical, string unit = "s", string? owner = null)
    {
        // A value that is itself invalid is reported by its own rule; comparing it would only add noise.
        if (!IsFinite(warning) || !IsFinite(critical) || warning < 0 || critical < 0 || warning <= critical)
        {
            return null;
        }

        return new RuleViolation(
            ThresholdOrder,
            warningPath,
            $"'{warningPath}' ({Format(warning)} {unit}) is above '{criticalPath}' ({Format(critical)} {unit}){On(owner)}: " +
            "a call must reach the warning threshold before the critical one. Make the warning threshold the smaller one.",
            criticalPath);
    }

    /// <summary>A length limit must be a positive number of characters.</summary>
    public static RuleViolation? CheckLimit(string path, int value, int defaultValue)
    {
        if (value > 0)
        {
            return null;
        }

        return new RuleViolation(
            LimitNotPositive,
            path,
            $"'{path}' is {value.ToString(CultureInfo.InvariantCulture)}: a length limit must be a positive number of characters. " +
            $"Set it to 1 or more (the default is {defaultValue.ToString(CultureInfo.InvariantCulture)}).");
    }

    /// <summary>
    /// A single value as the configuration binder reads it into its option (the binding generator's parsers): true or
    /// false in any case, numbers in the invariant culture, whole numbers for lengths. <paramref name="value"/> is the
    /// configuration's text of it (a JSON <c>true</c> reads "True"); null and empty values are never bound, so never wrong.
    /// </summary>
    public static RuleViolation? CheckType(string path, string? value, ValueKind kind)
    {
        if (value is null || value.Length == 0)
        {
            return null;
        }

        var expected = kind switch
        {
            ValueKind.Boolean when !bool.TryParse(value, out _) => "true or false",
            ValueKind.Seconds or ValueKind.Megabytes when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => "a number",
            ValueKind.Length when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) => "a whole number",
            _ => null,
        };
        return expected is null
            ? null
            : new RuleViolation(WrongType, path, $"'{path}' is \"{value}\": PerfLogging reads it as {expected}. Write {expected} there.");
    }

    /// <summary>A level must be one of the names of <c>LogLevel</c> (case-insensitive).</summary>
    public static RuleViolation? CheckLevel(string path, string? value)
    {
        if (value is not null && TryParseLevel(value, out _))
        {
            return null;
        }

        var suggestion = value is null ? null : SuggestClosest(value, LevelNames);
        var hint = suggestion is null ? string.Empty : $"Did you mean '{suggestion}'? ";
        return new RuleViolation(
            UnknownLevel,
            path,
            $"'{path}' is '{value}': not a log level. {hint}Use one of {string.Join(", ", LevelNames)}.");
    }

    /// <summary>A field name or prefix that must not be empty.</summary>
    public static RuleViolation? CheckName(string path, string? value, string defaultValue)
    {
        if (value is not null && value.Trim().Length > 0)
        {
            return null;
        }

        return new RuleViolation(
            EmptyName,
            path,
            $"'{path}' is empty: log fields need a name. Set it to a non-empty name (the default is '{defaultValue}').");
    }

    /// <summary>
    /// Fragments of parameter names that usually hold secrets. Names are compared lower-case without '_' and '-',
    /// so <c>api_key</c>, <c>apiKey</c> and <c>X-Api-Key</c> all match <c>apikey</c>.
    /// </summary>
    public static readonly string[] SecretNameFragments =
    [
        "password", "passwd", "pwd", "secret", "token", "apikey", "accesskey", "privatekey", "credential",
        "connectionstring", "authorization", "bearer", "cookie", "session", "ssn", "creditcard", "cardnumber", "cvv", "pin",
    ];

    /// <summary>Whether a parameter name looks like it holds a secret (redacted at run time, PERF009 at build time).</summary>
    public static bool LooksSecret(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return false;
        }

        var normalized = name.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
        foreach (var fragment in SecretNameFragments)
        {
            // "pin" alone is too common a substring (spinner, mapping): match it only as the whole name.
            var matches = fragment == "pin" ? normalized == fragment : normalized.IndexOf(fragment, StringComparison.Ordinal) >= 0;
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a level name the way the runtime does; the index is the <c>LogLevel</c> value.</summary>
    public static bool TryParseLevel(string value, out int level)
    {
        for (var i = 0; i < LevelNames.Length; i++)
        {
            if (string.Equals(LevelNames[i], value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = i;
                return true;
            }
        }

        level = -1;
        return false;
    }

    /// <summary>The candidate closest to <paramref name="value"/> by edit distance, if it is close enough to be a typo.</summary>
    public static string? SuggestClosest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // An abbreviation ("Info" for "Information") is as good a hint as a typo.
            if (value.Length >= 3 && candidate.StartsWith(value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var distance = EditDistance(value.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // A typo changes a few characters; anything further is a different word, not worth suggesting.
        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    /// <summary>Formats a number the way messages show it: invariant, shortest round-trip form.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private static RuleViolation? CheckAmount(string path, double value, string unit, string unitName, string? owner)
    {
        if (!IsFinite(value))
        {
            return new RuleViolation(
                ThresholdNotFinite,
                path,
                $"'{path}' is {Format(value)}{On(owner)}: a threshold must be a finite number of {unitName}. " +
                $"Set it to a number of {unitName}, 0 or more.");
        }

        if (value < 0)
        {
            return new RuleViolation(
                ThresholdNegative,
                path,
                $"'{path}' is {Format(value)} {unit}{On(owner)}: a threshold cannot be negative. " +
                $"Set it to 0 or more {unitName}.");
        }

        return null;
    }

    private static string On(string? owner) => owner is null ? string.Empty : $" on '{owner}'";

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
