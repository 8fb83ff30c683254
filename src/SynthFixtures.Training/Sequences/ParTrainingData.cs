using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Neural;
using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Modes;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Training.Sequences;

/// <summary>
/// The sequences as the PAR trainer reads them: the step columns fitted and encoded by the mode-specific transformer
/// (stream <c>steps</c> of the seed), the context columns likewise on one row per entity (stream <c>context</c>), and
/// per step row the targets each output head is scored against.
/// </summary>
internal sealed class ParTrainingData
{
    /// <summary>A head's target that is not scored (a mode or label of a missing number).</summary>
    public const long Ignored = -100;

    private ParTrainingData(SequenceSet set, ModeSpecificTransformer steps, float[] encoded, ModeSpecificTransformer? context, float[] contexts)
    {
        (Set, Steps, Encoded, Context, Contexts) = (set, steps, encoded, context, contexts);
        Layout = new ParOutputLayout(steps);
        var heads = Layout.Heads;
        var rows = set.Table.RowCount;
        Classes = new long[heads.Count][];
        MissingFlags = new long[heads.Count][];
        Alphas = new float[heads.Count][];
        var width = steps.Width;
        for (var h = 0; h < heads.Count; h++)
        {
            var head = heads[h];
            Classes[h] = new long[rows];
            MissingFlags[h] = new long[rows];
            Alphas[h] = new float[rows];
            for (var row = 0; row < rows; row++)
            {
                var at = row * width + head.Encoded;
                var missing = head.Missing >= 0 && encoded[at + 1 + head.Count + 1] > 0;
                MissingFlags[h][row] = missing ? 1 : 0;
                var labels = encoded.AsSpan(head.IsNumeric ? at + 1 : at, head.Count);
                Classes[h][row] = missing ? Ignored : labels.IndexOf(1f);
                if (head.IsNumeric) Alphas[h][row] = encoded[at];
            }
        }
    }

    /// <summary>The sequences.</summary>
    public SequenceSet Set { get; }

    /// <summary>The step columns' transformer.</summary>
    public ModeSpecificTransformer Steps { get; }

    /// <summary>Every row of the table encoded, <c>rows × Steps.Width</c>.</summary>
    public float[] Encoded { get; }

    /// <summary>The context columns' transformer, or <c>null</c> without modelled context columns.</summary>
    public ModeSpecificTransformer? Context { get; }

    /// <summary>Per table row, its step's known covariates, <c>rows × CovariateCount</c> (empty without).</summary>
    public float[] Covariates { get; private set; } = [];

    /// <summary>Known covariates per step.</summary>
    public int CovariateCount { get; private set; }

    /// <summary>Inputs per step: the previous step's encoding, the first-step flag, the context and the covariates.</summary>
    public int InputWidth => Layout.InputWidth(ContextWidth, CovariateCount);

    /// <summary>Each entity's encoded context, <c>entities × ContextWidth</c>.</summary>
    public float[] Contexts { get; }

    /// <summary>Encoded context values per entity.</summary>
    public int ContextWidth => Context?.Width ?? 0;

    /// <summary>Where each column's distribution sits in the outputs.</summary>
    public ParOutputLayout Layout { get; }

    /// <summary>Per head, per table row: the label or mode to predict, or <see cref="Ignored"/>.</summary>
    public long[][] Classes { get; }

    /// <summary>Per head, per table row: 1 when the number is missing (heads with a missing span), else 0.</summary>
    public long[][] MissingFlags { get; }

    /// <summary>Per numeric head, per table row: α.</summary>
    public float[][] Alphas { get; }

    /// <summary>Fits the transformers and encodes the sequences.</summary>
    /// <param name="set">The sequences.</param>
    /// <param name="stepColumns">The step columns.</param>
    /// <param name="contextColumns">The context columns.</param>
    /// <param name="seed">The training seed.</param>
    /// <param name="cancellationToken">Checked while fitting.</param>
    /// <param name="covariates">Per entity, its steps' covariates (<c>length × covariateCount</c>), or <c>null</c>.</param>
    /// <param name="covariateCount">Covariates per step.</param>
    /// <exception cref="SynthDataException">A step column is not one a network can learn, or there are no step columns or no rows.</exception>
    public static ParTrainingData Prepare(SequenceSet set, IReadOnlyList<ColumnMetadata> stepColumns, IReadOnlyList<ColumnMetadata> contextColumns,
        long seed, CancellationToken cancellationToken, IReadOnlyList<float[]>? covariates = null, int covariateCount = 0)
    {
        var data = PrepareColumns(set, stepColumns, contextColumns, seed, cancellationToken);
        if (covariateCount == 0) return data;
        if (covariates is null || covariates.Count != set.Entities.Count)
            throw new ArgumentException("One covariate array per entity is needed.", nameof(covariates));
        var rows = new float[set.Table.RowCount * covariateCount];
        for (var e = 0; e < set.Entities.Count; e++)
        {
            var entity = set.Entities[e];
            if (covariates[e].Length != entity.Length * covariateCount)
                throw new ArgumentException($"Entity {e} has {covariates[e].Length} covariate values for {entity.Length} steps of {covariateCount}.", nameof(covariates));
            for (var t = 0; t < entity.Length; t++)
                covariates[e].AsSpan(t * covariateCount, covariateCount).CopyTo(rows.AsSpan(entity.Rows[t] * covariateCount));
        }
        data.Covariates = rows;
        data.CovariateCount = covariateCount;
        return data;
    }

