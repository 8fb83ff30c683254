using System.Globalization;

namespace SynthFixtures.Metadata.Rules;

/// <summary>
/// Reads the text forms of the rules: an inequality (<c>discharged &gt; admitted</c>, also <c>&gt;=</c>, <c>&lt;</c>,
/// <c>&lt;=</c>) and a derived column (<c>total = a + b + c</c>, <c>total = price * quantity</c>, constants allowed).
/// Column names are matched against the table's, longest first, so a name with a hyphen or a space needs no quoting;
/// a name may also be written in backticks. A problem is a <see cref="RuleTextException"/> at its character.
/// </summary>
internal static class RuleText
{
    /// <summary>A column name as a rule writes it: backticks around a name holding an operator, a space or a digit first.</summary>
    public static string Quote(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.IndexOfAny([' ', '+', '-', '*', '=', '<', '>', '`', '(', ')']) < 0 ? name : "`" + name + "`";

    /// <summary>The inequality in <paramref name="text"/> over <paramref name="columns"/>.</summary>
    public static InequalityRule ParseInequality(string text, IReadOnlyCollection<string> columns)
    {
        var tokens = new Tokens(text, columns);
        var left = tokens.Column("the greater column");
        var op = tokens.Operator(["<=", ">=", "<", ">"], "a comparison (>, >=, <, <=)");
        var right = tokens.Column("the column it is compared with");
        tokens.End();
        if (left == right) throw new RuleTextException($"The inequality compares '{left}' with itself.", 0);
        return op switch
        {
            ">" => new InequalityRule(left, right, true),
            ">=" => new InequalityRule(left, right, false),
            "<" => new InequalityRule(right, left, true),
            _ => new InequalityRule(right, left, false),
        };
    }

    /// <summary>The derived column in <paramref name="text"/> over <paramref name="columns"/>.</summary>
    public static DerivedColumnRule ParseDerived(string text, IReadOnlyCollection<string> columns)
    {
        var tokens = new Tokens(text, columns);
        var target = tokens.Column("the derived column");
        tokens.Operator(["="], "'=' after the derived column");
        var terms = new List<DerivedTerm>();
        var sign = 1.0;
        if (tokens.TryOperator("-")) sign = -1;
        while (true)
        {
            var coefficient = sign;
            var factors = new List<string>();
            do
            {
                if (tokens.TryNumber(out var number)) coefficient *= number;
                else factors.Add(tokens.Column("a column or a number"));
            }
            while (tokens.TryOperator("*"));
            terms.Add(new DerivedTerm(coefficient, factors));
            if (tokens.TryOperator("+")) sign = 1;
            else if (tokens.TryOperator("-")) sign = -1;
            else break;
        }
        tokens.End();
        var rule = new DerivedColumnRule(target, terms);
        if (rule.Operands.Contains(target, StringComparer.Ordinal))
            throw new RuleTextException($"The derived column '{target}' appears in its own expression.", 0);
        if (rule.Operands.Count == 0)
            throw new RuleTextException($"The expression of '{target}' names no column: a constant column needs no rule.", text.IndexOf('=', StringComparison.Ordinal) + 1);
        return rule;
    }

    /// <summary>A left-to-right reader over the rule's characters.</summary>
    private sealed class Tokens(string text, IReadOnlyCollection<string> columns)
    {
        private readonly string[] _byLength = columns.OrderByDescending(c => c.Length).ToArray();
        private int _at;

        public string Column(string what)
        {
            Skip();
            if (_at < text.Length && text[_at] == '`')
            {
                var close = text.IndexOf('`', _at + 1);
                if (close < 0) throw new RuleTextException("The backtick opened here is never closed.", _at);
                var quoted = text[(_at + 1)..close];
                if (!columns.Contains(quoted)) throw new RuleTextException($"'{quoted}' is not a column.", _at + 1);
                _at = close + 1;
                return quoted;
            }
            foreach (var name in _byLength)
            {
                if (name.Length == 0 || string.CompareOrdinal(text, _at, name, 0, name.Length) != 0) continue;
                var end = _at + name.Length;
                // A name is a whole word: "price" must not match the start of "prices".
                if (end < text.Length && IsWordChar(text[end]) && IsWordChar(name[^1])) continue;
                _at = end;
                return name;
            }
            var word = _at;
            while (word < text.Length && IsWordChar(text[word])) word++;
            throw new RuleTextException(word > _at ? $"'{text[_at..word]}' is not a column." : $"Expected {what} here.", _at);
        }

        public string Operator(string[] choices, string what)
        {
            Skip();
            foreach (var op in choices)
                if (string.CompareOrdinal(text, _at, op, 0, op.Length) == 0)
                {
                    _at += op.Length;
                    return op;
                }
            throw new RuleTextException($"Expected {what} here.", _at);
        }

        public bool TryOperator(string op)
        {
            Skip();
            if (string.CompareOrdinal(text, _at, op, 0, op.Length) != 0) return false;
            _at += op.Length;
            return true;
        }

        public bool TryNumber(out double number)
        {
            Skip();
            var end = _at;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.')) end++;
            number = 0;
            if (end == _at || !char.IsAsciiDigit(text[_at]) && !(end > _at + 1)) return false;
            // A column whose name starts with a digit wins over the number.
            if (_byLength.Any(n => n.Length > end - _at && string.CompareOrdinal(text, _at, n, 0, n.Length) == 0)) return false;
            if (!double.TryParse(text.AsSpan(_at, end - _at), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
                throw new RuleTextException($"'{text[_at..end]}' is not a number.", _at);
            _at = end;
            return true;
        }

        public void End()
        {
            Skip();
            if (_at < text.Length) throw new RuleTextException($"Unexpected '{text[_at..]}' at the end.", _at);
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}

/// <summary>A rule's text does not parse; <see cref="Index"/> is the 0-based character of the problem.</summary>
internal sealed class RuleTextException(string message, int index) : Exception(message)
{
    public int Index { get; } = index;
}
