using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Numerics;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;

namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>
/// Privacy protection without differential privacy: filters that drop synthetic rows by their distance to the nearest
/// row of the reference (training) table, the evaluation's DCR distance (<see cref="ReferenceEncoding"/>). Thresholds
/// are learned from real rows the model never saw (a holdout, or a seeded share of the reference measured against the
/// rest): the similarity filter drops a row at or below the <see cref="PrivacyFilterOptions.SimilarityQuantile"/> of
/// their distances (and always an exact copy), the outlier filter a row above the
/// <see cref="PrivacyFilterOptions.OutlierQuantile"/>. The model never holds the reference rows; the filter is fitted
/// from them when sampling.
/// </summary>
public sealed class PrivacyFilter
{
    private readonly ReferenceEncoding _encoding;
    private readonly DistanceRows _reference;

    private PrivacyFilter(ReferenceEncoding encoding, DistanceRows reference, PrivacyFilterSummary thresholds)
    {
        _encoding = encoding;
        _reference = reference;
        Thresholds = thresholds;
    }

    /// <summary>The thresholds and where they were learned (its counts are zero: counts belong to a sample).</summary>
    public PrivacyFilterSummary Thresholds { get; }

    /// <summary>The filters in use.</summary>
    public PrivacyFilterKinds Kinds =>
        (Thresholds.Similarity ? PrivacyFilterKinds.Similarity : 0) | (Thresholds.Outliers ? PrivacyFilterKinds.Outliers : 0);

    /// <summary>Learns the thresholds for samples of a model with <paramref name="metadata"/>.</summary>
    /// <param name="reference">The model's training rows; every modelled column must be present (other columns are ignored).</param>
    /// <param name="holdout">Real rows the model never saw, with the same columns; <c>null</c>: a seeded share of <paramref name="reference"/>.</param>
    /// <param name="metadata">The model's metadata; its modelled columns make up the distance.</param>
    /// <param name="options">Filters, quantiles, seed.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the search (<c>null</c>: all cores); the thresholds do not depend on it.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <exception cref="SynthDataException">No filter or a bad quantile, a table that lacks a modelled column or has no
    /// rows, or a holdout that is mostly copies of reference rows.</exception>
    public static PrivacyFilter Fit(Table reference, Table? holdout, TableMetadata metadata, PrivacyFilterOptions? options = null,
        int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= new PrivacyFilterOptions();
        CheckOptions(options);
        var modelled = metadata.Columns.Where(c => c.IsModelled).ToArray();
        if (modelled.Length == 0)
            throw new SynthDataException("The model has no modelled column, so the privacy filters have nothing to measure.",
                hint: "Identifier, text and personal-data columns are generated, never learned; sample without a privacy filter.");
        var checkedReference = Checked(reference, "reference", modelled);
        var checkedHoldout = holdout is null ? null : Checked(holdout, "holdout", modelled);
        var random = new SynthRandom(options.Seed).Derive("privacy filter");
        var encoding = ReferenceEncoding.Create(checkedReference, modelled, random.Derive("column order"));
        var encodedReference = encoding.Encode(checkedReference);

        // The holdout rows' distances to the reference: how close genuinely new real rows come to the training rows.
        DistanceRows queries, against;
        string source;
        if (checkedHoldout is not null)
        {
            queries = encoding.Encode(checkedHoldout);
            against = encodedReference;
            source = "given";
        }
        else
        {
            var (rest, heldOut) = HoldoutSplit.Split(checkedReference, options.HoldoutFraction, options.Seed);
            queries = encoding.Encode(heldOut);
            against = encoding.Encode(rest);
            source = "split";
        }
        queries = Subsample(queries, options.MaxHoldoutRows, random.Derive("holdout sample"));
        var distances = NearestNeighbourSearch.Distances(queries, against, maxDegreeOfParallelism ?? -1, cancellationToken);
        Array.Sort(distances);
        CheckHoldoutIsNew(distances, source, holdout ?? reference);
        var thresholds = new PrivacyFilterSummary
        {
            Similarity = options.Kinds.HasFlag(PrivacyFilterKinds.Similarity),
            Outliers = options.Kinds.HasFlag(PrivacyFilterKinds.Outliers),
            SimilarityQuantile = options.SimilarityQuantile,
            OutlierQuantile = options.OutlierQuantile,
            SimilarityThreshold = Quantile(distances, options.SimilarityQuantile),
            OutlierThreshold = Quantile(distances, options.OutlierQuantile),
            ReferenceRows = encodedReference.Rows,
            HoldoutRows = queries.Rows,
            HoldoutSource = source,
            Columns = modelled.Select(c => c.Name).ToArray(),
        };
        return new PrivacyFilter(encoding, encodedReference, thresholds);
    }

