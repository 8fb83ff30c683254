using System.Text.Json;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula.Marginals;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// Converts a <see cref="GaussianCopulaModel"/> to the artifact's parameter JSON and back. Decoding trusts nothing:
/// every probability, bound, family parameter and the correlation matrix is checked before a model is built.
/// </summary>
internal static class GaussianCopulaCodec
{
    internal sealed record Parameters(IReadOnlyList<ColumnParameters> Columns, IReadOnlyList<double[]> Correlation,
        IReadOnlyList<GeneratedColumnSpec> Generated, IReadOnlyList<string?> MissingTokens);

    internal sealed record ColumnParameters
    {
        public required string Name { get; init; }
        public required string Encoding { get; init; }
        public double? Minimum { get; init; }
        public double? Maximum { get; init; }
        public double? MissingProbability { get; init; }
        public double[]? AtomValues { get; init; }
        public double[]? AtomProbabilities { get; init; }
        public MarginalFamily? ContinuousFamily { get; init; }
        public double[]? ContinuousParameters { get; init; }
        public string?[]? Categories { get; init; }
        public double[]? Probabilities { get; init; }

        // Absent (not null) when the column was fitted normally, so such models' bytes do not change.
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? FitNote { get; init; }
    }

    private const string Numeric = "numeric";
    private const string Categorical = "categorical";

    public static JsonElement Encode(GaussianCopulaModel model)
    {
        var columns = model.CopulaColumns.Select(EncodeColumn).ToList();
        var d = model.Dimensions;
        var correlation = Enumerable.Range(0, d).Select(i => Enumerable.Range(0, d).Select(j => model.Correlation[i, j]).ToArray()).ToList();
        return JsonSerializer.SerializeToElement(new Parameters(columns, correlation, model.GeneratedColumns.ToList(), model.MissingTokens.ToList()), ArtifactJson.Default.GaussianCopulaParameters);
    }

    /// <summary>One copula column's marginal as parameters (shared with the lagged-copula step model).</summary>
    internal static ColumnParameters EncodeColumn(CopulaColumn column) => column switch
    {
        NumericCopulaColumn n => new ColumnParameters
        {
            Name = n.Name, Encoding = Numeric, Minimum = n.Marginal.Minimum, Maximum = n.Marginal.Maximum,
            MissingProbability = n.MissingProbability,
            AtomValues = n.Marginal.AtomValues.ToArray(), AtomProbabilities = n.Marginal.AtomProbabilities.ToArray(),
            ContinuousFamily = n.Marginal.Continuous?.Family,
            ContinuousParameters = n.Marginal.Continuous?.ToSpec().Parameters.ToArray(),
            FitNote = n.FitNote,
        },
        CategoricalCopulaColumn c => new ColumnParameters
        {
            Name = c.Name, Encoding = Categorical, Categories = c.Categories, Probabilities = c.Probabilities,
        },
        _ => throw new InvalidOperationException(),
    };

    /// <summary>A copula column from its parameters, every value checked (shared with the lagged-copula step model).</summary>
    /// <exception cref="SynthDataException">The parameters are inconsistent or do not fit the column's kind.</exception>
    internal static CopulaColumn DecodeColumn(ColumnParameters p, ColumnMetadata meta, int index, string source) => p.Encoding switch
    {
        Numeric when meta.IsNumeric => DecodeNumeric(p, meta, index, source),
        Categorical => DecodeCategorical(p, meta, index, source),
        _ => throw Invalid(source, $"column '{p.Name}' has encoding '{p.Encoding}', which does not fit its kind {meta.Kind}"),
    };

    public static GaussianCopulaModel Decode(ArtifactHeader header, string source)
    {
        Parameters parameters;
        GaussianCopulaOptions options;
        try
        {
            parameters = header.Parameters.Deserialize(ArtifactJson.Default.GaussianCopulaParameters) ?? throw new JsonException("no parameters");
            options = header.TrainingSettings.Deserialize(ArtifactJson.Default.GaussianCopulaOptions) ?? throw new JsonException("no training settings");
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"its parameters do not match the GaussianCopula layout ({e.Message})", e);
        }
        var metadata = header.Metadata;
        if (metadata?.Columns is null || metadata.Columns.Count == 0) throw Invalid(source, "it has no column metadata");
        if (parameters.MissingTokens?.Count != metadata.Columns.Count) throw Invalid(source, "it has the wrong number of missing-value tokens");

