using SynthFixtures.Metadata;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// A differentially private marginal model (MST: McKenna, Miklau, Sheldon 2021): a tree over the columns whose root
/// distribution and parent-to-child conditionals were estimated from noisy one-way and two-way counts, most columns
/// also conditioned on a second parent through a noisy three-way marginal (a Bayesian network of in-degree 2). Sampling is
/// pure managed code, row by row from the root down the tree, in fixed blocks of 1,024 rows (the block size every model kind shares), each
/// from its own stream derived from the seed, so output is identical for any thread count.
/// </summary>
public sealed class DpMarginalsModel : SynthModel
{
    private readonly double[][] _rootCumulative;
    private readonly double[]?[] _conditionalCumulative;

    internal DpMarginalsModel(TableMetadata metadata, DpMarginalsOptions options, PrivacyPlan plan, DpColumn[] columns, int[] order, int[] parent,
        int[] secondParent, int[]?[] secondGroups, double[] root, double[]?[] conditionals, GeneratedColumnSpec[] generated, string?[] missingTokens, ModelProvenance provenance)
        : base(metadata, provenance)
    {
        Options = options;
        Plan = plan;
        Columns = columns;
        Order = order;
        Parent = parent;
        SecondParent = secondParent;
        SecondGroups = secondGroups;
        Root = root;
        Conditionals = conditionals;
        Generated = generated;
        MissingTokens = missingTokens;
        _rootCumulative = [Cumulative(root, 0, root.Length)];
        _conditionalCumulative = conditionals.Select((table, c) =>
        {
            if (table is null) return null;
            var size = columns[c].Cells;
            var result = new double[table.Length];
            for (var p = 0; p < table.Length / size; p++) Cumulative(table, p * size, size).CopyTo(result, p * size);
            return result;
        }).ToArray();
    }

    /// <inheritdoc />
    public override string Kind => ModelKinds.DpMarginals;

    /// <summary>The settings the model was fitted with.</summary>
    public DpMarginalsOptions Options { get; }

    /// <summary>Where the privacy budget went, and the (ε, δ) the model meets.</summary>
    public override PrivacyPlan? Privacy => Plan;

    internal PrivacyPlan Plan { get; }

    internal DpColumn[] Columns { get; }

    internal int[] Order { get; }

    internal int[] Parent { get; }

    /// <summary>Each column's second parent (−1: none); its conditional rows are indexed by parent cell + parent cells × group.</summary>
    internal int[] SecondParent { get; }

    /// <summary>For a column with a second parent, the group of each of the second parent's cells.</summary>
    internal int[]?[] SecondGroups { get; }

    internal double[] Root { get; }

    internal double[]?[] Conditionals { get; }

    internal GeneratedColumnSpec[] Generated { get; }

    internal string?[] MissingTokens { get; }

    /// <summary>The tree's edges as (parent, child) column names, in sampling order.</summary>
    public IReadOnlyList<(string Parent, string Child)> Edges =>
        Order.Where(c => Parent[c] >= 0).Select(c => (Columns[Parent[c]].Metadata.Name, Columns[c].Metadata.Name)).ToList();

    private protected override SampleCursor OpenCursor(long startRow, long rows, long seed, IReadOnlyList<Condition> conditions, SamplingOptions options,
        RowFilter? filter, CancellationToken cancellationToken)
    {
        if (conditions.Count > 0 || filter is not null)
            throw new SynthDataException("The dp-marginals model does not sample under conditions yet.",
                hint: "Sample without conditions and filter the rows, or train a gaussiancopula, tvae or ctgan model for conditional sampling.");
        return new DpMarginalsSampleCursor(this, new SynthRandom(seed), startRow, rows, options, cancellationToken);
    }

    internal void DrawRow(SynthRandom random, int[][] cells, double[]?[] numbers, int row)
    {
        foreach (var c in Order)
        {
            var size = Columns[c].Cells;
            var cell = Parent[c] < 0
                ? Draw(_rootCumulative[0], 0, size, random.NextDouble())
                : Draw(_conditionalCumulative[c]!, ConditionalRow(c, cells, row) * size, size, random.NextDouble());
            cells[c][row] = cell;
            if (numbers[c] is { } target) target[row] = Columns[c].DecodeNumber(cell, random);
        }
    }

    /// <summary>
    /// Draws row <paramref name="row"/> down the tree with the cells of <paramref name="fixedCells"/> (−1: free) set rather
    /// than drawn, and returns the row's likelihood weight: the product of each fixed cell's probability given its
    /// parents. Free cells below a fixed one are drawn given it; the weight accounts for the fixed cells' ancestors.
    /// Fixed numeric cells are not decoded (the given value is written over them).
    /// </summary>
    internal double DrawRowGiven(SynthRandom random, int[][] cells, double[]?[] numbers, int row, int[] fixedCells)
    {
        var weight = 1.0;
        foreach (var c in Order)
        {
            var size = Columns[c].Cells;
            var offset = Parent[c] < 0 ? 0 : ConditionalRow(c, cells, row) * size;
            if (fixedCells[c] >= 0)
            {
                var cell = fixedCells[c];
                weight *= Parent[c] < 0 ? Root[cell] : Conditionals[c]![offset + cell];
                cells[c][row] = cell;
                continue;
            }
            var drawn = Draw(Parent[c] < 0 ? _rootCumulative[0] : _conditionalCumulative[c]!, offset, size, random.NextDouble());
            cells[c][row] = drawn;
            if (numbers[c] is { } target) target[row] = Columns[c].DecodeNumber(drawn, random);
        }
        return weight;
    }