    /// <summary>Each row's distance (the DCR) to its nearest reference row.</summary>
    /// <param name="rows">Rows with every modelled column.</param>
    /// <param name="maxDegreeOfParallelism">Threads (-1: all cores); the distances do not depend on it.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    public double[] Distances(Table rows, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default) =>
        NearestNeighbourSearch.Distances(_encoding.Encode(rows), _reference, maxDegreeOfParallelism, cancellationToken);

    /// <summary>
    /// The verdict on each row, equal to <see cref="Judge"/> of its exact distance but found without that distance:
    /// "is some reference row at or below the similarity threshold?" and "is some reference row within the outlier
    /// threshold?" are each a search that rules a reference row out as soon as its partial sum passes the threshold,
    /// and the second stops at the first row found. Most rows are settled after a column or two per reference row.
    /// </summary>
    internal RowVerdict[] JudgeRows(Table rows, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var encoded = _encoding.Encode(rows);
        var verdicts = new RowVerdict[encoded.Rows];
        if (Thresholds.Similarity)
        {
            var close = NearestNeighbourSearch.AnyBelow(encoded, _reference, SumCap(Thresholds.SimilarityThreshold), maxDegreeOfParallelism, cancellationToken);
            for (var r = 0; r < verdicts.Length; r++) if (close[r]) verdicts[r] = RowVerdict.TooSimilar;
        }
        if (Thresholds.Outliers)
        {
            var near = NearestNeighbourSearch.AnyBelow(encoded, _reference, SumCap(Thresholds.OutlierThreshold), maxDegreeOfParallelism, cancellationToken);
            for (var r = 0; r < verdicts.Length; r++) if (!near[r] && verdicts[r] == RowVerdict.Kept) verdicts[r] = RowVerdict.Outlier;
        }
        return verdicts;
    }

    /// <summary>
    /// The smallest column sum whose distance exceeds <paramref name="threshold"/>. The search reports (float sum) /
    /// columns in single precision, which rounds monotonically, so a row's distance is at most the threshold exactly
    /// when its sum is below this cap.
    /// </summary>
    private float SumCap(double threshold)
    {
        var columns = _reference.Columns;
        var cap = (float)(threshold * columns);
        while (cap / columns > threshold) cap = MathF.BitDecrement(cap);
        while (cap / columns <= threshold) cap = MathF.BitIncrement(cap);
        return cap;
    }

    /// <summary>Why a row at <paramref name="distance"/> from its nearest reference row is dropped, or <see cref="RowVerdict.Kept"/>.</summary>
    public RowVerdict Judge(double distance)
    {
        // An exact copy is dropped whatever the threshold (a holdout with repeated rows can make the quantile 0).
        if (Thresholds.Similarity && (distance <= Thresholds.SimilarityThreshold || distance == 0)) return RowVerdict.TooSimilar;
        if (Thresholds.Outliers && distance > Thresholds.OutlierThreshold) return RowVerdict.Outlier;
        return RowVerdict.Kept;
    }

