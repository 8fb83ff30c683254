namespace SynthFixtures.Metadata.Relational;

/// <summary>What key detection found in a folder of CSVs, and what it could not decide.</summary>
/// <param name="Dataset">The tables with the detected primary and foreign keys (each with its evidence) and their profiles.</param>
/// <param name="Notes">Columns that look like keys but were not taken as one, and why (no table of that name, values missing from the parent): what a user may declare in the JSON.</param>
public sealed record RelationalDetection(RelationalDataset Dataset, IReadOnlyList<string> Notes);
