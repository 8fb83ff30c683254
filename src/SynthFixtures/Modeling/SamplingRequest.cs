using SynthFixtures.Modeling.Plans;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Modeling.Replacing;
using SynthFixtures.Models;
using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling;

/// <summary>One sample written to a file: which model, how many rows with which seed and conditions, and where they go.</summary>
public sealed record SamplingRequest
{
    /// <summary>The model to sample.</summary>
    public required SynthModel Model { get; init; }

    /// <summary>
    /// Rows of the whole sample (zero or more): they are drawn and written chunk by chunk, so any count fits in memory.
    /// With a <see cref="Shard"/>, the file holds only that shard's part of them.
    /// </summary>
    public required long Rows { get; init; }

    /// <summary>
    /// The part of the sample this run writes, for samples split across processes (a batch scheduler's array job);
    /// <c>null</c>: the whole sample. The shards' files joined in order hold exactly the rows of the whole sample (CSV:
    /// byte for byte, the header in shard 0 only). Refused with privacy filters and with conditions checked row by row,
    /// whose rows depend on every candidate before them.
    /// </summary>
    public SampleShard? Shard { get; init; }

    /// <summary>How the rows are written: <see cref="CsvSampleFormat"/> (the default) or another format, e.g. Parquet.</summary>
    public ISampleFileFormat Format { get; init; } = CsvSampleFormat.Instance;

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

    /// <summary>
    /// Several requests drawn one after the other into the sample, each with its own count and conditions and its own
    /// seed derived from <see cref="Seed"/>; <see cref="Rows"/> must equal their total and <see cref="Conditions"/> be
    /// empty. <c>null</c>: one draw of <see cref="Rows"/> rows under <see cref="Conditions"/>.
    /// </summary>
    public GenerationPlan? Plan { get; init; }

    /// <summary>
    /// Rules applied to every drawn row, in order, after drawing (and filtering) and before the steps: each writes its
    /// value where its condition holds; the rows each touched are in <see cref="SamplingResult.Replacements"/>. Empty: none.
    /// </summary>
    public IReadOnlyList<ReplaceRule> Replacements { get; init; } = [];
}