    /// <summary>The nearest-rank quantile: the ⌈q·m⌉-th smallest of <paramref name="sorted"/> (the smallest for q = 0).</summary>
    internal static double Quantile(double[] sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void CheckOptions(PrivacyFilterOptions options)
    {
        if ((options.Kinds & PrivacyFilterKinds.Both) == PrivacyFilterKinds.None)
            throw new SynthDataException("No privacy filter was chosen.", hint: "Choose the similarity filter, the outlier filter or both.");
        CheckShare(options.SimilarityQuantile, "similarity quantile", inclusive: true);
        CheckShare(options.OutlierQuantile, "outlier quantile", inclusive: true);
        CheckShare(options.HoldoutFraction, "holdout fraction of the privacy filter", inclusive: false);
        if (options.MaxHoldoutRows < 1 || options.CandidatesPerRow < 1 || options.MinimumCandidates < 1)
            throw new SynthDataException("The privacy filter's holdout size and candidate budget must be at least 1.");
        if (options.Kinds == PrivacyFilterKinds.Both && options.SimilarityQuantile >= options.OutlierQuantile)
            throw new SynthDataException(
                string.Create(CultureInfo.InvariantCulture, $"The similarity quantile {options.SimilarityQuantile} is not below the outlier quantile {options.OutlierQuantile}, so the two filters would drop every row."),
                hint: "Keep the similarity quantile low (e.g. 0.05) and the outlier quantile high (e.g. 0.99).");
    }

    private static void CheckShare(double value, string what, bool inclusive)
    {
        var fits = inclusive ? value is >= 0 and <= 1 : value is > 0 and < 1;
        if (!fits)
            throw new SynthDataException(string.Create(CultureInfo.InvariantCulture,
                $"The {what} {value} is not between 0 and 1{(inclusive ? "" : " (exclusive)")}."), hint: "Give a share such as 0.05.");
    }

    /// <summary>The table's modelled columns, each cell checked (cells that do not parse read as missing, as training does).</summary>
    private static Table Checked(Table table, string role, ColumnMetadata[] modelled)
    {
        var absent = modelled.Where(c => !table.HasColumn(c.Name)).Select(c => $"'{c.Name}'").ToArray();
        if (absent.Length > 0)
            throw new SynthDataException(
                $"The {role} table lacks the model's column{(absent.Length == 1 ? "" : "s")} {string.Join(", ", absent)}, so the privacy filter cannot compare rows with it.",
                table.SourcePath, table.SourcePath is null ? null : 1,
                hint: $"Give the {role} rows in the CSV the model was trained on (same header). Its columns are: {string.Join(", ", table.ColumnNames)}.",
                columnName: modelled.First(c => !table.HasColumn(c.Name)).Name);
        if (table.RowCount == 0)
            throw new SynthDataException($"The {role} table has no rows; the privacy filter learns its thresholds from real rows.", table.SourcePath);
        var indices = modelled.Select(c => table.IndexOf(c.Name)).ToArray();
        var projected = new Table(modelled.Select(c => c.Name).ToArray(), indices.Select(i => table.Column(i).ToArray()).ToArray(),
            indices.Select(i => table.MissingTokens[i]).ToArray(), table.SourcePath,
            table.RowCount > 0 && table.SourceLine(0) is not null ? Enumerable.Range(0, table.RowCount).Select(r => table.SourceLine(r)!.Value).ToArray() : null);
        var (cleaned, _) = CellChecker.Check(projected, new TableMetadata { Columns = modelled }, BadCellPolicy.TreatAsMissing, "metadata");
        return cleaned;
    }

    private static void CheckHoldoutIsNew(double[] sorted, string source, Table table)
    {
        var copies = sorted.TakeWhile(d => d == 0).Count();
        if (source == "given" && copies * 2 > sorted.Length)
            throw new SynthDataException(
                $"{copies} of {sorted.Length} holdout rows are copies of reference rows, so they cannot show how close new rows come.",
                table.SourcePath, hint: "Give as holdout real rows the model never saw and as reference only the rows it was trained on; when the " +
                      "reference is the whole table that training split into training and holdout rows, redo that split instead.");
    }

    private static DistanceRows Subsample(DistanceRows rows, int max, SynthRandom random)
    {
        if (rows.Rows <= max) return rows;
        var index = Enumerable.Range(0, rows.Rows).ToArray();
        for (var i = 0; i < max; i++)
        {
            var j = i + random.NextInt(index.Length - i);
            (index[i], index[j]) = (index[j], index[i]);
        }
        var kept = index[..max];
        Array.Sort(kept);
        var sample = DistanceRows.Allocate(max, rows.Columns);
        for (var c = 0; c < rows.Columns; c++)
            for (var r = 0; r < max; r++) sample.Data[c * sample.Stride + r] = rows[kept[r], c];
        return sample;
    }
}
