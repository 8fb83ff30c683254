using SynthFixtures.Metadata;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// A fitted Gaussian copula: per-column marginals, the correlation of their normal scores, and recipes for the
/// columns that are generated rather than learned. Sampling is pure managed code and reproducible: rows come in
/// fixed blocks of <see cref="BlockSize"/>, each drawn from its own stream derived from the seed, so the output is
/// byte-identical for any thread count, and the first k rows of a larger sample equal a sample of k rows.
/// </summary>
public sealed class GaussianCopulaModel : SynthModel
{
    /// <summary>Rows per independently seeded block; part of the reproducibility contract, do not change lightly.</summary>
    public const int BlockSize = SampleCursor.BlockSize;

    private readonly CopulaColumn[] _copulaColumns;
    private readonly GeneratedColumnSpec[] _generated;
    private readonly string?[] _missingTokens;
    private readonly Lazy<ConditionalGaussian> _unconditional;

    internal GaussianCopulaModel(TableMetadata metadata, GaussianCopulaOptions options, CopulaColumn[] copulaColumns,
        double[,] correlation, GeneratedColumnSpec[] generated, string?[] missingTokens, ModelProvenance provenance)
        : base(metadata, provenance)
    {
        Options = options;
        _copulaColumns = copulaColumns;
        _generated = generated;
        _missingTokens = missingTokens;
        Correlation = correlation;
        var dimension = 0;
        for (var i = 0; i < copulaColumns.Length; i++)
        {
            copulaColumns[i].Index = i;
            copulaColumns[i].FirstDimension = dimension;
            dimension += copulaColumns[i].Dimensions;
        }
        Dimensions = dimension;
        if (correlation.GetLength(0) != dimension || correlation.GetLength(1) != dimension)
            throw new ArgumentException($"The correlation matrix must be {dimension}×{dimension}.", nameof(correlation));
        _unconditional = new Lazy<ConditionalGaussian>(() => new ConditionalGaussian(Correlation, new Dictionary<int, (double, double)>()));
    }

    /// <inheritdoc />
    public override string Kind => ModelKinds.GaussianCopula;

    /// <summary>The settings the model was fitted with.</summary>
    public GaussianCopulaOptions Options { get; }

    /// <summary>Correlation of the normal scores (one dimension per column, two for numeric columns with missing values).</summary>
    public double[,] Correlation { get; }

    /// <summary>Size of the Gaussian vector.</summary>
    public int Dimensions { get; }

    internal IReadOnlyList<CopulaColumn> CopulaColumns => _copulaColumns;

    internal IReadOnlyList<GeneratedColumnSpec> GeneratedColumns => _generated;

    internal IReadOnlyList<string?> MissingTokens => _missingTokens;

    /// <inheritdoc />
    private protected override SampleCursor OpenCursor(long startRow, long rows, long seed, IReadOnlyList<Condition> conditions, SamplingOptions options,
        RowFilter? filter, CancellationToken cancellationToken)
    {
        var plan = conditions.Count > 0 ? CopulaConditionPlan.Create(this, conditions) : null;
        var gaussian = plan is null ? _unconditional.Value : new ConditionalGaussian(Correlation, plan.Intervals);
        return new CopulaSampleCursor(this, gaussian, plan, new SynthRandom(seed), startRow, rows, options, filter, cancellationToken);
    }

    /// <inheritdoc />
    private protected override IEnumerable<ColumnSlot> CandidateSlots => _copulaColumns.Select(c => c is CategoricalCopulaColumn categorical
        ? new ColumnSlot(Metadata.Columns[c.SourceIndex], c.Index, SlotForm.Code, categorical.Categories)
        : new ColumnSlot(Metadata.Columns[c.SourceIndex], c.Index, SlotForm.Number));

    /// <inheritdoc />
    private protected override SampledTable DrawGiven(Given.GivenRows given, SynthRandom root, SamplingOptions options, ParallelOptions parallel) =>
        CopulaGivenSampler.Draw(this, given, root, parallel);

