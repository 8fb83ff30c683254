using SynthFixtures;

namespace SynthFixtures.Generators.Tests.Fixtures;

/// <summary>A garment department, for reviews.</summary>
public enum Garment { Tops, Dresses, Bottoms, Jackets }

/// <summary>
/// A review whose body a language model writes from the review's own values (positionally through Uses and by name),
/// and whose title is written from the body; some titles are null.
/// </summary>
[Synthesize]
public partial record Review
{
    [SynthKey] public int Id { get; init; }
    [SynthRange(1, 5)] public int Rating { get; init; }
    public Garment Garment { get; init; }
    [SynthRange("2024-01-01", "2024-12-31")] public DateOnly Posted { get; init; }
    [SynthRange(0.0, 1.0)] public double Fit { get; init; }

    [Text(Prompt = "A {0}-star review of {1} posted on {Posted}, fit {Fit:0.00}", Uses = new[] { nameof(Rating), nameof(Garment) },
        Temperature = 0.7, MaxTokens = 120)]
    public string Body { get; init; } = "";

    [Text(Prompt = "A title for: {Body}", Candidates = 3), NullRate(0.25)]
    public string? Title { get; init; }
}
