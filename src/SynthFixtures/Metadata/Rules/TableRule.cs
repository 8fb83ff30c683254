using System.Globalization;
using System.Text.Json.Serialization;

namespace SynthFixtures.Metadata.Rules;

/// <summary>
/// A rule every row of the data holds and every sampled row must hold, declared in the metadata (its <c>"rules"</c>
/// array) and kept by construction: the columns a rule ties together are transformed before the model is fitted and
/// rebuilt after sampling, so no model kind can break it (docs/steering.md, "Rules the models keep").
/// </summary>
[JsonConverter(typeof(TableRuleJsonConverter))]
public abstract record TableRule
{
    private protected TableRule() { }

    /// <summary>The rule as written in the metadata, e.g. <c>discharged &gt; admitted</c>.</summary>
    public abstract string Text { get; }

    /// <summary>The columns the rule names, in the order written.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The columns the rule writes after sampling (the others it reads as the model drew them).</summary>
    public abstract IReadOnlyList<string> WrittenColumns { get; }

    /// <inheritdoc />
    public sealed override string ToString() => Text;
}

/// <summary>
/// The columns' values occur only in combinations seen in the data (education ↔ education-num, city–state–country):
/// the model learns the combination as one column, split back after sampling.
/// </summary>
public sealed record FixedCombinationRule : TableRule
{
    /// <summary>A rule over <paramref name="columns"/> (two or more).</summary>
    public FixedCombinationRule(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count < 2) throw new ArgumentException("A fixed combination needs two or more columns.", nameof(columns));
        Members = columns.ToArray();
    }

    private IReadOnlyList<string> Members { get; }

    /// <inheritdoc />
    public override string Text => "fixed combination of " + string.Join(", ", Members);

    /// <inheritdoc />
    public override IReadOnlyList<string> Columns => Members;

    /// <inheritdoc />
    public override IReadOnlyList<string> WrittenColumns => Members;

    /// <summary>Value equality over the column list.</summary>
    public bool Equals(FixedCombinationRule? other) => other is not null && Members.SequenceEqual(other.Members);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Members.Count, Members[0]);
}

/// <summary>
/// <see cref="Greater"/> is above <see cref="Lesser"/> (or equal, when not <see cref="Strict"/>) on every row where both are
/// present: numbers or datetimes. The model learns the logarithm of the difference in place of the greater column.
/// </summary>
/// <param name="Greater">The column that must be the larger (e.g. <c>discharged</c>).</param>
/// <param name="Lesser">The column it is compared with (e.g. <c>admitted</c>).</param>
/// <param name="Strict"><c>&gt;</c> rather than <c>&gt;=</c>.</param>
public sealed record InequalityRule(string Greater, string Lesser, bool Strict) : TableRule
{
    /// <inheritdoc />
    public override string Text => $"{Greater} {(Strict ? ">" : ">=")} {Lesser}";

    /// <inheritdoc />
    public override IReadOnlyList<string> Columns => [Greater, Lesser];

    /// <inheritdoc />
    public override IReadOnlyList<string> WrittenColumns => [Greater];

    /// <summary>Whether <paramref name="greater"/> and <paramref name="lesser"/> (present values) keep the rule.</summary>
    public bool Holds(double greater, double lesser) => Strict ? greater > lesser : greater >= lesser;
}

