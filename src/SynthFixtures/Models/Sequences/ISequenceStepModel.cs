using SynthFixtures.Data;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// The per-step part of a sequence model: given each entity's context and length, draws the entity's steps one after the
/// other, each conditioned on the context and the steps before it. Two kinds implement it: the neural PAR-style recurrent
/// model (trained with TorchSharp, sampled here in pure C#) and the lagged-copula baseline. The sequence model around it
/// draws the contexts and lengths (a tabular model) and writes the entity and index columns.
/// </summary>
public interface ISequenceStepModel
{
    /// <summary>The step model kind (<see cref="SequenceModelKinds"/>).</summary>
    string Kind { get; }

    /// <summary>Known covariates the model reads per step (<see cref="SequenceStepRequest.Covariates"/>); 0 when it was trained without.</summary>
    int CovariateCount { get; }

    /// <summary>Draws the steps of <see cref="SequenceStepRequest.Lengths"/>.Count entities.</summary>
    /// <returns>Σ lengths rows of the step columns, entity after entity, each entity's steps in order.</returns>
    /// <remarks>
    /// Entity <c>i</c> of the request draws only from <c>request.Random.Derive(request.FirstEntity + i)</c>, so an entity's
    /// steps do not depend on how entities are split into requests or over threads.
    /// </remarks>
    SampledTable SampleSteps(SequenceStepRequest request, CancellationToken cancellationToken = default);

    /// <summary>The model's parameters for the sequence artifact (read back by the kind's decoder).</summary>
    byte[] ToBytes();

    /// <summary>
    /// The labels the model draws in the step column <paramref name="column"/>, so a step condition naming another label
    /// is refused up front; <c>null</c> when the column is drawn as numbers or the model does not say.
    /// </summary>
    IReadOnlyList<string?>? LabelsOf(string column) => null;
}

/// <summary>What a step model draws from.</summary>
/// <param name="Contexts">One row per entity: the context columns' cells as text (the context model's output, or real contexts); without context columns a table of no columns, so of no rows.</param>
/// <param name="Lengths">Steps per entity, one per row of <paramref name="Contexts"/>.</param>
/// <param name="FirstEntity">The number of the request's first entity within the whole sample.</param>
/// <param name="Random">The sample's step stream; entity <c>i</c> derives its own from it.</param>
/// <param name="Covariates">
/// Per entity, its steps' known covariates computed from the generated index (<see cref="Transforms.Sequences.StepCovariates"/>),
/// step-major (<c>length × count</c>); <c>null</c> when the model was trained without covariates.
/// </param>
/// <param name="Filter">
/// Step conditions to respect while drawing (<see cref="Conditions.SequenceStepFilter"/>), or <c>null</c>: the sampler
/// gives one only when a sample has step conditions, each request a filter of its own.
/// </param>
public sealed record SequenceStepRequest(Table Contexts, IReadOnlyList<int> Lengths, long FirstEntity, SynthRandom Random,
    IReadOnlyList<float[]>? Covariates = null, Conditions.SequenceStepFilter? Filter = null)
{
    /// <summary>
    /// Entity <paramref name="entity"/>'s covariates (<c>length × count</c>), checked against the model's
    /// <paramref name="count"/>; empty when the model has none.
    /// </summary>
    /// <exception cref="ArgumentException">The request's covariates do not fit the model's.</exception>
    public ReadOnlySpan<float> CovariatesOf(int entity, int count)
    {
        if (count == 0)
        {
            if (Covariates is not null && Covariates.Count > 0 && Covariates[entity].Length > 0)
                throw new ArgumentException("The request gives step covariates to a model trained without them.");
            return [];
        }
        if (Covariates is null || Covariates.Count != Lengths.Count)
            throw new ArgumentException($"The model needs {count} step covariates per step for each entity.");
        var values = Covariates[entity];
        if (values.Length != Lengths[entity] * count)
            throw new ArgumentException($"Entity {entity} has {values.Length} covariate values for {Lengths[entity]} steps of {count}.");
        return values;
    }
}

/// <summary>The step model kinds.</summary>
public static class SequenceModelKinds
{
    /// <summary>PAR-style: a GRU over the steps, conditioned on the context, mixed-type outputs (TorchSharp training).</summary>
    public const string Par = "par";

    /// <summary>The baseline: a Gaussian copula over each step's values, the previous step's and the context (pure C#).</summary>
    public const string LaggedCopula = "lagged-copula";
}
