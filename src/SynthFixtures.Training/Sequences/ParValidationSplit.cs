using SynthFixtures.Modeling.Neural;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Randomness;

namespace SynthFixtures.Training.Sequences;

/// <summary>
/// Early stopping's split of the sequences into training and validation parts. With at least
/// <see cref="ParOptions.MinEntitiesToHoldOut"/> entities, whole entities are held out (round(fraction · entities),
/// at least one, chosen with the seed), so no entity's rows are on both sides. With fewer (weather: 2 locations) one
/// held-out entity would be half the data, so each sequence's last round(fraction · length) steps (at least one,
/// leaving at least one) are held out instead: the network trains on the heads and is scored on the tails, reached by
/// running through each head first.
/// </summary>
internal sealed record ParValidationSplit(IReadOnlyList<ParSpan> Training, IReadOnlyList<ParSpan> Validation, bool Tails)
{
    /// <summary>Every entity whole, nothing held out.</summary>
    public static ParValidationSplit None(IReadOnlyList<int> lengths) =>
        new(lengths.Select((n, e) => new ParSpan(e, n, 0)).ToList(), [], false);

    /// <summary>The split for <paramref name="stopping"/>'s fraction.</summary>
    public static ParValidationSplit Of(IReadOnlyList<int> lengths, EarlyStoppingOptions stopping, long seed)
    {
        var fraction = stopping.ValidationFraction;
        if (lengths.Count >= ParOptions.MinEntitiesToHoldOut)
        {
            var count = Math.Clamp((int)Math.Round(fraction * lengths.Count), 1, lengths.Count - 1);
            var order = Enumerable.Range(0, lengths.Count).ToArray();
            Shuffling.Shuffle(order, new SynthRandom(seed).Derive("par:validation"));
            var held = order.Take(count).ToHashSet();
            return new ParValidationSplit(
                Enumerable.Range(0, lengths.Count).Where(e => !held.Contains(e)).Select(e => new ParSpan(e, lengths[e], 0)).ToList(),
                Enumerable.Range(0, lengths.Count).Where(held.Contains).Select(e => new ParSpan(e, lengths[e], 0)).ToList(), false);
        }
        var training = new List<ParSpan>();
        var validation = new List<ParSpan>();
        for (var e = 0; e < lengths.Count; e++)
        {
            var n = lengths[e];
            if (n < 2)
            {
                training.Add(new ParSpan(e, n, 0));
                continue;
            }
            var tail = Math.Clamp((int)Math.Round(fraction * n), 1, n - 1);
            training.Add(new ParSpan(e, n - tail, 0));
            validation.Add(new ParSpan(e, n, n - tail));
        }
        if (validation.Count == 0)
            throw new SynthDataException("Early stopping needs held-out steps, but every sequence has a single step.",
                hint: "Train without early stopping.");
        return new ParValidationSplit(training, validation, true);
    }
}
