// This file is compiled twice: into the runtime (to generate strings) and, linked, into the source generator (to
// reject unsupported patterns at compile time with the same parser). Keep it free of newer-than-netstandard2.0 APIs.
using System.Collections.Generic;
using System.Text;

namespace SynthFixtures.Sampling.Typed;

/// <summary>A parsed regular expression, as far as string generation needs it.</summary>
internal abstract class RegexNode
{
    public abstract void Describe(StringBuilder text);
}

/// <summary>One character from a set of inclusive ranges (a literal is a one-character set).</summary>
internal sealed class RegexCharSet : RegexNode
{
    public RegexCharSet(char[] ranges) => Ranges = ranges;

    /// <summary>Pairs (low, high), inclusive.</summary>
    public char[] Ranges { get; }

    public int Size
    {
        get
        {
            var size = 0;
            for (var i = 0; i < Ranges.Length; i += 2) size += Ranges[i + 1] - Ranges[i] + 1;
            return size;
        }
    }

    /// <summary>The <paramref name="index"/>-th character of the set, 0 ≤ index &lt; <see cref="Size"/>.</summary>
    public char At(int index)
    {
        for (var i = 0; i < Ranges.Length; i += 2)
        {
            var width = Ranges[i + 1] - Ranges[i] + 1;
            if (index < width) return (char)(Ranges[i] + index);
            index -= width;
        }
        return Ranges[Ranges.Length - 1];
    }

    public override void Describe(StringBuilder text) => text.Append("set(").Append(Size).Append(')');
}

internal sealed class RegexSequence : RegexNode
{
    public RegexSequence(RegexNode[] items) => Items = items;

    public RegexNode[] Items { get; }

    public override void Describe(StringBuilder text)
    {
        text.Append("seq(");
        foreach (var item in Items) item.Describe(text);
        text.Append(')');
    }
}

internal sealed class RegexAlternation : RegexNode
{
    public RegexAlternation(RegexNode[] options) => Options = options;

    public RegexNode[] Options { get; }

    public override void Describe(StringBuilder text)
    {
        text.Append("alt(");
        foreach (var option in Options) option.Describe(text);
        text.Append(')');
    }
}

internal sealed class RegexRepeat : RegexNode
{
    public RegexRepeat(RegexNode item, int min, int max) => (Item, Min, Max) = (item, min, max);

    public RegexNode Item { get; }

    public int Min { get; }

    public int Max { get; }

    public override void Describe(StringBuilder text)
    {
        text.Append("rep(").Append(Min).Append(',').Append(Max).Append(',');
        Item.Describe(text);
        text.Append(')');
    }
}

/// <summary>
/// Parses the subset of .NET regular expressions that can be generated without search: literals, escapes, <c>.</c>,
/// classes, groups, alternation and quantifiers. Anything needing look-around or memory (back-references, lookahead,
/// word boundaries) is rejected with a message saying which construct, because a generator cannot honour it.
/// </summary>
internal sealed class RegexPattern
{
    /// <summary>Extra repetitions allowed for <c>*</c>, <c>+</c> and <c>{n,}</c>.</summary>
    public const int UnboundedExtra = 8;

    private const char Printable0 = ' ', Printable1 = '~';
    private readonly string _text;
    private int _pos;

    private RegexPattern(string text) => _text = text;

