using System.Text.Json;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;

namespace SynthFixtures.Models.Sequences.LaggedCopula;

/// <summary>
/// A <see cref="LaggedCopulaStepModel"/> as bytes (compact UTF-8 JSON in the artifact's strict format) and back. The
/// marginals use the Gaussian copula's own column parameters; decoding checks them and both correlation matrices
/// (shape, symmetry, unit diagonal, positive definite) before a model is built. The step covariates' count is written
/// only when there are covariates, so a model without them keeps the bytes of format 1.
/// </summary>
internal static class LaggedCopulaCodec
{
    /// <summary>The layout written today.</summary>
    public const int CurrentFormat = 1;

    internal sealed record Parameters(int Format, LaggedCopulaOptions Options, IReadOnlyList<ColumnMetadata> StepColumns,
        IReadOnlyList<ColumnMetadata> ContextColumns, IReadOnlyList<GaussianCopulaCodec.ColumnParameters> StepMarginals,
        IReadOnlyList<GaussianCopulaCodec.ColumnParameters> ContextMarginals, IReadOnlyList<string?> StepMissingTokens,
        IReadOnlyList<double[]> FirstStepCorrelation, IReadOnlyList<double[]> LaggedCorrelation,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
        int CovariateCount = 0);

    public static byte[] Encode(LaggedCopulaStepModel model) => JsonSerializer.SerializeToUtf8Bytes(new Parameters(
        CurrentFormat, model.Options,
        model.StepCopulaColumns.Select(c => c.Metadata).ToList(), model.ContextCopulaColumns.Select(c => c.Metadata).ToList(),
        model.StepCopulaColumns.Select(GaussianCopulaCodec.EncodeColumn).ToList(),
        model.ContextCopulaColumns.Select(GaussianCopulaCodec.EncodeColumn).ToList(),
        model.StepMissingTokens.ToList(), Rows(model.FirstStepCorrelation), Rows(model.LaggedCorrelation), model.CovariateCount),
        ArtifactJson.Default.LaggedCopulaParameters);

    public static LaggedCopulaStepModel Decode(ReadOnlySpan<byte> bytes, string source)
    {
        Parameters parameters;
        try
        {
            parameters = JsonSerializer.Deserialize(bytes, ArtifactJson.Default.LaggedCopulaParameters) ?? throw new JsonException("no parameters");
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"its lagged-copula parameters are not in the expected layout ({e.Message})", e);
        }
        if (parameters.Format > CurrentFormat)
            throw new SynthDataException($"The lagged-copula step model is in format {parameters.Format}, newer than this version reads ({CurrentFormat}).",
                source, hint: "Upgrade SynthFixtures to read it, or retrain the model with this version.");
        if (parameters.Format != CurrentFormat) throw Invalid(source, $"its lagged-copula format {parameters.Format} is unknown");
        var options = parameters.Options ?? throw Invalid(source, "it has no lagged-copula settings");
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw Invalid(source, e.Message.Split(" (Parameter '")[0], e);
        }
        var steps = Columns(parameters.StepColumns, parameters.StepMarginals, source, "step");
        var contexts = Columns(parameters.ContextColumns, parameters.ContextMarginals, source, "context");
        if (steps.Length == 0) throw Invalid(source, "it has no step columns");
        if (parameters.StepMissingTokens?.Count != steps.Length) throw Invalid(source, "it has the wrong number of missing-value tokens");
        var dc = LaggedCopulaStepModel.Place(contexts);
        var ds = LaggedCopulaStepModel.Place(steps);
        if (parameters.CovariateCount is < 0 or > 64) throw Invalid(source, $"it has {parameters.CovariateCount} covariates a step");
        var block = ds + parameters.CovariateCount;
        var first = Correlation(parameters.FirstStepCorrelation, dc + block, source, "first step's");
        var lagged = Correlation(parameters.LaggedCorrelation, dc + (options.Lags + 1) * block, source, "lagged");
        return new LaggedCopulaStepModel(options, steps, contexts, parameters.StepMissingTokens.ToArray(), first, lagged, parameters.CovariateCount);
    }

    private static CopulaColumn[] Columns(IReadOnlyList<ColumnMetadata>? metadata, IReadOnlyList<GaussianCopulaCodec.ColumnParameters>? marginals, string source, string role)
    {
        metadata ??= [];
        marginals ??= [];
        if (metadata.Count != marginals.Count) throw Invalid(source, $"it has {metadata.Count} {role} columns but {marginals.Count} marginals");
        var result = new CopulaColumn[metadata.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (metadata[i] is not { } meta || marginals[i] is not { } marginal || !string.Equals(meta.Name, marginal.Name, StringComparison.Ordinal))
                throw Invalid(source, $"its {role} column {i + 1} and its marginal do not match");
            result[i] = GaussianCopulaCodec.DecodeColumn(marginal, meta, i, source);
        }
        return result;
    }

    private static double[,] Correlation(IReadOnlyList<double[]>? rows, int d, string source, string name)
    {
        rows ??= [];
        if (rows.Count != d || rows.Any(r => r is null || r.Length != d)) throw Invalid(source, $"its {name} correlation matrix is not {d}×{d}");
        var result = new double[d, d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
            {
                var r = rows[i][j];
                if (!(Math.Abs(r) <= 1) || (i == j && r != 1) || r != rows[j][i])
                    throw Invalid(source, $"its {name} correlation matrix is not a valid correlation matrix (entry [{i},{j}] = {r})");
                result[i, j] = r;
            }
        try
        {
            CorrelationEstimator.Cholesky(result);
        }
        catch (InvalidOperationException e)
        {
            throw Invalid(source, $"its {name} correlation matrix is not positive definite", e);
        }
        return result;
    }

    private static List<double[]> Rows(double[,] matrix) =>
        Enumerable.Range(0, matrix.GetLength(0)).Select(i => Enumerable.Range(0, matrix.GetLength(1)).Select(j => matrix[i, j]).ToArray()).ToList();

    private static SynthDataException Invalid(string source, string why, Exception? inner = null) =>
        new($"The sequence model is inconsistent: {why}.", source, hint: "The file was edited or damaged: retrain the model.", inner: inner);
}
