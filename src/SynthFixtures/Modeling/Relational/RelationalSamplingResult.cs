using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Modeling.Relational;

/// <summary>What a multi-table sample wrote.</summary>
/// <param name="Data">The generated tables.</param>
/// <param name="Files">Each table's CSV, in metadata order.</param>
public sealed record RelationalSamplingResult(RelationalDataset Data, IReadOnlyList<string> Files);