    private int ConditionalRow(int c, int[][] cells, int row)
    {
        var parentCell = cells[Parent[c]][row];
        return SecondParent[c] < 0 ? parentCell : parentCell + Columns[Parent[c]].Cells * SecondGroups[c]![cells[SecondParent[c]][row]];
    }

    private static int Draw(double[] cumulative, int offset, int size, double u)
    {
        for (var k = 0; k < size - 1; k++)
            if (u < cumulative[offset + k]) return k;
        return size - 1;
    }

    private static double[] Cumulative(double[] probabilities, int offset, int size)
    {
        var result = new double[size];
        double sum = 0;
        for (var k = 0; k < size; k++) result[k] = sum += probabilities[offset + k];
        // The last non-zero cell must catch rounding, so a zero-probability cell at the end is never drawn.
        for (var k = size - 1; k >= 0 && probabilities[offset + k] == 0; k--) result[k] = double.PositiveInfinity;
        var last = Array.FindLastIndex(result, v => !double.IsPositiveInfinity(v));
        if (last >= 0) result[last] = double.PositiveInfinity;
        return result;
    }

    /// <inheritdoc />
    private protected override IReadOnlyList<GeneratedColumnSpec> GeneratedColumnSpecs => Generated;

    /// <inheritdoc />
    private protected override SampledTable DrawGiven(Given.GivenRows given, SynthRandom root, SamplingOptions options, ParallelOptions parallel) =>
        DpMarginalsGivenSampler.Draw(this, given, root, parallel);

    internal SampledTable Assemble(int[][] cells, double[]?[] numbers, string?[][] generated, int rows)
    {
        var result = new SampledColumn[Metadata.Columns.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var meta = Metadata.Columns[i];
            var c = Array.FindIndex(Columns, column => column.SourceIndex == i);
            var token = MissingTokens[i];
            if (c >= 0 && Columns[c].IsNumeric) result[i] = new SampledColumn(meta, token, numbers: numbers[c]);
            else if (c >= 0)
            {
                var column = Columns[c];
                var labels = column.Labels!;
                // Categories: the released labels, then null for missing; the other cell is never drawn.
                var codes = cells[c].Select(cell => cell == column.MissingCell ? labels.Length : cell).ToArray();
                result[i] = new SampledColumn(meta, token, codes: codes, categories: [.. labels, null]);
            }
            else
            {
                var g = Array.FindIndex(Generated, s => s.Name == meta.Name);
                result[i] = new SampledColumn(meta, token, texts: g >= 0 ? generated[g] : new string?[rows]);
            }
        }
        return new SampledTable(Metadata, result, rows);
    }

    /// <inheritdoc />
    private protected override IReadOnlyList<ColumnModelSummary> DescribeTabularColumns() => Metadata.Columns.Select((meta, i) =>
    {
        var c = Array.FindIndex(Columns, column => column.SourceIndex == i);
        if (c < 0)
            return new ColumnModelSummary(meta.Name, meta.Kind, Array.Find(Generated, g => g.Name == meta.Name)?.Describe() ?? "generated");
        var parent = Parent[c] < 0 ? ", tree root"
            : SecondParent[c] < 0 ? $", given {Columns[Parent[c]].Metadata.Name}"
            : $", given {Columns[Parent[c]].Metadata.Name} and {Columns[SecondParent[c]].Metadata.Name}";
        return new ColumnModelSummary(meta.Name, meta.Kind, Columns[c].Describe() + parent);
    }).ToList();

    /// <inheritdoc />
    private protected override ModelSchema DescribeTabularSchema() => new(Kind, Metadata.Columns.Select((meta, i) =>
    {
        var c = Array.FindIndex(Columns, column => column.SourceIndex == i);
        if (c < 0) return Array.Find(Generated, g => g.Name == meta.Name)!.Schema(meta);
        var column = Columns[c];
        var missing = MissingShare(c);
        return column.IsNumeric
            ? ModelSchemaColumn.Numeric(meta, missing, column.Bins![0].Min(p => p.Low), column.Bins[^1].Max(p => p.High))
            : new ModelSchemaColumn(meta.Name, meta.Kind, missing, Labels: column.Labels!.ToList());
    }).ToList()) { Privacy = SynthFixtures.Privacy.PrivacyGuarantee.Of(Kind, Privacy) };

    /// <summary>
    /// The share of rows the model leaves missing in column <paramref name="c"/>, from a fixed sample of
    /// <see cref="SchemaSampleRows"/> rows (with second parents the one-ways have no closed form over the tree).
    /// </summary>
    private double MissingShare(int c)
    {
        var cells = Columns.Select(_ => new int[SchemaSampleRows]).ToArray();
        var numbers = new double[]?[Columns.Length];
        var random = new SynthRandom(0).Derive("schema");
        for (var row = 0; row < SchemaSampleRows; row++) DrawRow(random, cells, numbers, row);
        return cells[c].Count(cell => cell == Columns[c].MissingCell) / (double)SchemaSampleRows;
    }

    private const int SchemaSampleRows = 20_000;
}
