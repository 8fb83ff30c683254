using SynthFixtures.Models.Relational;
using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling.Relational;

/// <summary>One generated database written as a folder of CSVs (one per table, named after it).</summary>
public sealed record RelationalSamplingRequest
{
    /// <summary>The multi-table model.</summary>
    public required RelationalModel Model { get; init; }

    /// <summary>The folder the CSVs go into (made if missing); each file appears whole, and all of them or none.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>Size relative to the source: root tables get round(scale × source rows) rows, children follow their parents.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>The sampling seed: the same model, scale and seed give byte-identical files.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Threads (the output does not depend on them).</summary>
    public SamplingOptions Options { get; init; } = new();

    /// <summary>Files that must not be overwritten (the model file, source CSVs), with what they are, for the error.</summary>
    public IReadOnlyList<(string? Path, string What)> Inputs { get; init; } = [];
}
