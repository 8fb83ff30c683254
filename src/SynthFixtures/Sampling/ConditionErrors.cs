using System.Globalization;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling;

/// <summary>
/// The errors and parsing every model kind uses for conditions, so a condition the model cannot meet reads the same
/// whether the model is a copula or a neural network: unknown columns, generated columns, unparseable values,
/// infeasible conditions and conditions too rare for the candidate budget.
/// </summary>
internal static class ConditionErrors
{
    /// <summary>Why <paramref name="name"/> cannot be conditioned on: it is generated, or there is no such column.</summary>
    public static SynthDataException NotLearned(TableMetadata metadata, string name)
    {
        var meta = metadata.Find(name);
        if (meta is not null)
            return new SynthDataException($"Column '{name}' is generated ({(meta.Pii != PiiKind.None ? $"personal data: {meta.Pii}" : meta.Kind.ToString())}), not learned, so it cannot be conditioned on.",
                hint: "Condition on a learned column, or change the column's kind in the metadata.", columnName: name);
        return new SynthDataException($"There is no column '{name}' in the model.",
            hint: $"The columns are: {string.Join(", ", metadata.Columns.Select(c => c.Name))}.");
    }

    /// <summary>A condition no row of the model can meet.</summary>
    public static SynthDataException Infeasible(Condition condition, string column, string why) =>
        new($"Condition '{condition}' cannot be met: {why}.", hint: "Change or drop this condition.", columnName: column);

    /// <summary>A comparison on a categorical or boolean column.</summary>
    public static SynthDataException NotNumeric(Condition condition, ColumnMetadata column, IEnumerable<string?> labels) =>
        new($"Condition '{condition}' compares the {column.Kind.ToString().ToLowerInvariant()} column '{column.Name}' as a number.",
            hint: $"Use {column.Name}=label with one of: {KnownLabels(labels)}.");

    /// <summary>Parses a condition's value with the column's own parser, or says how to write it.</summary>
    public static double Parse(ColumnMetadata column, string text, Condition condition)
    {
        if (ColumnValues.TryParse(text, column, out var value)) return value;
        throw new SynthDataException($"Condition '{condition}': '{text.Trim()}' is not a valid value for the {column.Kind.ToString().ToLowerInvariant()} column '{column.Name}'.",
            hint: column.Kind == ColumnKind.DateTime ? $"Write dates as {column.DateTimeFormat ?? "ISO 8601"}." : "Write numbers in the invariant culture, e.g. 42 or 3.5.");
    }

    /// <summary>A range condition's bounds read with the column's own parser (lower first); an open side is ∓∞.</summary>
    public static (double Lower, double Upper) Bounds(ColumnMetadata column, RangeCondition range) =>
        (range.Lower is null ? double.NegativeInfinity : Parse(column, range.Lower, range),
            range.Upper is null ? double.PositiveInfinity : Parse(column, range.Upper, range));

    /// <summary>Up to 20 labels, trimmed, for messages.</summary>
    public static string KnownLabels(IEnumerable<string?> categories)
    {
        var all = categories.Where(c => c is not null).Select(c => c!.Trim()).ToList();
        var labels = all.Take(20).ToList();
        var more = all.Count - labels.Count;
        return string.Join(", ", labels) + (more > 0 ? string.Create(CultureInfo.InvariantCulture, $", … ({more} more)") : "");
    }

    /// <summary>The candidate budget ran out before enough rows met the conditions.</summary>
    /// <param name="accepted">Rows that met them.</param>
    /// <param name="drawn">Candidates drawn.</param>
    /// <param name="rows">Rows asked for.</param>
    /// <param name="budget">The candidate budget.</param>
    /// <param name="conditions">Each condition and, when the model knows it, its probability on its own.</param>
    public static SynthDataException TooRare(long accepted, long drawn, long rows, long budget, IEnumerable<(Condition Condition, double? Probability)> conditions)
    {
        var rate = drawn == 0 ? 0 : accepted / (double)drawn;
        var each = string.Join(", ", conditions.Select(p => p.Probability is { } probability
            ? string.Create(CultureInfo.InvariantCulture, $"'{p.Condition}' (model probability {probability:P4})")
            : $"'{p.Condition}'"));
        var needed = rate > 0 ? string.Create(CultureInfo.InvariantCulture, $"about {rows / rate:N0}") : "more than any budget";
        return new SynthDataException(
            string.Create(CultureInfo.InvariantCulture, $"The conditions are too rare: only {accepted:N0} of {drawn:N0} candidate rows ({rate:P4}) met {each}; {rows:N0} rows would need {needed} candidates, over the budget of {budget:N0}."),
            hint: "Loosen a condition, ask for fewer rows, or raise the candidate budget (SamplingOptions.CandidatesPerRow).");
    }

    /// <summary>The candidate budget for <paramref name="rows"/> rows under <paramref name="options"/>.</summary>
    public static long Budget(SamplingOptions options, long rows) => Math.Max(options.MinimumCandidates, (long)options.CandidatesPerRow * rows);
}