    /// <summary>Parses <paramref name="pattern"/>; the error message is null on success.</summary>
    public static RegexNode? TryParse(string pattern, out string? error)
    {
        var parser = new RegexPattern(pattern);
        try
        {
            if (parser.Peek('^')) parser._pos++;
            var node = parser.ParseAlternation();
            if (parser._pos < pattern.Length) throw parser.Fail("unbalanced ')'");
            error = null;
            return node;
        }
        catch (RegexUnsupportedException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>The fewest and most characters a string generated from <paramref name="node"/> can have.</summary>
    public static void LengthRange(RegexNode node, out long min, out long max)
    {
        switch (node)
        {
            case RegexSequence sequence:
                min = max = 0;
                foreach (var item in sequence.Items)
                {
                    LengthRange(item, out var itemMin, out var itemMax);
                    min += itemMin;
                    max += itemMax;
                }
                return;
            case RegexAlternation alternation:
                min = long.MaxValue;
                max = 0;
                foreach (var option in alternation.Options)
                {
                    LengthRange(option, out var optionMin, out var optionMax);
                    if (optionMin < min) min = optionMin;
                    if (optionMax > max) max = optionMax;
                }
                return;
            case RegexRepeat repeat:
                LengthRange(repeat.Item, out var one, out var most);
                min = one * repeat.Min;
                max = most * repeat.Max;
                return;
            default:
                min = max = 1;
                return;
        }
    }

    private bool Peek(char c) => _pos < _text.Length && _text[_pos] == c;

    private RegexUnsupportedException Fail(string what) => new RegexUnsupportedException(what + " at position " + _pos);

    private RegexNode ParseAlternation()
    {
        var options = new List<RegexNode> { ParseSequence() };
        while (Peek('|'))
        {
            _pos++;
            options.Add(ParseSequence());
        }
        return options.Count == 1 ? options[0] : new RegexAlternation(options.ToArray());
    }

    private RegexNode ParseSequence()
    {
        var items = new List<RegexNode>();
        while (_pos < _text.Length && _text[_pos] != '|' && _text[_pos] != ')')
        {
            if (_text[_pos] == '$' && _pos == _text.Length - 1)
            {
                _pos++;
                break;
            }
            var atom = ParseAtom();
            items.Add(ParseQuantifier(atom));
        }
        return items.Count == 1 ? items[0] : new RegexSequence(items.ToArray());
    }

    private RegexNode ParseAtom()
    {
        var c = _text[_pos++];
        switch (c)
        {
            case '(':
                if (Peek('?'))
                {
                    if (_pos + 1 < _text.Length && _text[_pos + 1] == ':') _pos += 2;
                    else throw Fail("look-around, named groups and inline options are not supported");
                }
                var inner = ParseAlternation();
                if (!Peek(')')) throw Fail("missing ')'");
                _pos++;
                return inner;
            case '[':
                return ParseClass();
            case '.':
                return new RegexCharSet(new[] { Printable0, Printable1 });
            case '\\':
                return ParseEscape(inClass: false);
            case '^':
            case '$':
                throw Fail("anchors are only supported at the start and end of the pattern");
            case '*':
            case '+':
            case '?':
            case '{':
                throw Fail("quantifier '" + c + "' follows nothing");
            default:
                return Single(c);
        }
    }

    private static RegexCharSet Single(char c) => new RegexCharSet(new[] { c, c });

    private RegexCharSet ParseEscape(bool inClass)
    {
        if (_pos >= _text.Length) throw Fail("pattern ends with '\\'");
        var c = _text[_pos++];
        switch (c)
        {
            case 'd': return new RegexCharSet(new[] { '0', '9' });
            case 'w': return new RegexCharSet(new[] { '0', '9', 'A', 'Z', '_', '_', 'a', 'z' });
            case 's': return Single(' ');
            case 'D': return Complement(new[] { '0', '9' });
            case 'W': return Complement(new[] { '0', '9', 'A', 'Z', '_', '_', 'a', 'z' });
            case 'S': return Complement(new[] { ' ', ' ' });
            case 't': return Single('\t');
            case 'n': return Single('\n');
            case 'r': return Single('\r');
            default:
                if (char.IsLetterOrDigit(c))
                    throw Fail("escape '\\" + c + "' is not supported" + (inClass ? " in a class" : " (back-references, boundaries and unicode categories cannot be generated)"));
                return Single(c);
        }
    }

    private RegexCharSet ParseClass()
    {
        var negate = Peek('^');
        if (negate) _pos++;
        var ranges = new List<char>();
        var first = true;
        while (_pos < _text.Length && (first || _text[_pos] != ']'))
        {
            first = false;
            char low;
            if (_text[_pos] == '\\')
            {
                _pos++;
                var set = ParseEscape(inClass: true);
                if (set.Size != 1)
                {
                    ranges.AddRange(set.Ranges);
                    continue;
                }
                low = set.Ranges[0];
            }
            else if (_text[_pos] == '[') throw Fail("class subtraction and nested classes are not supported");
            else low = _text[_pos++];
            var high = low;
            if (_pos + 1 < _text.Length && _text[_pos] == '-' && _text[_pos + 1] != ']')
            {
                _pos++;
                high = _text[_pos] == '\\' ? EscapedSingle() : _text[_pos++];
                if (high < low) throw Fail("range '" + low + "-" + high + "' is reversed");
            }
            ranges.Add(low);
            ranges.Add(high);
        }
        if (!Peek(']')) throw Fail("missing ']'");
        _pos++;
        var result = ranges.ToArray();
        var chosen = negate ? Complement(result) : new RegexCharSet(result);
        if (chosen.Size == 0) throw Fail("the class matches no printable character");
        return chosen;
    }

    private char EscapedSingle()
    {
        _pos++;
        var set = ParseEscape(inClass: true);
        if (set.Size != 1) throw Fail("a class shorthand cannot end a range");
        return set.Ranges[0];
    }

    private static RegexCharSet Complement(char[] ranges)
    {
        var result = new List<char>();
        for (var c = Printable0; c <= Printable1; c++)
        {
            if (Contains(ranges, c)) continue;
            var start = c;
            while (c + 1 <= Printable1 && !Contains(ranges, (char)(c + 1))) c++;
            result.Add(start);
            result.Add(c);
        }
        return new RegexCharSet(result.ToArray());
    }

    private static bool Contains(char[] ranges, char c)
    {
        for (var i = 0; i < ranges.Length; i += 2)
            if (c >= ranges[i] && c <= ranges[i + 1]) return true;
        return false;
    }

    private RegexNode ParseQuantifier(RegexNode atom)
    {
        if (_pos >= _text.Length) return atom;
        int min, max;
        switch (_text[_pos])
        {
            case '?': min = 0; max = 1; _pos++; break;
            case '*': min = 0; max = UnboundedExtra; _pos++; break;
            case '+': min = 1; max = 1 + UnboundedExtra; _pos++; break;
            case '{':
                var close = _text.IndexOf('}', _pos);
                if (close < 0) throw Fail("missing '}'");
                var body = _text.Substring(_pos + 1, close - _pos - 1);
                var comma = body.IndexOf(',');
                if (!TryCount(comma < 0 ? body : body.Substring(0, comma), out min)) throw Fail("bad repetition '{" + body + "}'");
                if (comma < 0) max = min;
                else if (comma == body.Length - 1) max = min + UnboundedExtra;
                else if (!TryCount(body.Substring(comma + 1), out max) || max < min) throw Fail("bad repetition '{" + body + "}'");
                _pos = close + 1;
                break;
            default: return atom;
        }
        if (Peek('?')) _pos++; // lazy and greedy generate alike
        if (Peek('+') || Peek('*') || Peek('{')) throw Fail("nested quantifier");
        return new RegexRepeat(atom, min, max);
    }

    private static bool TryCount(string text, out int value) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value <= 10_000;
}

/// <summary>A construct the generator cannot honour.</summary>
internal sealed class RegexUnsupportedException : System.Exception
{
    public RegexUnsupportedException(string message) : base(message) { }
}
