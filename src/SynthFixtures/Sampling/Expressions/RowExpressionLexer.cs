using System.Text;

namespace SynthFixtures.Sampling.Expressions;

/// <summary>Splits a row expression into tokens; an unclosed quote or a stray character is an error at its place.</summary>
internal static class RowExpressionLexer
{
    /// <summary>The tokens of <paramref name="text"/>, ending with one <see cref="TokenKind.End"/> token.</summary>
    /// <exception cref="RowExpressionException">An unclosed quote, a malformed number or a character the language has no use for.</exception>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", new TextSpan(text.Length, 0)));
                return tokens;
            }
            var c = text[i];
            var start = i;
            if (c == '\'' || c == '"')
            {
                var (value, end) = Quoted(text, i);
                tokens.Add(new Token(c == '\'' ? TokenKind.String : TokenKind.QuotedName, value, new TextSpan(start, end - start)));
                i = end;
            }
            else if (char.IsAsciiDigit(c) || ((c == '-' || c == '+' || c == '.') && StartsNumber(text, i)))
            {
                i = NumberEnd(text, i);
                tokens.Add(new Token(TokenKind.Number, text[start..i], new TextSpan(start, i - start)));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Word, text[start..i], new TextSpan(start, i - start)));
            }
            else if (Operator(text, i) is { } op)
            {
                tokens.Add(new Token(TokenKind.Operator, op, new TextSpan(start, op.Length)));
                i += op.Length;
            }
            else
            {
                var kind = c switch { '(' => TokenKind.Open, ')' => TokenKind.Close, ',' => TokenKind.Comma, _ => TokenKind.End };
                if (kind == TokenKind.End)
                    throw new RowExpressionException($"unexpected character '{c}'.", text, new TextSpan(start, 1),
                        "Quote labels in single quotes ('>50K') and column names with spaces or symbols in double quotes (\"hours-per-week\").");
                tokens.Add(new Token(kind, c.ToString(), new TextSpan(start, 1)));
                i++;
            }
        }
    }

    private static (string Value, int End) Quoted(string text, int open)
    {
        var quote = text[open];
        var value = new StringBuilder();
        var i = open + 1;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }
                if (quote == '"' && value.Length == 0)
                    throw new RowExpressionException("a quoted column name is empty.", text, new TextSpan(open, i + 1 - open),
                        "Write the column's name between the double quotes.");
                return (value.ToString(), i + 1);
            }
            value.Append(text[i]);
            i++;
        }
        throw new RowExpressionException(quote == '\'' ? "this string is never closed." : "this quoted column name is never closed.",
            text, new TextSpan(open, 1), $"End it with {quote}; write a {quote} inside it twice ({quote}{quote}).");
    }

    private static bool StartsNumber(string text, int i)
    {
        if (text[i] is '-' or '+') i++;
        if (i < text.Length && text[i] == '.') i++;
        return i < text.Length && char.IsAsciiDigit(text[i]);
    }

    private static int NumberEnd(string text, int start)
    {
        var i = start;
        if (text[i] is '-' or '+') i++;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < text.Length && text[exponent] is '-' or '+') exponent++;
            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                i = exponent;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
        }
        if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_' || text[i] == '.'))
        {
            var end = i;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '.')) end++;
            throw new RowExpressionException($"'{text[start..end]}' is not a number.", text, new TextSpan(start, end - start),
                "Write numbers like 42, -1.5 or 2.5e3; a column name starts with a letter, or goes in double quotes.");
        }
        return i;
    }

    private static string? Operator(string text, int i)
    {
        foreach (var op in (ReadOnlySpan<string>)["<>", "!=", "<=", ">=", "=", "<", ">"])
            if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0) return op;
        return null;
    }
}
