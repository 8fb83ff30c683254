using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Given;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Text;

namespace SynthFixtures.Models;

/// <summary>
/// A trained synthesizer: what every model kind (GaussianCopula, TVAE, CTGAN) offers at sampling time.
/// Load one from a <c>.synth</c> artifact with <see cref="Artifacts.ModelArtifact.Load(string)"/>.
/// </summary>
public abstract class SynthModel
{
    /// <summary>Base constructor.</summary>
    protected SynthModel(TableMetadata metadata, ModelProvenance provenance)
    {
        Metadata = metadata;
        Provenance = provenance;
    }

    /// <summary>The model kind as written in artifacts and on the CLI (see <see cref="ModelKinds"/>).</summary>
    public abstract string Kind { get; }

    /// <summary>The schema of the rows this model produces.</summary>
    public TableMetadata Metadata { get; }

    /// <summary>Where the model came from: source data hash, seed, row count.</summary>
    public ModelProvenance Provenance { get; }

    /// <summary>The differential-privacy guarantee and where its budget went, or <c>null</c> for a model without one.</summary>
    public virtual Privacy.PrivacyPlan? Privacy => null;

    /// <summary>
    /// The learned models of free-text columns (empty: every free-text column is generated placeholder prose). Each writes
    /// its column after the row's other cells are drawn, conditioned on them.
    /// </summary>
    public IReadOnlyList<TextColumnModel> TextModels { get; private set; } = [];

    /// <summary>
    /// This model with <paramref name="textModels"/> writing their columns (replacing any it had). The model itself is
    /// unchanged: the result is a copy sharing its immutable parts.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A text model's column is not a free-text column of the metadata or is listed twice, a context column is missing or
    /// learned text itself, or the model has a differential-privacy guarantee (which a learned text model would break).
    /// </exception>
    public SynthModel WithTextModels(IReadOnlyList<TextColumnModel> textModels)
    {
        ArgumentNullException.ThrowIfNull(textModels);
        if (TextModelCheck.Problem(Metadata, Privacy, textModels) is { } problem) throw new ArgumentException(problem, nameof(textModels));
        var copy = (SynthModel)MemberwiseClone();
        copy.TextModels = textModels.ToList();
        return copy;
    }

    /// <summary>How each column is modelled or generated, in metadata order (for audits and <c>synthfixtures inspect</c>).</summary>
    public IReadOnlyList<ColumnModelSummary> DescribeColumns() =>
        DescribeTabularColumns().Select(c => TextModelOf(c.Column) is { } text ? c with { Summary = text.Describe() } : c).ToList();

    /// <summary>What the model produces per column (kinds, missing rates, ranges, labels), for compile-time checks of bound types.</summary>
    public ModelSchema DescribeSchema()
    {
        var schema = DescribeTabularSchema();
        return TextModels.Count == 0 ? schema
            : schema with { Columns = schema.Columns.Select(c => TextModelOf(c.Name) is { } text ? c with { Generator = text.Kind } : c).ToList() };
    }

    /// <summary>How each column is modelled by the tabular model (learned text columns as the generated columns they replace).</summary>
    private protected abstract IReadOnlyList<ColumnModelSummary> DescribeTabularColumns();

    /// <summary>The tabular model's schema (learned text columns as the generated columns they replace).</summary>
    private protected abstract ModelSchema DescribeTabularSchema();

    private TextColumnModel? TextModelOf(string column) => TextModels.FirstOrDefault(t => t.Column == column);

    /// <summary>
    /// Draws <paramref name="rows"/> synthetic rows. The same model, seed and conditions give the same rows on any machine and thread count.
    /// </summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="conditions">Conditions every row must meet; fixed labels and numbers are met in closed form, ranges exactly.</param>
    /// <param name="options">Threads and rejection budget.</param>
    /// <param name="cancellationToken">Stops long samples.</param>
    /// <exception cref="SynthDataException">A condition names an unknown column or value, or is impossible or too rare.</exception>
    public SampledTable Sample(int rows, long seed, IReadOnlyList<Condition>? conditions = null,
        SamplingOptions? options = null, CancellationToken cancellationToken = default) =>
        Open(0, rows, seed, conditions, options, null, cancellationToken).Next(rows);

