using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PerfLogging.Analyzers.Json;

/// <summary>Where and why a JSON document could not be read.</summary>
internal sealed class JsonParseException : Exception
{
    public JsonParseException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public int Position { get; }
}

/// <summary>
/// A small JSON reader that keeps character offsets (System.Text.Json reports bytes and may not load inside the
/// compiler). It accepts what the configuration loader accepts: comments and trailing commas. Any input either
/// parses or throws <see cref="JsonParseException"/> with a position; nothing else escapes.
/// </summary>
internal sealed partial class JsonParser
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _depth;

    private JsonParser(string text)
    {
        _text = text;
    }

    public static JsonNode Parse(string text)
    {
        var parser = new JsonParser(text);
        parser.SkipTrivia();
        if (parser._position >= text.Length)
        {
            throw new JsonParseException("The file is empty; it must hold a JSON object.", 0);
        }

        var root = parser.ReadValue();
        parser.SkipTrivia();
        if (parser._position < text.Length)
        {
            throw new JsonParseException($"Unexpected '{text[parser._position]}' after the end of the JSON document.", parser._position);
        }

        return root;
    }

    private JsonNode ReadValue()
    {
        SkipTrivia();
        if (_position >= _text.Length)
        {
            throw new JsonParseException("The document ends where a value was expected.", _position);
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject();
            case '[':
                return ReadArray();
            case '"':
                var start = _position;
                var text = ReadString();
                return new JsonNode(JsonKind.String, TextSpan.FromBounds(start, _position), text);
            case 't':
                return ReadLiteral("true", JsonKind.True);
            case 'f':
                return ReadLiteral("false", JsonKind.False);
            case 'n':
                return ReadLiteral("null", JsonKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                throw new JsonParseException($"Unexpected '{Printable(c)}' where a value was expected.", _position);
        }
    }

    private JsonNode ReadObject()
    {
        var start = _position;
        Enter();
        _position++;
        var properties = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                throw new JsonParseException("The object is not closed: '}' expected.", _position);
            }

            if (_text[_position] == '}')
            {
                _position++;
                break;
            }

            if (_text[_position] != '"')
            {
                throw new JsonParseException($"Unexpected '{Printable(_text[_position])}': a property name in double quotes expected.", _position);
            }

            var nameStart = _position;
            var name = ReadString();
            var nameSpan = TextSpan.FromBounds(nameStart, _position);

            SkipTrivia();
            if (_position >= _text.Length || _text[_position] != ':')
            {
                throw new JsonParseException($"':' expected after property name \"{name}\".", _position);
            }

            _position++;
            properties.Add(new JsonProperty(name, nameSpan, ReadValue()));
            SkipTrivia();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
                continue;
            }

            if (_position < _text.Length && _text[_position] == '}')
            {
                continue;
            }

            throw _position >= _text.Length
                ? new JsonParseException("The object is not closed: '}' expected.", _position)
                : new JsonParseException("',' or '}' expected after a property value.", _position);
        }

        _depth--;
        return new JsonNode(JsonKind.Object, TextSpan.FromBounds(start, _position), string.Empty, properties: properties);
    }

    private JsonNode ReadArray()
    {
        var start = _position;
        Enter();
        _position++;
        var items = new List<JsonNode>();
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                throw new JsonParseException("The array is not closed: ']' expected.", _position);
            }

            if (_text[_position] == ']')
            {
                _position++;
                break;
            }

            items.Add(ReadValue());
            SkipTrivia();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
                continue;
            }

            if (_position < _text.Length && _text[_position] == ']')
            {
                continue;
            }

            throw _position >= _text.Length
                ? new JsonParseException("The array is not closed: ']' expected.", _position)
                : new JsonParseException("',' or ']' expected after an array item.", _position);
        }

        _depth--;
        return new JsonNode(JsonKind.Array, TextSpan.FromBounds(start, _position), string.Empty, items: items);
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || (c == '\uFEFF' && _position == 0))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n' && _text[_position] != '\r')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new JsonParseException("The comment is not closed: '*/' expected.", _position);
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new JsonParseException($"The document nests deeper than {MaxDepth} levels.", _position);
        }
    }

    private static string Printable(char c) => c < ' ' ? $"\\u{(int)c:x4}" : c.ToString();
}
