// Glob matching of fabric rule selectors, in one file with no dependency beyond the BCL. It is compiled into
// PerfLogging.Aspects and linked into the weaver (which applies rules) and the analyzer (which validates them and
// reports rules that match nothing), so all three read a selector the same way. Keep it netstandard2.0-clean.
using System;

namespace PerfLogging.Fabrics;

/// <summary>
/// Selector globs: in a namespace, <c>*</c> matches within a segment and <c>**</c> (a whole segment) matches any
/// number of segments; in type and method names, <c>*</c> matches any run of characters and <c>?</c> one character.
/// </summary>
internal static class FabricGlob
{
    /// <summary>Why <paramref name="pattern"/> is not a valid selector, or null when it is.</summary>
    /// <param name="pattern">The selector as written.</param>
    /// <param name="selector">The selector's name (Namespace, TypeName, MethodName).</param>
    /// <returns>A message naming the value, the rule and the fix, or null.</returns>
    public static string? Validate(string? pattern, string selector)
    {
        if (pattern is null)
        {
            return null;
        }

        var isNamespace = selector == "Namespace";
        var example = isNamespace ? "'Shop.Services', 'Shop.*.Data' or 'Shop.**'" : "'*Repository' or 'Get*'";
        string Problem(string rule) => $"'{pattern}' is not a valid {selector} glob: {rule}. Write it like {example}.";

        if (pattern.Trim().Length == 0)
        {
            return Problem("it is empty");
        }

        foreach (var c in pattern)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '*' || c == '?' || (isNamespace && c == '.')))
            {
                return Problem($"'{c}' is not allowed (use letters, digits, '_', '*', '?'{(isNamespace ? " and '.'" : string.Empty)})");
            }
        }

        if (!isNamespace)
        {
            return pattern.IndexOf("**", StringComparison.Ordinal) >= 0 ? Problem("'**' only spans namespace segments") : null;
        }

        foreach (var segment in pattern.Split('.'))
        {
            if (segment.Length == 0)
            {
                return Problem("a segment between dots is empty");
            }

            if (segment.IndexOf("**", StringComparison.Ordinal) >= 0 && segment != "**")
            {
                return Problem($"'**' must be a whole segment, not part of '{segment}'");
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a rule selects a method: the fabric's scope (a namespace fabric's namespace, null for a project fabric),
    /// then the rule's Namespace, TypeName and MethodName globs, then its visibility flags (Public 1, Internal 2,
    /// Protected 4, Private 8). An explicit interface implementation is matched by its member name.
    /// </summary>
    public static bool Selects(
        string? scope, string? namespaceGlob, bool includeChildNamespaces, string? typeGlob, string? methodGlob, int visibility,
        string methodNamespace, string typeName, string methodName, int methodVisibility)
    {
        var memberName = methodName.Substring(methodName.LastIndexOf('.') + 1);
        return (scope is null || MatchNamespace(scope, methodNamespace, includeChildNamespaces)) &&
            (namespaceGlob is null || MatchNamespace(namespaceGlob, methodNamespace, includeChildNamespaces)) &&
            (typeGlob is null || MatchName(typeGlob, typeName)) &&
            (methodGlob is null || MatchName(methodGlob, memberName)) &&
            (visibility & methodVisibility) != 0;
    }

    /// <summary>Whether a namespace is selected; with children, every namespace below a match is selected too.</summary>
    public static bool MatchNamespace(string pattern, string @namespace, bool includeChildren)
    {
        var patternSegments = pattern.Split('.');
        var segments = @namespace.Length == 0 ? [] : @namespace.Split('.');
        if (includeChildren)
        {
            for (var length = segments.Length; length >= 0; length--)
            {
                if (MatchSegments(patternSegments, 0, segments, 0, length))
                {
                    return true;
                }
            }

            return false;
        }

        return MatchSegments(patternSegments, 0, segments, 0, segments.Length);
    }

    /// <summary>Whether a type or method name matches a <c>*</c>/<c>?</c> glob (case-sensitive, as C# names are).</summary>
    public static bool MatchName(string pattern, string name) => MatchSegment(pattern, 0, name, 0);

    private static bool MatchSegments(string[] pattern, int p, string[] segments, int s, int length)
    {
        if (p == pattern.Length)
        {
            return s == length;
        }

        if (pattern[p] == "**")
        {
            for (var k = s; k <= length; k++)
            {
                if (MatchSegments(pattern, p + 1, segments, k, length))
                {
                    return true;
                }
            }

            return false;
        }

        return s < length && MatchSegment(pattern[p], 0, segments[s], 0) && MatchSegments(pattern, p + 1, segments, s + 1, length);
    }

    private static bool MatchSegment(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                for (var k = t; k <= text.Length; k++)
                {
                    if (MatchSegment(pattern, p + 1, text, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t == text.Length || (c != '?' && c != text[t]))
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }
}