        var columns = new List<CopulaColumn>();
        foreach (var p in parameters.Columns ?? [])
        {
            var index = IndexOf(metadata, p.Name, source);
            var meta = metadata.Columns[index];
            columns.Add(DecodeColumn(p, meta, index, source));
        }
        foreach (var g in parameters.Generated ?? [])
        {
            IndexOf(metadata, g.Name, source);
            if (!(g.MissingProbability is >= 0 and <= 1)) throw Invalid(source, $"generated column '{g.Name}' has an invalid missing rate");
        }
        var covered = columns.Select(c => c.Name).Concat((parameters.Generated ?? []).Select(g => g.Name)).ToList();
        if (covered.Count != metadata.Columns.Count || covered.Distinct(StringComparer.Ordinal).Count() != covered.Count)
            throw Invalid(source, "its parameters do not cover each metadata column exactly once");

        var d = columns.Sum(c => c.Dimensions);
        var rows = parameters.Correlation ?? [];
        if (rows.Count != d || rows.Any(r => r is null || r.Length != d)) throw Invalid(source, $"its correlation matrix is not {d}×{d}");
        var correlation = new double[d, d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
            {
                var r = rows[i][j];
                if (!(Math.Abs(r) <= 1) || (i == j && r != 1) || r != rows[j][i])
                    throw Invalid(source, $"its correlation matrix is not a valid correlation matrix (entry [{i},{j}] = {r})");
                correlation[i, j] = r;
            }
        try
        {
            CorrelationEstimator.Cholesky(correlation);
        }
        catch (InvalidOperationException e)
        {
            throw Invalid(source, "its correlation matrix is not positive definite", e);
        }
        return new GaussianCopulaModel(metadata, options, columns.ToArray(), correlation, (parameters.Generated ?? []).ToArray(),
            parameters.MissingTokens.ToArray(), header.Provenance);
    }

    private static NumericCopulaColumn DecodeNumeric(ColumnParameters p, ColumnMetadata meta, int index, string source)
    {
        var atoms = p.AtomValues ?? [];
        var masses = p.AtomProbabilities ?? [];
        if (p.Minimum is not { } min || p.Maximum is not { } max || !double.IsFinite(min) || !double.IsFinite(max) || min > max)
            throw Invalid(source, $"column '{p.Name}' has an invalid observed range");
        if (atoms.Length != masses.Length || masses.Any(m => !(m > 0 && m <= 1)) || atoms.Any(a => a < min || a > max)
            || atoms.Zip(atoms.Skip(1)).Any(pair => !(pair.First < pair.Second)) || masses.Sum() > 1 + 1e-9)
            throw Invalid(source, $"column '{p.Name}' has invalid point masses");
        if (!(p.MissingProbability is >= 0 and < 1)) throw Invalid(source, $"column '{p.Name}' has an invalid missing rate");
        ContinuousMarginal? continuous = null;
        if (p.ContinuousFamily is { } family)
            continuous = ContinuousMarginal.FromSpec(new MarginalSpec(family, p.ContinuousParameters ?? []));
        else if (Math.Abs(masses.Sum() - 1) > 1e-9)
            throw Invalid(source, $"column '{p.Name}' has no continuous part but its point masses do not sum to 1");
        return new NumericCopulaColumn(meta, index, new MixedMarginal(atoms, masses, continuous, min, max), p.MissingProbability.Value) { FitNote = p.FitNote };
    }

    private static CategoricalCopulaColumn DecodeCategorical(ColumnParameters p, ColumnMetadata meta, int index, string source)
    {
        var categories = p.Categories ?? [];
        var probabilities = p.Probabilities ?? [];
        if (categories.Length == 0 || categories.Length != probabilities.Length || probabilities.Any(q => !(q > 0 && q <= 1))
            || Math.Abs(probabilities.Sum() - 1) > 1e-6)
            throw Invalid(source, $"column '{p.Name}' has invalid category frequencies");
        return new CategoricalCopulaColumn(meta, index, categories, probabilities);
    }

    private static int IndexOf(TableMetadata metadata, string name, string source)
    {
        for (var i = 0; i < metadata.Columns.Count; i++)
            if (metadata.Columns[i].Name == name) return i;
        throw Invalid(source, $"its parameters name a column '{name}' that its metadata does not have");
    }

    private static SynthDataException Invalid(string source, string why, Exception? inner = null) =>
        new($"The model file is inconsistent: {why}.", source, hint: "The file was edited or damaged: retrain the model.", inner: inner);
}
