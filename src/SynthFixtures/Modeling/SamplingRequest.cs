using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Models;
using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling;

/// <summary>One sample written to a file: which model, how many rows with which seed and conditions, and where they go.</summary>
public sealed record SamplingRequest
{
    /// <summary>The model to sample.</summary>
    public required SynthModel Model { get; init; }

    /// <summary>Rows to write (zero or more): they are drawn and written chunk by chunk, so any count fits in memory.</summary>
    public required int Rows { get; init; }

    /// <summary>Where the rows go; written under a temporary name beside it and moved into place only when complete.</summary>
    public required string OutputPath { get; init; }

    /// <summary>The sampling seed: the same model, seed and conditions give byte-identical files.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Conditions every row meets.</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>
    /// A row expression every row meets as well (<c>income = '&gt;50K' AND age &lt; 25</c>; see
    /// <see cref="Models.SynthModel.PlanConditions"/>): what it implies is met by the model, the rest filtered from
    /// candidates within the candidate budget; <c>null</c>: none.
    /// </summary>
    public string? Where { get; init; }

    /// <summary>Threads, rejection budget, chunk size.</summary>
    public SamplingOptions Options { get; init; } = new();

    /// <summary>
    /// Privacy filters that drop rows too close to a training row or too far from all of them, refilling from the
    /// model so <see cref="Rows"/> rows are still written; <c>null</c>: none.
    /// </summary>
    public PrivacyFilterRequest? PrivacyFilter { get; init; }

    /// <summary>
    /// Steps that rewrite each chunk between drawing and writing it (e.g. LLM-written text columns), in order, and the
    /// files they add beside the sample; empty: none.
    /// </summary>
    public IReadOnlyList<ISampleStep> Steps { get; init; } = [];
}