    /// <summary>
    /// Draws the same rows as <see cref="Sample"/> with the same arguments, but hands them out in chunks of at most
    /// <see cref="SamplingOptions.ChunkRows"/> rows, drawn as they are enumerated: memory stays bounded by one chunk
    /// whatever <paramref name="rows"/> is, and the chunks joined are byte-identical to the whole sample.
    /// </summary>
    /// <param name="rows">Number of rows in all.</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="conditions">Conditions every row must meet.</param>
    /// <param name="options">Threads, rejection budget and chunk size.</param>
    /// <param name="cancellationToken">Checked before each chunk and inside its parallel work.</param>
    /// <exception cref="SynthDataException">
    /// A condition names an unknown column or value, or is impossible (thrown here, before any chunk); or conditions are
    /// too rare for the candidate budget (thrown while enumerating, when the budget runs out).
    /// </exception>
    public IEnumerable<SampledTable> SampleChunks(long rows, long seed, IReadOnlyList<Condition>? conditions = null,
        SamplingOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SamplingOptions();
        return Chunks(Open(0, rows, seed, conditions, options, null, cancellationToken), ChunkSize(options), null);
    }

    /// <summary>
    /// The sample rows <paramref name="firstRow"/> … <paramref name="firstRow"/> + <paramref name="rows"/> − 1 of the
    /// sample <see cref="SampleChunks"/> draws with the same seed, conditions and options, in chunks, without drawing
    /// the rows before them: a shard of a large sample that other processes draw the rest of. Every row's model block,
    /// generated cells, learned text and key number depend only on its number, so the ranges joined in order are
    /// byte-identical to the whole sample.
    /// </summary>
    /// <param name="firstRow">The first sample row: a multiple of <see cref="SampleBlockRows"/>, so the range starts on a block.</param>
    /// <param name="rows">Rows in the range.</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="conditions">
    /// Conditions every row must meet; only conditions met in closed form (no row-by-row checks) are accepted, since the
    /// rows kept by checks depend on every candidate before them.
    /// </param>
    /// <param name="options">Threads and chunk size; <see cref="SamplingOptions.FirstRowNumber"/> numbers sample row 0, as in the whole sample.</param>
    /// <param name="cancellationToken">Checked before each chunk and inside its parallel work.</param>
    /// <exception cref="SynthDataException">A condition is unknown or impossible, or needs row-by-row checks.</exception>
    public IEnumerable<SampledTable> SampleRange(long firstRow, long rows, long seed, IReadOnlyList<Condition>? conditions = null,
        SamplingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        if (firstRow % SampleBlockRows != 0)
            throw new ArgumentException($"A range must start on a block boundary (a multiple of {SampleBlockRows} rows), not at row {firstRow}.", nameof(firstRow));
        options ??= new SamplingOptions();
        var cursor = Open(firstRow, rows, seed, conditions, options, null, cancellationToken);
        if (cursor.ChecksRows)
            throw new SynthDataException(
                $"These conditions are checked row by row ({string.Join(", ", (conditions ?? []).Select(c => $"'{c}'"))}), so which rows a part of the sample holds depends on every candidate drawn before it: the sample cannot be drawn in parts.",
                hint: "Draw a conditional sample in one run; only a sample whose rows are never checked (no conditions, or only fixed numbers for the gaussiancopula) can be drawn in parts.");
        return Chunks(cursor, ChunkSize(options), null);
    }

    /// <summary>Rows per independently seeded block: a sample drawn in parts (<see cref="SampleRange"/>) is cut at multiples of it.</summary>
    public const int SampleBlockRows = SampleCursor.BlockSize;

