using System.Text.Json;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// Converts a <see cref="DpMarginalsModel"/> to the artifact's parameter JSON and back. Decoding trusts nothing: the
/// tree's shape, every table's size, every probability and every bin piece is checked before a model is built.
/// </summary>
internal static class DpMarginalsCodec
{
    internal sealed record Parameters(IReadOnlyList<MarginalColumnParameters> Columns, IReadOnlyList<int> Order, IReadOnlyList<int> Parent,
        IReadOnlyList<int> SecondParent, IReadOnlyList<int[]?> SecondGroups, double[] Root, IReadOnlyList<double[]?> Conditionals, IReadOnlyList<GeneratedColumnSpec> Generated, IReadOnlyList<string?> MissingTokens);

    /// <summary>A column: released labels (categorical) or bins, each as parallel arrays of piece bounds and weights (numeric).</summary>
    internal sealed record MarginalColumnParameters
    {
        public required string Name { get; init; }
        public string[]? Labels { get; init; }
        public IReadOnlyList<MarginalBinParameters>? Bins { get; init; }
    }

    internal sealed record MarginalBinParameters(double[] Low, double[] High, double[] Weight);

    private const double Tolerance = 1e-6;

    public static JsonElement Encode(DpMarginalsModel model)
    {
        var columns = model.Columns.Select(c => new MarginalColumnParameters
        {
            Name = c.Metadata.Name,
            Labels = c.Labels,
            Bins = c.Bins?.Select(b => new MarginalBinParameters(b.Select(p => p.Low).ToArray(), b.Select(p => p.High).ToArray(), b.Select(p => p.Weight).ToArray())).ToList(),
        }).ToList();
        return JsonSerializer.SerializeToElement(new Parameters(columns, model.Order, model.Parent, model.SecondParent, model.SecondGroups, model.Root, model.Conditionals, model.Generated,
            model.MissingTokens), ArtifactJson.Default.DpMarginalsParameters);
    }

    public static DpMarginalsModel Decode(ArtifactHeader header, string source)
    {
        Parameters parameters;
        DpMarginalsOptions options;
        try
        {
            parameters = header.Parameters.Deserialize(ArtifactJson.Default.DpMarginalsParameters) ?? throw new JsonException("no parameters");
            options = header.TrainingSettings.Deserialize(ArtifactJson.Default.DpMarginalsOptions) ?? throw new JsonException("no training settings");
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"its parameters do not match the dp-marginals layout ({e.Message})", e);
        }
        var plan = header.Privacy ?? throw Invalid(source, "it is a differentially private model without its privacy plan");
        if (!(plan.Epsilon >= 0) || !(plan.Delta is > 0 and < 1) || plan.Steps is null || plan.Public is null)
            throw Invalid(source, "its privacy plan is not valid");
        var metadata = header.Metadata;
        if (metadata?.Columns is null || metadata.Columns.Count == 0) throw Invalid(source, "it has no column metadata");
        if (parameters.MissingTokens?.Count != metadata.Columns.Count) throw Invalid(source, "it has the wrong number of missing-value tokens");

        var columns = (parameters.Columns ?? []).Select(p => DecodeColumn(p, metadata, source)).ToArray();
        var d = columns.Length;
        if (d == 0) throw Invalid(source, "it models no column");
        foreach (var g in parameters.Generated ?? [])
            if (metadata.Find(g.Name) is null || !(g.MissingProbability is >= 0 and <= 1)) throw Invalid(source, $"generated column '{g.Name}' is not valid");
        var covered = columns.Select(c => c.Metadata.Name).Concat((parameters.Generated ?? []).Select(g => g.Name)).ToList();
        if (covered.Count != metadata.Columns.Count || covered.Distinct(StringComparer.Ordinal).Count() != covered.Count)
            throw Invalid(source, "its parameters do not cover each metadata column exactly once");