    private static ParTrainingData PrepareColumns(SequenceSet set, IReadOnlyList<ColumnMetadata> stepColumns, IReadOnlyList<ColumnMetadata> contextColumns,
        long seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(stepColumns);
        ArgumentNullException.ThrowIfNull(contextColumns);
        var table = set.Table;
        if (set.Entities.Count == 0 || table.RowCount == 0)
            throw new SynthDataException("The table has no sequences to learn from.", table.SourcePath, hint: "Give a CSV with a header and at least one data row.");
        if (stepColumns.Count == 0)
            throw new SynthDataException("The sequences have no per-step column to learn: every column is an entity, index or context column.", table.SourcePath,
                hint: "Leave at least one column that changes from step to step out of the entity, index and context columns.");
        if (stepColumns.FirstOrDefault(c => !c.IsModelled) is { } generated)
            throw new SynthDataException($"The step column '{generated.Name}' is a {Describe(generated)} column, which the par model cannot learn step by step.",
                table.SourcePath, hint: "Mark it as numeric or categorical in the metadata, or leave it out of the table.", columnName: generated.Name);
        var random = new SynthRandom(seed);
        var stepMetadata = new TableMetadata { Columns = stepColumns };
        var steps = ModeSpecificTransformer.Fit(table, stepMetadata, random.Derive("steps:transformer"), cancellationToken: cancellationToken);
        var encoded = steps.Transform(table, random.Derive("steps:encode"));

        var modelledContext = contextColumns.Where(c => c.IsModelled).ToList();
        if (modelledContext.Count == 0) return new ParTrainingData(set, steps, encoded, null, []);
        var firstRows = set.Entities.Select(e => e.Rows[0]).ToArray();
        var contextTable = new Table(modelledContext.Select(c => c.Name).ToArray(),
            modelledContext.Select(c => firstRows.Select(r => table[r, table.IndexOf(c.Name)]).ToArray()).ToArray(),
            modelledContext.Select(c => table.MissingTokens[table.IndexOf(c.Name)]).ToArray(), table.SourcePath);
        var contextMetadata = new TableMetadata { Columns = modelledContext };
        var context = ModeSpecificTransformer.Fit(contextTable, contextMetadata, random.Derive("context:transformer"), cancellationToken: cancellationToken);
        return new ParTrainingData(set, steps, encoded, context, context.Transform(contextTable, random.Derive("context:encode")));
    }

    /// <summary>Per step column: its training range and missing share, and its source's missing token.</summary>
    public (NeuralColumnRange[] Ranges, string?[] MissingTokens) ColumnFacts()
    {
        var table = Set.Table;
        var columns = Steps.Parameters.Columns;
        var ranges = new NeuralColumnRange[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var column = columns[i];
            var index = table.IndexOf(column.Metadata.Name);
            if (column.Modes is null)
            {
                var cells = table.Column(index);
                ranges[i] = new NeuralColumnRange(column.Metadata.Name, null, null, cells.Count(c => c is null) / (double)cells.Count);
                continue;
            }
            var values = ColumnValues.ToDoubles(table, index, column.Metadata);
            var present = values.Where(v => !double.IsNaN(v)).ToArray();
            ranges[i] = new NeuralColumnRange(column.Metadata.Name, present.Length == 0 ? 0 : present.Min(), present.Length == 0 ? 0 : present.Max(),
                1 - present.Length / (double)values.Length);
        }
        return (ranges, columns.Select(c => table.MissingTokens[table.IndexOf(c.Metadata.Name)]).ToArray());
    }

    private static string Describe(ColumnMetadata column) => column.Pii != PiiKind.None ? "personal-data"
        : column.Kind == ColumnKind.Identifier ? "identifier" : "free-text";
}