    /// <summary>
    /// Plans a condition written as a row expression (<c>income = '&gt;50K' AND age &lt; 25</c>, see
    /// <see cref="RowExpressionParser"/>): the conditions it implies that this model meets itself (labels, numbers and
    /// ranges, in closed form where the model kind can: the copula by intervals, CTGAN by its condition vector) and the
    /// rest, which candidate rows are checked against. Sample with the plan through <see cref="SampleWhere"/> or
    /// <see cref="SampleChunksWhere"/>.
    /// </summary>
    /// <param name="expression">The row expression; <c>null</c> or blank: only <paramref name="conditions"/>.</param>
    /// <param name="conditions">Conditions given beside the expression (<see cref="Condition.Parse"/>), met as in <see cref="Sample"/>.</param>
    /// <exception cref="RowExpressionException">
    /// A syntax error, a column that is not a learned column of the model, or a value its column cannot hold; the message
    /// points at the character.
    /// </exception>
    public ConditionPlan PlanConditions(string? expression, IReadOnlyList<Condition>? conditions = null)
    {
        conditions ??= [];
        if (string.IsNullOrWhiteSpace(expression)) return new ConditionPlan(expression ?? "", conditions, [], null) { Owner = this };
        var parsed = RowExpressionParser.Parse(expression);
        var slots = CandidateSlots ?? throw new SynthDataException($"The {Kind} model does not sample under conditions yet.",
            hint: "Sample without conditions and filter the rows, or train a gaussiancopula, tvae or ctgan model for conditional sampling.");
        var bySlot = slots.ToDictionary(s => s.Column.Name, StringComparer.Ordinal);
        var unavailable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in Metadata.Columns)
        {
            if (TextModelOf(column.Name) is not null)
            {
                bySlot.Remove(column.Name);
                unavailable[column.Name] = "written by a learned text model";
            }
            else if (!bySlot.ContainsKey(column.Name))
                unavailable[column.Name] = UncheckableReason(column)
                    ?? $"generated ({(column.Pii != PiiKind.None ? $"personal data: {column.Pii}" : column.Kind.ToString().ToLowerInvariant())}), not learned";
        }
        var plan = ConditionPlanner.Plan(parsed, expression, new RowLayout(Metadata, bySlot, unavailable), conditions);
        return new ConditionPlan(plan.Text, plan.Pushed, plan.Filtered, plan.Filter) { Owner = this };
    }

    /// <summary>
    /// Draws <paramref name="rows"/> rows that meet <paramref name="plan"/>: the model meets the pushed conditions itself
    /// and the candidates it draws are checked against the rest, in block order, so the rows are the same for any thread
    /// count and chunk size. Rows meeting the plan follow the model's own conditional distribution.
    /// </summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="plan">A plan made by this model's <see cref="PlanConditions"/>.</param>
    /// <param name="options">Threads, candidate budget and chunk size.</param>
    /// <param name="tally">Receives the candidates checked and rows kept, when given.</param>
    /// <param name="cancellationToken">Stops long samples.</param>
    /// <exception cref="SynthDataException">A pushed condition is impossible, or the rows are too rare for the candidate budget.</exception>
    public SampledTable SampleWhere(int rows, long seed, ConditionPlan plan, SamplingOptions? options = null, ConditionTally? tally = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var chunks = SampleChunksWhere(rows, seed, plan, (options ?? new SamplingOptions()) with { ChunkRows = Math.Max(1, rows) }, tally, cancellationToken);
        return chunks.FirstOrDefault() ?? Sample(0, seed, [], options, cancellationToken);
    }

    /// <summary>Draws the rows of <see cref="SampleWhere"/> in chunks of at most <see cref="SamplingOptions.ChunkRows"/> rows, as they are enumerated.</summary>
    /// <param name="rows">Number of rows in all.</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="plan">A plan made by this model's <see cref="PlanConditions"/>.</param>
    /// <param name="options">Threads, candidate budget and chunk size.</param>
    /// <param name="tally">Updated after each chunk with the candidates checked and rows kept, when given.</param>
    /// <param name="cancellationToken">Checked before each chunk and inside its parallel work.</param>
    /// <exception cref="SynthDataException">
    /// A pushed condition is impossible (thrown here, before any chunk), or the rows are too rare for the candidate
    /// budget (thrown while enumerating).
    /// </exception>
    public IEnumerable<SampledTable> SampleChunksWhere(long rows, long seed, ConditionPlan plan, SamplingOptions? options = null,
        ConditionTally? tally = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!ReferenceEquals(plan.Owner, this))
            throw new ArgumentException("The plan was made by another model; make it with this model's PlanConditions.", nameof(plan));
        options ??= new SamplingOptions();
        var cursor = Open(0, rows, seed, plan.Pushed, options, plan.Filter is null ? null : new RowFilter(plan), cancellationToken);
        return Chunks(cursor, ChunkSize(options), tally);
    }

    /// <summary>The learned columns as this model's candidate rows hold them, or <c>null</c> when the model cannot check rows against a plan.</summary>
    private protected virtual IEnumerable<ColumnSlot>? CandidateSlots => null;

    /// <summary>
    /// Why a column of <see cref="Metadata"/> missing from <see cref="CandidateSlots"/> cannot be checked on candidate rows,
    /// when it is not simply generated; <c>null</c>: it is generated.
    /// </summary>
    private protected virtual string? UncheckableReason(ColumnMetadata column) => null;

    /// <summary><see cref="CandidateSlots"/>, for a model that wraps this one and checks its rows.</summary>
    internal IEnumerable<ColumnSlot>? TabularCandidateSlots => CandidateSlots;

    private static int ChunkSize(SamplingOptions options)
    {
        var chunk = options.ChunkRows;
        if (chunk <= 0) throw new ArgumentOutOfRangeException(nameof(options), chunk, "SamplingOptions.ChunkRows must be positive.");
        // Chunks start on block boundaries, so round the size up to whole blocks.
        return (int)Math.Min(int.MaxValue / 2, ((long)chunk + SampleCursor.BlockSize - 1) / SampleCursor.BlockSize * SampleCursor.BlockSize);
    }

    /// <summary>
    /// Draws one row per row of <paramref name="given"/>, in order: the given columns hold the given cells and every other
    /// column is drawn from the model's distribution conditional on them (a child table's rows given its parent's
    /// columns, say). The GaussianCopula conditions in closed form, dp-marginals by likelihood weighting on its tree, TVAE
    /// and CTGAN keep the nearest of several candidate rows (docs/databases.md, "Sampling given parent columns").
    /// Generated columns are generated as in
    /// <see cref="Sample"/>, and learned text columns are written from the finished row.
    /// </summary>
    /// <remarks>
    /// Row i draws only from its own stream, numbered <see cref="SamplingOptions.FirstRowNumber"/> + i (which also numbers
    /// generated keys), so the rows do not depend on the thread count, and a given table split into pieces, each sampled
    /// with <see cref="SamplingOptions.FirstRowNumber"/> set to the rows before it, gives exactly the rows of the whole.
    /// </remarks>
    /// <param name="given">The fixed cells: its columns are a subset of the model's, by name; <c>null</c> is a missing cell.</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="options">Threads and the number of the first row.</param>
    /// <param name="cancellationToken">Stops long samples.</param>
    /// <returns>Rows in the model's column order, the given cells formatted as the model formats their columns.</returns>
    /// <exception cref="SynthDataException">
    /// A given column is not a column of the model, is given twice or is written by a learned text model, or a numeric
    /// cell does not parse as its column's kind.
    /// </exception>
    public SampledTable SampleGiven(Table given, long seed, SamplingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(given);
        options ??= new SamplingOptions();
        CheckThreads(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.FirstRowNumber, nameof(options));
        var rows = GivenRows.Resolve(Metadata, TextModels.Select(t => t.Column).ToHashSet(StringComparer.Ordinal), given, options.FirstRowNumber);
        cancellationToken.ThrowIfCancellationRequested();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1, CancellationToken = cancellationToken };
        var root = new SynthRandom(seed);
        var table = GivenCells.Fix(DrawGiven(rows, root, options, parallel), rows);
        foreach (var model in TextModels)
        {
            var context = model.ContextColumns.Select(c => table[c].Cells()).ToList();
            var texts = model.Generate(context, rows.RowCount, rows.FirstRow, root.Derive("text:" + model.Column), parallel);
            table = table.WithTexts(Metadata.Columns.ToList().FindIndex(c => c.Name == model.Column), texts);
        }
        return table;
    }

    /// <summary>
    /// The rows for <paramref name="given"/>, every column drawn (the given ones are written over afterwards, learned text
    /// columns as their generated stand-ins). Row i may use only stream <c>FirstRow + i</c> of <paramref name="root"/>'s
    /// <c>given</c> stream and the generated columns' <see cref="GivenGeneratedColumns"/>. By default: the nearest of
    /// several unconditional candidates (<see cref="NearestCandidates"/>).
    /// </summary>
    private protected virtual SampledTable DrawGiven(GivenRows given, SynthRandom root, SamplingOptions options, ParallelOptions parallel) =>
        NearestCandidates.Draw(this, given, root, options, parallel);

    /// <summary>The recipes of the columns this model generates rather than learns (for the samplers of <see cref="Given"/>).</summary>
    internal IReadOnlyList<Sampling.Generated.GeneratedColumnSpec> GeneratedSpecs => GeneratedColumnSpecs;

    /// <summary>The recipes of the columns this model generates rather than learns.</summary>
    private protected abstract IReadOnlyList<Sampling.Generated.GeneratedColumnSpec> GeneratedColumnSpecs { get; }

    /// <summary>
    /// <paramref name="rows"/> rows of the tabular model alone, unconditioned (learned text columns left as their generated
    /// stand-ins): the candidates <see cref="NearestCandidates"/> chooses from.
    /// </summary>
    internal SampledTable SampleTabular(int rows, long seed, SamplingOptions options, CancellationToken cancellationToken) =>
        OpenCursor(0, rows, seed, [], options, null, cancellationToken).Next(rows);

    /// <summary>The cursor of <see cref="OpenCursor"/>, for a model that wraps this one (conditions already checked by it).</summary>
    internal SampleCursor OpenTabularCursor(long startRow, long rows, long seed, IReadOnlyList<Condition> conditions, SamplingOptions options,
        RowFilter? filter, CancellationToken cancellationToken) =>
        OpenCursor(startRow, rows, seed, conditions, options, filter, cancellationToken);

    private static void CheckThreads(SamplingOptions options)
    {
        if (options.MaxDegreeOfParallelism is <= 0)
            throw new SynthDataException($"The thread count must be 1 or more, not {options.MaxDegreeOfParallelism}.",
                hint: "Leave it unset to use every core.");
    }

    private static IEnumerable<SampledTable> Chunks(SampleCursor cursor, int chunk, ConditionTally? tally)
    {
        while (cursor.Remaining > 0)
        {
            var next = cursor.Next((int)Math.Min(chunk, cursor.Remaining));
            if (tally is not null)
            {
                var (examined, accepted) = cursor.Candidates ?? (cursor.Produced, cursor.Produced);
                tally.Set(examined, accepted);
            }
            yield return next;
        }
    }

    private SampleCursor Open(long startRow, long rows, long seed, IReadOnlyList<Condition>? conditions, SamplingOptions? options, RowFilter? filter,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        options ??= new SamplingOptions();
        CheckThreads(options);
        conditions ??= [];
        if (TextModels.Count == 0) return OpenCursor(startRow, rows, seed, conditions, options, filter, cancellationToken);
        if (conditions.FirstOrDefault(c => TextModelOf(c.Column) is not null) is { } onText)
            throw new SynthDataException($"The condition {onText} is on '{onText.Column}', a column written by a learned text model, which cannot be conditioned on.",
                columnName: onText.Column, hint: "Condition on the columns the text is conditioned on instead, or filter the sampled rows afterwards.");
        return new TextSampleCursor(OpenCursor(startRow, rows, seed, conditions, options, filter, cancellationToken), TextModels, seed, options, cancellationToken);
    }

    /// <summary>
    /// Plans a sample (conditions are checked here) and returns its cursor over <paramref name="rows"/> rows from sample
    /// row <paramref name="startRow"/> (a block boundary).
    /// </summary>
    /// <param name="startRow">The first sample row the cursor hands out (a multiple of the block size).</param>
    /// <param name="rows">Rows the cursor hands out.</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="conditions">Conditions the model meets itself.</param>
    /// <param name="options">Threads, candidate budget, first row number.</param>
    /// <param name="filter">The rest of a condition plan, checked on candidate rows in the slots of <see cref="CandidateSlots"/>; <c>null</c>: none.</param>
    /// <param name="cancellationToken">Stops long samples.</param>
    private protected abstract SampleCursor OpenCursor(long startRow, long rows, long seed, IReadOnlyList<Condition> conditions, SamplingOptions options,
        RowFilter? filter, CancellationToken cancellationToken);
}

