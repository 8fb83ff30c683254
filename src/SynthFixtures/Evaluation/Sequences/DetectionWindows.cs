using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// Detection's units when a side has too few entities to cross-validate a classifier on (weather: 2 locations): each
/// entity is cut into non-overlapping windows of one fixed length from its first step (a shorter remainder is left
/// out), and each window is summarised as a sequence of its own. The length is the longest that gives both sides
/// <see cref="TargetWindows"/> windows, or failing that the longest that gives them the minimum, never shorter than
/// <see cref="MinLength"/> steps (below that a window's autocorrelation and spread say little).
/// </summary>
internal static class DetectionWindows
{
    /// <summary>The shortest window.</summary>
    public const int MinLength = 8;

    /// <summary>Windows per side the length aims for (enough for three folds of a classifier to learn something).</summary>
    public const int TargetWindows = 40;

    /// <summary>Both sides cut into windows, and the window length; <c>null</c> when even <see cref="MinLength"/>-step windows are fewer than <paramref name="minimum"/> on a side.</summary>
    public static (SequenceSet Real, SequenceSet Synthetic, int Length)? Cut(SequenceSet real, SequenceSet synthetic, int minimum)
    {
        var length = Longest(real, synthetic, Math.Max(TargetWindows, minimum)) ?? Longest(real, synthetic, minimum);
        return length is { } w ? (Windows(real, w), Windows(synthetic, w), w) : null;
    }

    private static int? Longest(SequenceSet real, SequenceSet synthetic, int windows)
    {
        var longest = Math.Min(real.Entities.Select(e => e.Length).DefaultIfEmpty().Max(), synthetic.Entities.Select(e => e.Length).DefaultIfEmpty().Max());
        for (var w = longest; w >= MinLength; w--)
            if (Count(real, w) >= windows && Count(synthetic, w) >= windows) return w;
        return null;
    }

    private static int Count(SequenceSet set, int length) => set.Entities.Sum(e => e.Length / length);

    private static SequenceSet Windows(SequenceSet set, int length) => set.WithEntities(set.Entities
        .SelectMany(e => Enumerable.Range(0, e.Length / length).Select(k =>
            new SequenceEntity([.. e.Key, $"window {k + 1}"], e.Rows.Skip(k * length).Take(length).ToArray())))
        .ToList());
}