        var order = (parameters.Order ?? []).ToArray();
        var parent = (parameters.Parent ?? []).ToArray();
        var conditionals = (parameters.Conditionals ?? []).ToArray();
        var second = (parameters.SecondParent ?? []).ToArray();
        var secondGroups = (parameters.SecondGroups ?? []).ToArray();
        if (second.Length != d || secondGroups.Length != d) throw Invalid(source, "its tree does not give every column its second parent");
        if (order.Length != d || parent.Length != d || conditionals.Length != d || order.Order().Where((c, i) => c != i).Any())
            throw Invalid(source, "its tree does not list every column once");
        var seen = new bool[d];
        for (var i = 0; i < d; i++)
        {
            var c = order[i];
            var isRoot = i == 0;
            if (isRoot != (parent[c] < 0) || (!isRoot && (parent[c] >= d || !seen[parent[c]])))
                throw Invalid(source, "its tree's parents do not come before their children");
            seen[c] = true;
            if (isRoot != (conditionals[c] is null)) throw Invalid(source, $"column '{columns[c].Metadata.Name}' has the wrong conditional table");
            var rows = isRoot ? 0 : columns[parent[c]].Cells;
            if (second[c] >= 0)
            {
                var q = second[c];
                if (isRoot || q >= d || !seen[q] || q == parent[c] || q == c || secondGroups[c] is not { } groups
                    || groups.Length != columns[q].Cells || groups.Any(g => g < 0 || g >= SecondParents.MaxGroups))
                    throw Invalid(source, $"column '{columns[c].Metadata.Name}' has an invalid second parent");
                rows *= groups.Max() + 1;
            }
            else if (secondGroups[c] is not null) throw Invalid(source, $"column '{columns[c].Metadata.Name}' has groups without a second parent");
            if (!isRoot) CheckRows(conditionals[c]!, rows, columns[c], source);
        }
        CheckRows(parameters.Root ?? [], 1, columns[order[0]], source);
        return new DpMarginalsModel(metadata, options, plan, columns, order, parent, second, secondGroups, parameters.Root!, conditionals, (parameters.Generated ?? []).ToArray(),
            parameters.MissingTokens.ToArray(), header.Provenance);
    }

    private static DpColumn DecodeColumn(MarginalColumnParameters p, TableMetadata metadata, string source)
    {
        var index = -1;
        for (var i = 0; i < metadata.Columns.Count; i++)
            if (metadata.Columns[i].Name == p.Name) index = i;
        if (index < 0) throw Invalid(source, $"its parameters name a column '{p.Name}' that its metadata does not have");
        var meta = metadata.Columns[index];
        if (meta.IsNumeric)
        {
            if (p.Bins is not { Count: > 0 } bins || p.Labels is not null) throw Invalid(source, $"numeric column '{p.Name}' has no bins");
            var pieces = bins.Select(b =>
            {
                if (b?.Low is null || b.High is null || b.Weight is null || b.Low.Length == 0 || b.Low.Length != b.High.Length || b.Low.Length != b.Weight.Length
                    || b.Low.Zip(b.High).Any(x => !double.IsFinite(x.First) || !double.IsFinite(x.Second) || x.First > x.Second)
                    || b.Weight.Any(w => !(w >= 0 && w <= 1)) || Math.Abs(b.Weight.Sum() - 1) > Tolerance)
                    throw Invalid(source, $"numeric column '{p.Name}' has an invalid bin");
                return b.Low.Select((low, k) => new DpPiece(low, b.High[k], b.Weight[k])).ToArray();
            }).ToArray();
            return DpColumn.Numeric(meta, index, pieces);
        }
        if (p.Labels is null || p.Bins is not null || p.Labels.Any(l => l is null) || p.Labels.Distinct(StringComparer.Ordinal).Count() != p.Labels.Length)
            throw Invalid(source, $"categorical column '{p.Name}' has invalid labels");
        return DpColumn.Categorical(meta, index, p.Labels);
    }

    /// <summary>Each row of <paramref name="table"/> (rows × the column's cells) is a distribution that never draws the other cell.</summary>
    private static void CheckRows(double[] table, int rows, DpColumn column, string source)
    {
        var size = column.Cells;
        if (table.Length != rows * size) throw Invalid(source, $"column '{column.Metadata.Name}' has a table of the wrong size");
        for (var r = 0; r < rows; r++)
        {
            var row = table.AsSpan(r * size, size);
            double sum = 0;
            foreach (var p in row)
            {
                if (!(p >= 0 && p <= 1)) throw Invalid(source, $"column '{column.Metadata.Name}' has a probability outside [0, 1]");
                sum += p;
            }
            if (Math.Abs(sum - 1) > Tolerance || (column.OtherCell >= 0 && row[column.OtherCell] != 0))
                throw Invalid(source, $"column '{column.Metadata.Name}' has a distribution that does not sum to 1");
        }
    }

    private static SynthDataException Invalid(string source, string why, Exception? inner = null) =>
        new($"The model file is inconsistent: {why}.", source, hint: "The file was edited or damaged: retrain the model.", inner: inner);
}