/// <summary>
/// <see cref="Target"/> equals a sum of products of other columns and constants (<c>total = a + b + c</c>,
/// <c>total = price * quantity</c>): the model never sees it, it is computed after sampling and rounded as the target
/// column writes its values. A row with a missing operand has a missing target.
/// </summary>
public sealed record DerivedColumnRule : TableRule
{
    /// <summary>A rule computing <paramref name="target"/> from <paramref name="terms"/>.</summary>
    public DerivedColumnRule(string target, IReadOnlyList<DerivedTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0) throw new ArgumentException("A derived column needs at least one term.", nameof(terms));
        Target = target;
        Terms = terms.ToArray();
    }

    /// <summary>The computed column.</summary>
    public string Target { get; }

    /// <summary>The terms summed.</summary>
    public IReadOnlyList<DerivedTerm> Terms { get; }

    /// <summary>The columns the expression reads, each once, in order of appearance.</summary>
    public IReadOnlyList<string> Operands => Terms.SelectMany(t => t.Factors).Distinct(StringComparer.Ordinal).ToArray();

    /// <inheritdoc />
    public override string Text => Target + " = " + string.Concat(Terms.Select((t, i) => t.Write(i == 0)));

    /// <inheritdoc />
    public override IReadOnlyList<string> Columns => [Target, .. Operands];

    /// <inheritdoc />
    public override IReadOnlyList<string> WrittenColumns => [Target];

    /// <summary>The target's value given each operand's value (<paramref name="valueOf"/>); NaN when one is missing.</summary>
    public double Evaluate(Func<string, double> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        var sum = 0.0;
        foreach (var term in Terms)
        {
            var product = term.Coefficient;
            foreach (var factor in term.Factors) product *= valueOf(factor);
            sum += product;
        }
        return sum;
    }

    /// <summary>Value equality over the terms.</summary>
    public bool Equals(DerivedColumnRule? other) => other is not null && Target == other.Target && Terms.SequenceEqual(other.Terms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Target, Terms.Count);
}

/// <summary>One term of a <see cref="DerivedColumnRule"/>: a constant times a product of columns.</summary>
/// <param name="Coefficient">The constant (−1 for a subtracted column).</param>
/// <param name="Factors">The columns multiplied (none: the term is the constant).</param>
public sealed record DerivedTerm(double Coefficient, IReadOnlyList<string> Factors)
{
    /// <summary>Value equality over the factors.</summary>
    public bool Equals(DerivedTerm? other) => other is not null && Coefficient.Equals(other.Coefficient) && Factors.SequenceEqual(other.Factors);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Coefficient, Factors.Count);

    internal string Write(bool first)
    {
        var magnitude = Math.Abs(Coefficient);
        var sign = Coefficient < 0 ? (first ? "-" : " - ") : first ? "" : " + ";
        var parts = new List<string>();
        if (Factors.Count == 0 || magnitude != 1) parts.Add(magnitude.ToString("R", CultureInfo.InvariantCulture));
        parts.AddRange(Factors.Select(RuleText.Quote));
        return sign + string.Join(" * ", parts);
    }
}

/// <summary>How an identifier's last digit checks the digits before it.</summary>
public enum CheckDigit
{
    /// <summary>No check digit.</summary>
    None,
    /// <summary>The Luhn (mod 10) digit of card and account numbers.</summary>
    Luhn,
    /// <summary>The ISBN-10 style mod-11 digit: weights 2, 3, … from the right; 10 is written X.</summary>
    Mod11,
}

/// <summary>
/// An identifier column's values follow one format: a fixed prefix, a zero-padded number and possibly a check digit.
/// Parts left out are learned from the data (all values must share them); a differentially private model reads none
/// from the data, so there every part must be declared.
/// </summary>
/// <param name="Column">The identifier column.</param>
/// <param name="Prefix">Text before the number; <c>null</c>: learned.</param>
/// <param name="Digits">Digits of the number, check digit included; <c>null</c>: learned.</param>
/// <param name="Check">The check digit; <c>null</c>: learned (Luhn or mod 11 when every value has one).</param>
public sealed record IdentifierFormatRule(string Column, string? Prefix = null, int? Digits = null, CheckDigit? Check = null) : TableRule
{
    /// <inheritdoc />
    public override string Text => $"identifier {Column}"
        + (Prefix is null ? "" : $" prefix '{Prefix}'") + (Digits is null ? "" : $" digits {Digits}") + (Check is null ? "" : $" check digit {MetadataJson.JsonName(Check.Value)}");

    /// <inheritdoc />
    public override IReadOnlyList<string> Columns => [Column];

    /// <inheritdoc />
    public override IReadOnlyList<string> WrittenColumns => [Column];
}
