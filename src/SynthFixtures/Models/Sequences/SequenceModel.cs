using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// A trained sequence model: a tabular <see cref="ContextModel"/> draws each entity's context columns, length and index
/// start; a <see cref="StepModel"/> draws its steps given the context; the <see cref="Index"/> recipe writes the index
/// from the start (regular steps exactly) and the <see cref="EntityKeys"/> give every entity a key of the source's shape,
/// unique within the sample. Load one from a sequence model file with <see cref="SequenceModelArtifact.Load"/>.
/// </summary>
public sealed class SequenceModel
{
    /// <summary>Assembles a sequence model from its parts.</summary>
    /// <exception cref="ArgumentException">The parts disagree: a column of the metadata that no part writes, or a context column the context model lacks.</exception>
    public SequenceModel(SequenceMetadata sequence, TableMetadata metadata, SynthModel contextModel, SequenceContextLayout context,
        ISequenceStepModel stepModel, SequenceIndexRecipe index, IReadOnlyList<EntityKeyRecipe> entityKeys, ModelProvenance provenance, int sourceEntities,
        Transforms.Sequences.StepCovariates? covariates = null, IReadOnlyList<Sampling.Generated.GeneratedColumnSpec>? generatedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(contextModel);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stepModel);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(entityKeys);
        ArgumentNullException.ThrowIfNull(provenance);
        foreach (var name in sequence.ContextColumns.Append(context.LengthColumn).Concat(context.StartColumn is null ? [] : [context.StartColumn]))
            if (contextModel.Metadata.Find(name) is null)
                throw new ArgumentException($"The context model has no column '{name}'.", nameof(contextModel));
        foreach (var name in sequence.EntityColumns)
            if (entityKeys.All(k => k.Column != name)) throw new ArgumentException($"The entity column '{name}' has no key recipe.", nameof(entityKeys));
        if (index.EntityGaps is { } gaps && contextModel.Metadata.Find(gaps.CountColumn) is null)
            throw new ArgumentException($"The context model has no column '{gaps.CountColumn}' for the entities' gaps.", nameof(contextModel));
        foreach (var key in entityKeys.Where(k => k.IsLearned))
            if (contextModel.Metadata.Find(key.Column) is null) throw new ArgumentException($"The context model has no column '{key.Column}' for the learned key column.", nameof(contextModel));
        if (entityKeys.Count > 0 && entityKeys.All(k => k.IsLearned)) throw new ArgumentException("Every entity column is learned; one must be generated.", nameof(entityKeys));
        if ((sequence.IndexColumn is null) != (index.Step.Kind == Transforms.Sequences.SequenceStepKind.RowOrder) || (sequence.IndexColumn is null) != (context.StartColumn is null))
            throw new ArgumentException("The index recipe, the start column and the sequence's index column disagree.", nameof(index));
        if ((covariates?.Count ?? 0) != stepModel.CovariateCount)
            throw new ArgumentException($"The step model reads {stepModel.CovariateCount} covariates a step, but the sequence model gives {covariates?.Count ?? 0}.", nameof(covariates));
        if (covariates is { ReadsIndex: true } && !index.Step.IsRegular)
            throw new ArgumentException("Step covariates that read the index need a regular index, laid out before the steps are drawn.", nameof(covariates));
        if (index.Step.Kind == Transforms.Sequences.SequenceStepKind.Irregular && index.StepColumn is null)
            throw new ArgumentException("An irregular index needs its step column.", nameof(index));
        Sequence = sequence;
        Metadata = metadata;
        ContextModel = contextModel;
        Context = context;
        StepModel = stepModel;
        Index = index;
        EntityKeys = entityKeys;
        Provenance = provenance;
        SourceEntities = sourceEntities;
        Covariates = covariates;
        GeneratedColumns = generatedColumns ?? [];
        foreach (var spec in GeneratedColumns)
            if (metadata.Find(spec.Name) is null || sequence.IsEntityLevel(spec.Name))
                throw new ArgumentException($"The generated column '{spec.Name}' is not a per-step column of the model.", nameof(generatedColumns));
        StepColumns = metadata.Columns.Where(c => !sequence.IsEntityLevel(c.Name) && GeneratedColumns.All(g => g.Name != c.Name)).ToList();
        LearnedKeyColumns = entityKeys.Where(k => k.IsLearned).Select(k => k.Column).ToList();
        StepContextColumns = [.. sequence.ContextColumns, .. LearnedKeyColumns];
    }

    /// <summary>The entity columns learned from their labels by the context model (<see cref="EntityKeyShape.Labels"/>); empty when every key column is generated.</summary>
    public IReadOnlyList<string> LearnedKeyColumns { get; }

    /// <summary>The columns the step model is conditioned on: the context columns, then the learned key columns.</summary>
    public IReadOnlyList<string> StepContextColumns { get; }

    /// <summary>The step model kind (<see cref="SequenceModelKinds"/>), which names the sequence model as a whole.</summary>
    public string Kind => StepModel.Kind;

    /// <summary>Which columns are entity, index and context columns.</summary>
    public SequenceMetadata Sequence { get; }

    /// <summary>The columns of the sampled rows (long format), in the source's order.</summary>
    public TableMetadata Metadata { get; }

    /// <summary>
    /// The per-step columns no model learns (identifiers, free text, personal data), generated per step as tabular
    /// samples generate them; empty for models without such columns.
    /// </summary>
    public IReadOnlyList<Sampling.Generated.GeneratedColumnSpec> GeneratedColumns { get; }

    /// <summary>The per-step columns the step model writes, in <see cref="Metadata"/> order.</summary>
    public IReadOnlyList<ColumnMetadata> StepColumns { get; }

    /// <summary>The tabular model of one row per entity: context columns, length, index start.</summary>
    public SynthModel ContextModel { get; }

    /// <summary>The context model's length and start columns.</summary>
    public SequenceContextLayout Context { get; }

    /// <summary>The per-step model.</summary>
    public ISequenceStepModel StepModel { get; }

    /// <summary>How the index is written.</summary>
    public SequenceIndexRecipe Index { get; }

    /// <summary>How each entity column's keys are written.</summary>
    public IReadOnlyList<EntityKeyRecipe> EntityKeys { get; }

    /// <summary>Where the model came from (rows are the source's rows, not entities).</summary>
    public ModelProvenance Provenance { get; }

    /// <summary>Entities in the training data.</summary>
    public int SourceEntities { get; }

    /// <summary>
    /// The known per-step inputs (calendar cycles, or trends: position and index value) computed from each entity's
    /// index and given to the step model, or <c>null</c> when it was trained without them.
    /// </summary>
    public Transforms.Sequences.StepCovariates? Covariates { get; }

    /// <summary>
    /// The differential-privacy plan of the whole model (context model, step model, what is public) for a model trained
    /// with entity-level privacy; <c>null</c> for a model without a guarantee.
    /// </summary>
    public Privacy.PrivacyPlan? Privacy { get; init; }

    /// <summary>
    /// Draws <paramref name="entities"/> entities in chunks of about <see cref="SamplingOptions.ChunkRows"/> steps
    /// (at least one entity each), drawn as they are enumerated. Entity <c>i</c>'s context comes from the context model's
    /// row <c>i</c> and its steps from its own stream, so the same model, seed and conditions give the same entities for
    /// any thread count and chunk size.
    /// </summary>
    /// <param name="entities">Entities in all (0 or more).</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="conditions">Conditions on context columns, met by the context model for every entity.</param>
    /// <param name="options">Threads, candidate budget and chunk size.</param>
    /// <param name="cancellationToken">Checked before each chunk and between entities.</param>
    /// <exception cref="SynthDataException">
    /// A condition names a column that is not a context column (an entity, index or per-step column, or no column), or
    /// the context model cannot meet it, or an entity column's key shape has fewer distinct keys than <paramref name="entities"/>
    /// (thrown here, before any chunk); or it is too rare for the candidate budget
    /// (thrown while enumerating).
    /// </exception>
    public IEnumerable<SampledSequences> SampleEntities(long entities, long seed, IReadOnlyList<Condition>? conditions = null,
        SamplingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entities);
        return new SequenceSampler(this).Chunks(entities, seed, conditions ?? [], options ?? new SamplingOptions(), cancellationToken);
    }

    /// <summary>
    /// Draws <paramref name="entities"/> entities as <see cref="SampleEntities(long, long, IReadOnlyList{Condition}?, SamplingOptions?, CancellationToken)"/>
    /// does, each also meeting <paramref name="stepConditions"/> (conditions on per-step columns, with the steps they apply to).
    /// </summary>
    /// <param name="entities">Entities in all (0 or more).</param>
    /// <param name="seed">Seed for every random choice.</param>
    /// <param name="conditions">Conditions on context columns, met by the context model for every entity.</param>
    /// <param name="stepConditions">
    /// Conditions on per-step columns, all met by every entity. <see cref="Conditions.StepScope.First"/>,
    /// <see cref="Conditions.StepScope.Some"/> and <see cref="Conditions.StepScope.Last"/> are met exactly (the entities
    /// are the model's entities that meet them, contexts and lengths included); under <see cref="Conditions.StepScope.Every"/>
    /// the first step is exact and each later step is drawn from the model's step-by-step conditional restricted to the
    /// allowed values (not the exact conditional given the later steps' conditions).
    /// </param>
    /// <param name="tally">Receives the entity attempts, entities kept and steps redrawn, as the chunks are drawn; may be <c>null</c>.</param>
    /// <param name="options">Threads, candidate budget (entity attempts) and chunk size.</param>
    /// <param name="cancellationToken">Checked before each chunk and between attempts.</param>
    /// <exception cref="SynthDataException">
    /// As the overload without step conditions; also a step condition on a column that is not a per-step column, a value
    /// that does not parse or a label the model never draws (thrown here), or step conditions too rare for the candidate
    /// budget (thrown while enumerating, with the measured acceptance rate).
    /// </exception>
    public IEnumerable<SampledSequences> SampleEntities(long entities, long seed, IReadOnlyList<Condition>? conditions,
        IReadOnlyList<Conditions.StepCondition> stepConditions, Conditions.StepConditionTally? tally, SamplingOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entities);
        ArgumentNullException.ThrowIfNull(stepConditions);
        return new SequenceSampler(this).Chunks(entities, seed, conditions ?? [], options ?? new SamplingOptions(), cancellationToken, stepConditions, tally);
    }

    /// <summary>Draws <paramref name="entities"/> entities at once: the chunks of <see cref="SampleEntities(long, long, IReadOnlyList{Condition}?, SamplingOptions?, CancellationToken)"/> joined.</summary>
    /// <exception cref="SynthDataException">As <see cref="SampleEntities(long, long, IReadOnlyList{Condition}?, SamplingOptions?, CancellationToken)"/>.</exception>
    public SampledSequences Sample(int entities, long seed, IReadOnlyList<Condition>? conditions = null, SamplingOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Sample(entities, seed, conditions, [], null, options, cancellationToken);

    /// <summary>Draws <paramref name="entities"/> entities at once under step conditions: the chunks of the matching <c>SampleEntities</c> joined.</summary>
    /// <exception cref="SynthDataException">As <see cref="SampleEntities(long, long, IReadOnlyList{Condition}?, IReadOnlyList{Conditions.StepCondition}, Conditions.StepConditionTally?, SamplingOptions?, CancellationToken)"/>.</exception>
    public SampledSequences Sample(int entities, long seed, IReadOnlyList<Condition>? conditions, IReadOnlyList<Conditions.StepCondition> stepConditions,
        Conditions.StepConditionTally? tally = null, SamplingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entities);
        options = (options ?? new SamplingOptions()) with { ChunkRows = int.MaxValue };
        var chunks = SampleEntities(entities, seed, conditions, stepConditions, tally, options, cancellationToken).ToList();
        return chunks.Count switch
        {
            0 => new SequenceSampler(this).Empty(),
            1 => chunks[0],
            _ => Join(chunks),
        };
    }

    /// <summary>Chunks joined in order (a conditioned sample is drawn in chunks of at most a block of entities).</summary>
    private static SampledSequences Join(IReadOnlyList<SampledSequences> chunks)
    {
        var rows = chunks.Select(c => c.Rows).ToList();
        var columns = rows[0].Columns.Select((_, c) => SampledColumns.Concat(rows.Select(r => r.Columns[c]).ToList())).ToArray();
        return new SampledSequences(chunks[0].FirstEntity, chunks.SelectMany(c => c.Lengths).ToList(),
            new SampledTable(rows[0].Metadata, columns, rows.Sum(r => r.RowCount)));
    }
}
