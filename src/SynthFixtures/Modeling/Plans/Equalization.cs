using System.Globalization;
using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling.Plans;

/// <summary>
/// A sample in which each label of a categorical column gets a set share of the rows: equal shares (<c>race</c>) or
/// given ones (<c>race=White:0.5,Black:0.3,Other:0.2</c>, shares summing to 1; labels left out get no rows). It becomes a
/// <see cref="GenerationPlan"/> with one request per label whose condition is <c>column = label</c>, so each label's rows
/// come from the model's conditional distribution given the label (in closed form where the model can condition), not
/// by discarding rows of other labels, and the counts are met exactly.
/// </summary>
/// <param name="Column">The categorical or boolean column.</param>
/// <param name="Shares">Each label's share, in the order written; <c>null</c>: every label of the model, equal shares.</param>
public sealed record Equalization(string Column, IReadOnlyList<LabelShare>? Shares = null)
{
    private const string FormHint = "Write column (equal shares of every label) or column=label:share,label:share with shares summing to 1, e.g. race=White:0.5,Black:0.5.";

    /// <summary>Reads <c>column</c> or <c>column=label:share,…</c>.</summary>
    /// <exception cref="SynthDataException">No column, a share that is not a number in (0, 1], a label given twice, or shares not summing to 1.</exception>
    public static Equalization Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var column = (equals < 0 ? text : text[..equals]).Trim();
        if (column.Length == 0) throw new SynthDataException($"Equalization '{text}' names no column.", hint: FormHint);
        if (equals < 0) return new Equalization(column);
        var shares = new List<LabelShare>();
        foreach (var item in text[(equals + 1)..].Split(','))
        {
            var colon = item.LastIndexOf(':');
            var label = colon < 0 ? "" : item[..colon].Trim();
            if (colon < 0 || label.Length == 0)
                throw new SynthDataException($"Equalization '{text}': '{item.Trim()}' is not label:share.", hint: FormHint);
            var shareText = item[(colon + 1)..].Trim();
            if (!double.TryParse(shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || !(share > 0 && share <= 1))
                throw new SynthDataException($"Equalization '{text}': the share of '{label}', '{shareText}', is not a number above 0 and at most 1.", hint: FormHint);
            if (shares.Any(s => s.Label == label))
                throw new SynthDataException($"Equalization '{text}' gives the label '{label}' twice.", hint: FormHint);
            shares.Add(new LabelShare(label, share));
        }
        var sum = shares.Sum(s => s.Share);
        if (Math.Abs(sum - 1) > 1e-9)
            throw new SynthDataException(string.Create(CultureInfo.InvariantCulture, $"Equalization '{text}': the shares add up to {sum:0.######}, not 1."),
                hint: "Make the shares sum to 1; labels left out get no rows.");
        return new Equalization(column, shares);
    }

    /// <summary>
    /// The plan of <paramref name="rows"/> rows: one request per label, in the model's label order (equal shares) or the
    /// order written (given shares). Rows that do not divide evenly go one each to the first labels (equal shares) or to
    /// the labels with the largest fractional parts, earlier labels first on ties (given shares), so counts add up exactly.
    /// </summary>
    /// <param name="model">The model whose labels are equalized.</param>
    /// <param name="rows">Rows of the whole sample.</param>
    /// <param name="where">A SQL-style condition every row also meets; <c>null</c>: none.</param>
    /// <exception cref="SynthDataException">The column is not a learned categorical column of the model, or a label is not one of its labels.</exception>
    public GenerationPlan ToPlan(SynthModel model, int rows, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var labels = ModelLabels(model);
        IReadOnlyList<LabelShare> shares;
        if (Shares is null) shares = labels.Select(l => new LabelShare(l, 1.0 / labels.Count)).ToList();
        else
        {
            foreach (var share in Shares)
                if (!labels.Contains(share.Label, StringComparer.Ordinal))
                    throw new SynthDataException($"Column '{Column}' has no label '{share.Label}'.",
                        hint: $"Its labels are: {ConditionErrors.KnownLabels(labels)}.", columnName: Column);
            shares = Shares;
        }
        var counts = Shares is null ? EqualCounts(rows, labels.Count) : LargestRemainder(rows, shares.Select(s => s.Share).ToList());
        var requests = shares.Select((share, i) => new PlanRequest(counts[i])
        {
            Name = $"{Column} = {share.Label}",
            Where = where,
            Conditions = [new EqualsCondition(Column, share.Label)],
        }).ToList();
        return new GenerationPlan(requests);
    }

    /// <summary><paramref name="rows"/> split into <paramref name="parts"/> counts differing by at most one, the larger first.</summary>
    internal static int[] EqualCounts(int rows, int parts) =>
        Enumerable.Range(0, parts).Select(i => rows / parts + (i < rows % parts ? 1 : 0)).ToArray();

    /// <summary>
    /// <paramref name="rows"/> split by <paramref name="shares"/> (summing to 1): each gets the whole part of its quota and
    /// the rows left over go one each to the largest fractional parts, the earlier share first on ties.
    /// </summary>
    internal static int[] LargestRemainder(int rows, IReadOnlyList<double> shares)
    {
        var quotas = shares.Select(s => s * rows).ToArray();
        var counts = quotas.Select(q => (int)Math.Floor(q)).ToArray();
        var left = rows - counts.Sum();
        foreach (var i in Enumerable.Range(0, shares.Count).OrderByDescending(i => quotas[i] - counts[i]).ThenBy(i => i).Take(Math.Max(0, left)))
            counts[i]++;
        return counts;
    }

    private List<string> ModelLabels(SynthModel model)
    {
        var column = model.Metadata.Find(Column)
            ?? throw new SynthDataException($"There is no column '{Column}' in the model.",
                hint: $"The columns are: {string.Join(", ", model.Metadata.Columns.Select(c => c.Name))}.");
        if (!column.IsModelled || !column.IsCategorical || model.TextModels.Any(t => t.Column == column.Name))
            throw new SynthDataException($"Column '{Column}' is {Describe(column)}, so its labels cannot be equalized.",
                hint: "Equalize a learned categorical or boolean column.", columnName: Column);
        var labels = model.DescribeSchema().Columns.First(c => c.Name == column.Name).Labels ?? [];
        if (labels.Count == 0)
            throw new SynthDataException($"Column '{Column}' has no labels in the model.", columnName: Column);
        return labels.ToList();
    }

    private static string Describe(ColumnMetadata column) =>
        !column.IsModelled ? "generated, not learned" : $"a {column.Kind.ToString().ToLowerInvariant()} column";

    /// <summary>Value equality over the share list (records compare lists by reference otherwise).</summary>
    public bool Equals(Equalization? other) =>
        other is not null && Column == other.Column && (Shares ?? []).SequenceEqual(other.Shares ?? []) && (Shares is null) == (other.Shares is null);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Column, Shares?.Count);
}

/// <summary>A label and its share of an <see cref="Equalization"/>'s rows.</summary>
/// <param name="Label">The label, as the model's labels are written (trimmed).</param>
/// <param name="Share">Its share, above 0 and at most 1.</param>
public sealed record LabelShare(string Label, double Share);
