using SynthFixtures.Models.Sequences;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// Fits the entity columns' key recipes. A single entity column is always generated. In a composite key, a member with
/// few labels that many entities share (at most <see cref="MaxLearnedLabels"/> labels, each held by two entities on
/// average; jobs' <c>sex</c>: 2 labels over 510 entities) is learned from its labels by the context model, and the
/// others are generated, unique within each combination of the learned labels. The member with the most distinct
/// values is always generated, so the tuple stays unique.
/// </summary>
internal static class EntityKeyFit
{
    /// <summary>At most this many labels make a key member learned (as lengths and starts are learned as labels).</summary>
    internal const int MaxLearnedLabels = SequenceFitter.MaxLabelledValues;

    public static List<EntityKeyRecipe> Fit(SequenceSet set)
    {
        var names = set.Sequence.EntityColumns;
        var distinct = names.Select((_, i) => set.Entities.Select(e => e.Key[i]).Distinct(StringComparer.Ordinal).ToList()).ToList();
        var kept = Enumerable.Range(0, names.Count).MaxBy(i => distinct[i].Count);
        var learned = Enumerable.Range(0, names.Count)
            .Select(i => names.Count >= 2 && i != kept && distinct[i].Count <= MaxLearnedLabels && 2 * distinct[i].Count <= set.Entities.Count)
            .ToArray();
        var shared = learned.Any(l => l) ? SharedShare(set, learned) : 0;
        return names.Select((name, i) => learned[i]
            ? new EntityKeyRecipe { Column = name, Shape = EntityKeyShape.Labels, Labels = [.. distinct[i].Order(StringComparer.Ordinal)] }
            : EntityKeyRecipe.Fit(name, distinct[i]) with { SharedShare = shared }).ToList();
    }

    /// <summary>The share of entities whose generated members' tuple also appears in another entity (with other learned labels).</summary>
    private static double SharedShare(SequenceSet set, bool[] learned)
    {
        var generated = Enumerable.Range(0, learned.Length).Where(i => !learned[i]).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var tuples = set.Entities.Select(e => string.Concat(generated.Select(i => e.Key[i].Length + ":" + e.Key[i]))).ToList();
        foreach (var tuple in tuples) counts[tuple] = counts.GetValueOrDefault(tuple) + 1;
        return set.Entities.Count == 0 ? 0 : tuples.Count(t => counts[t] > 1) / (double)set.Entities.Count;
    }
}
