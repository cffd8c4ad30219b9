using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PerfLogging.Analyzers.Json;

/// <summary>Scalars: strings with their escapes, numbers as JSON writes them, and the literals.</summary>
internal sealed partial class JsonParser
{
    private string ReadString()
    {
        var opening = _position;
        _position++;

        // Most strings have no escape: one scan and one substring.
        for (var end = _position; end < _text.Length; end++)
        {
            var c = _text[end];
            if (c == '"')
            {
                var plain = _text.Substring(_position, end - _position);
                _position = end + 1;
                return CheckSurrogates(plain, opening);
            }

            if (c == '\\' || c < ' ')
            {
                break;
            }
        }

        var value = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
            {
                return CheckSurrogates(value.ToString(), opening);
            }

            if (c == '\\')
            {
                if (_position >= _text.Length)
                {
                    break;
                }

                var escape = _text[_position++];
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length ||
                            !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new JsonParseException("Invalid \\u escape: four hexadecimal digits expected.", _position - 2);
                        }

                        value.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw new JsonParseException($"Invalid escape '\\{Printable(escape)}' in a string.", _position - 2);
                }

                continue;
            }

            if (c < ' ')
            {
                throw new JsonParseException("A control character (such as a line break) inside a string must be escaped.", _position - 1);
            }

            value.Append(c);
        }

        throw new JsonParseException("The string is not closed: '\"' expected.", opening);
    }

    /// <summary>
    /// A string with a lone surrogate (<c>"\uD800x"</c>) is not text: the configuration loader cannot read it as a
    /// string and refuses the file, so it is a syntax error here too.
    /// </summary>
    private static string CheckSurrogates(string value, int opening)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new JsonParseException(
                    $"The string holds a lone UTF-16 surrogate (0x{(int)value[i]:X4}), which is not text; the configuration loader refuses it. Remove the \\u escape or complete the pair.",
                    opening);
            }
        }

        return value;
    }

    /// <summary>Numbers as JSON writes them: -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)?.</summary>
    private JsonNode ReadNumber()
    {
        var start = _position;
        Accept('-');
        if (Accept('0'))
        {
            // A leading zero stands alone.
        }
        else if (!Digits())
        {
            throw new JsonParseException("A number needs digits.", start);
        }

        if (Accept('.') && !Digits())
        {
            throw new JsonParseException("A number needs digits after its decimal point.", _position);
        }

        if (Accept('e') || Accept('E'))
        {
            _ = Accept('+') || Accept('-');
            if (!Digits())
            {
                throw new JsonParseException("A number needs digits in its exponent.", _position);
            }
        }

        if (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '.'))
        {
            throw new JsonParseException($"Unexpected '{Printable(_text[_position])}' in a number.", _position);
        }

        var raw = _text.Substring(start, _position - start);
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        return new JsonNode(JsonKind.Number, TextSpan.FromBounds(start, _position), raw) { Number = number };
    }

    private bool Accept(char c)
    {
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private bool Digits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] >= '0' && _text[_position] <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    private JsonNode ReadLiteral(string literal, JsonKind kind)
    {
        var start = _position;
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw new JsonParseException($"Unexpected '{Printable(_text[_position])}' where a value was expected.", _position);
        }

        _position += literal.Length;
        return new JsonNode(kind, TextSpan.FromBounds(start, _position), literal);
    }
}
