using System.Globalization;
using System.Text;

namespace SynthFixtures.Sampling.Expressions;

/// <summary>
/// Bad input in a row expression: a syntax error, or a name or value the model cannot read. The message points at the
/// character: the reason with its 1-based position, the expression with a caret under the place, and a hint.
/// </summary>
public sealed class RowExpressionException : SynthDataException
{
    /// <summary>Creates an error pointing at <paramref name="span"/> of <paramref name="text"/>.</summary>
    /// <param name="reason">What is wrong, in one sentence.</param>
    /// <param name="text">The whole expression as written.</param>
    /// <param name="span">Where in <paramref name="text"/> the problem is.</param>
    /// <param name="hint">What the user can do about it.</param>
    /// <param name="columnName">The model column involved, when there is one.</param>
    public RowExpressionException(string reason, string text, TextSpan span, string? hint = null, string? columnName = null)
        : base(reason, column: span.Start + 1, hint: hint, columnName: columnName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ExpressionText = text;
        Span = span;
    }

    /// <summary>The whole expression as written.</summary>
    public string ExpressionText { get; }

    /// <summary>Where in <see cref="ExpressionText"/> the problem is.</summary>
    public TextSpan Span { get; }

    /// <summary>The reason with its position, the expression with a caret under the place, and the hint, one per line.</summary>
    public override string Message
    {
        get
        {
            var builder = new StringBuilder();
            builder.Append(CultureInfo.InvariantCulture, $"Expression error at character {Span.Start + 1}: {Reason}");
            // Tabs and line breaks in the expression would misplace the caret: each shows as one space.
            var shown = new string(ExpressionText.Select(c => char.IsWhiteSpace(c) ? ' ' : c).ToArray());
            builder.AppendLine().Append("  ").Append(shown);
            var carets = Math.Max(1, Math.Min(Span.Length, shown.Length - Span.Start));
            builder.AppendLine().Append(' ', 2 + Span.Start).Append('^', carets);
            if (Hint is not null) builder.AppendLine().Append("Hint: ").Append(Hint);
            return builder.ToString();
        }
    }
}