    /// <inheritdoc />
    private protected override IReadOnlyList<GeneratedColumnSpec> GeneratedColumnSpecs => _generated;

    /// <inheritdoc />
    private protected override IReadOnlyList<ColumnModelSummary> DescribeTabularColumns() => Metadata.Columns.Select((meta, i) =>
    {
        var copula = Array.Find(_copulaColumns, c => c.SourceIndex == i);
        var generated = Array.Find(_generated, g => g.Name == meta.Name);
        var summary = copula?.Describe() ?? generated?.Describe() ?? "generated";
        return new ColumnModelSummary(meta.Name, meta.Kind, summary);
    }).ToList();

    /// <inheritdoc />
    private protected override ModelSchema DescribeTabularSchema() => new(Kind, Metadata.Columns.Select((meta, i) =>
    {
        switch (Array.Find(_copulaColumns, c => c.SourceIndex == i))
        {
            case NumericCopulaColumn n:
                return ModelSchemaColumn.Numeric(meta, n.MissingProbability, n.Marginal.Minimum, n.Marginal.Maximum);
            case CategoricalCopulaColumn c:
                var missing = Array.IndexOf(c.Categories, null);
                return new ModelSchemaColumn(meta.Name, meta.Kind, missing >= 0 ? c.Probabilities[missing] : 0,
                    Labels: c.Categories.Where(l => l is not null).Select(l => Data.CellText.Normalize(l!)).ToList());
            default:
                return Array.Find(_generated, g => g.Name == meta.Name)!.Schema(meta);
        }
    }).ToList()) { Privacy = SynthFixtures.Privacy.PrivacyGuarantee.Of(Kind, Privacy) };

    /// <summary>The strongest correlations between the normal scores of two columns' values, strongest first.</summary>
    public IReadOnlyList<(string ColumnA, string ColumnB, double Correlation)> StrongestCorrelations(int count)
    {
        var pairs = new List<(string, string, double)>();
        for (var a = 0; a < _copulaColumns.Length; a++)
            for (var b = a + 1; b < _copulaColumns.Length; b++)
                pairs.Add((_copulaColumns[a].Name, _copulaColumns[b].Name, Correlation[_copulaColumns[a].FirstDimension, _copulaColumns[b].FirstDimension]));
        return pairs.OrderByDescending(p => Math.Abs(p.Item3)).ThenBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal).Take(count).ToList();
    }

    /// <summary>The copula column called <paramref name="name"/>, or an error that says why it cannot be conditioned on.</summary>
    internal CopulaColumn FindCopulaColumn(string name)
    {
        foreach (var column in _copulaColumns)
            if (string.Equals(column.Name, name, StringComparison.Ordinal)) return column;
        foreach (var column in _copulaColumns)
            if (string.Equals(column.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return column;
        throw ConditionErrors.NotLearned(Metadata, name);
    }

    /// <summary>The sampled columns in metadata order: copula columns from their numbers or codes, generated ones from their cells.</summary>
    internal SampledTable Assemble(double[]?[] numbers, int[]?[] codes, string?[]?[] generated, int rows)
    {
        var result = new SampledColumn[Metadata.Columns.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var meta = Metadata.Columns[i];
            var copula = Array.Find(_copulaColumns, c => c.SourceIndex == i);
            var token = _missingTokens[i];
            if (copula is NumericCopulaColumn) result[i] = new SampledColumn(meta, token, numbers: numbers[copula.Index]);
            else if (copula is CategoricalCopulaColumn categorical) result[i] = new SampledColumn(meta, token, codes: codes[copula.Index], categories: categorical.Categories);
            else
            {
                var g = Array.FindIndex(_generated, s => s.Name == meta.Name);
                result[i] = new SampledColumn(meta, token, texts: g >= 0 ? generated[g] : new string?[rows]);
            }
        }
        return new SampledTable(Metadata, result, rows);
    }
}