/// <summary>One column of <see cref="SynthModel.DescribeColumns"/>.</summary>
/// <param name="Column">Column name.</param>
/// <param name="Kind">The column's kind.</param>
/// <param name="Summary">How it is modelled, e.g. "GaussianKde + 4 point masses (94.4 %)" or "generated: Sequence".</param>
public sealed record ColumnModelSummary(string Column, Metadata.ColumnKind Kind, string Summary);

/// <summary>The model kinds SynthFixtures knows.</summary>
public static class ModelKinds
{
    /// <summary>Gaussian copula with per-column marginals.</summary>
    public const string GaussianCopula = "gaussiancopula";

    /// <summary>Tabular variational autoencoder (Xu et al., 2019), trained with TorchSharp, sampled in pure C#.</summary>
    public const string Tvae = "tvae";

    /// <summary>Conditional tabular GAN (Xu et al., 2019), trained with TorchSharp, sampled in pure C#.</summary>
    public const string Ctgan = "ctgan";

    /// <summary>Differentially private marginal model (MST: a tree of noisy one-way and two-way marginals, plus second parents from noisy three-way marginals), pure C#.</summary>
    public const string DpMarginals = "dp-marginals";
}

/// <summary>The audit trail of a model: which data it learned from and with which seed.</summary>
/// <param name="SourceDataSha256">Hex SHA-256 of the training CSV's bytes (or of the table's cells when there was no file).</param>
/// <param name="SourceRows">Rows in the training data.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="SourceName">File name (no directory) of the training data, if any.</param>
public sealed record ModelProvenance(string SourceDataSha256, int SourceRows, long Seed, string? SourceName)
{
    /// <summary>
    /// What a differentially private model records instead of the data's hash: a hash would let anyone who can guess
    /// the training table check the guess exactly, which no DP guarantee survives.
    /// </summary>
    public const string WithheldHash = "withheld (differentially private model)";

    /// <summary>The provenance of a model trained on <paramref name="table"/> with <paramref name="seed"/>.</summary>
    public static ModelProvenance Of(Data.Table table, long seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(Data.TableHash.Compute(table), table.RowCount, seed, table.SourcePath is null ? null : Path.GetFileName(table.SourcePath));
    }
}
