using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Splits a <c>[Text(Prompt = …)]</c> template into literal text and placeholders: <c>{Name}</c> or <c>{0}</c>,
/// optionally <c>{Name:format}</c>; <c>{{</c> and <c>}}</c> are literal braces. Pure: a string in, segments or the
/// first problem (with its position) out.
/// </summary>
internal static class PromptTemplate
{
    /// <summary>A literal run (<see cref="Key"/> null) or a placeholder; <see cref="Start"/> and <see cref="Length"/> locate it in the template.</summary>
    internal sealed class Segment
    {
        public Segment(string? literal, string? key, int index, string? format, int start, int length)
        {
            Literal = literal;
            Key = key;
            Index = index;
            Format = format;
            Start = start;
            Length = length;
        }

        public string? Literal { get; }

        /// <summary>The property name, or the digits of a positional placeholder.</summary>
        public string? Key { get; }

        /// <summary>The position of a positional placeholder; -1 for a named one.</summary>
        public int Index { get; }

        public string? Format { get; }
        public int Start { get; }
        public int Length { get; }
    }

    /// <summary>The template's segments, or null with <paramref name="problem"/> (and its position) when it is malformed.</summary>
    public static List<Segment>? Parse(string template, out string? problem, out int position)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        problem = null;
        position = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    literal.Append('}');
                    i++;
                    continue;
                }
                position = i;
                problem = $"the '}}' at position {i.ToString(CultureInfo.InvariantCulture)} closes no placeholder";
                return null;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }
            var close = template.IndexOf('}', i + 1);
            var reopen = template.IndexOf('{', i + 1);
            position = i;
            if (close < 0 || (reopen >= 0 && reopen < close))
            {
                problem = $"the '{{' at position {i.ToString(CultureInfo.InvariantCulture)} is never closed";
                return null;
            }
            var body = template.Substring(i + 1, close - i - 1);
            var colon = body.IndexOf(':');
            var key = colon < 0 ? body : body.Substring(0, colon);
            var format = colon < 0 ? null : body.Substring(colon + 1);
            if (key.Length == 0)
            {
                problem = $"the placeholder '{{{body}}}' at position {i.ToString(CultureInfo.InvariantCulture)} names nothing";
                return null;
            }
            int index;
            if (IsDigits(key))
            {
                if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index))
                {
                    problem = $"the placeholder '{{{body}}}' at position {i.ToString(CultureInfo.InvariantCulture)} has too large an index";
                    return null;
                }
            }
            else if (IsIdentifier(key)) index = -1;
            else
            {
                problem = $"'{{{body}}}' at position {i.ToString(CultureInfo.InvariantCulture)} is not a placeholder (a property name or an index, optionally ':format')";
                return null;
            }
            if (format is { Length: 0 }) format = null;
            if (literal.Length > 0)
            {
                segments.Add(new Segment(literal.ToString(), null, -1, null, 0, 0));
                literal.Clear();
            }
            segments.Add(new Segment(null, key, index, format, i, close - i + 1));
            i = close;
        }
        if (literal.Length > 0) segments.Add(new Segment(literal.ToString(), null, -1, null, 0, 0));
        return segments;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
            if (c < '0' || c > '9') return false;
        return true;
    }

    private static bool IsIdentifier(string text)
    {
        if (!(char.IsLetter(text[0]) || text[0] == '_')) return false;
        foreach (var c in text)
            if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
        return true;
    }
}
