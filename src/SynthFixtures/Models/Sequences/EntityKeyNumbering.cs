using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// Numbers the sampled entities for their generated key members. Without learned members (<see cref="EntityKeyShape.Labels"/>)
/// entity i gets number i. With them, only the tuple must be unique: an entity whose generated key is shared (probability
/// <see cref="EntityKeyRecipe.SharedShare"/>, drawn from its own stream) takes its rank among the earlier shared entities
/// with the same labels — so the first woman's job key is the first man's, as every job of the jobs panel appears for
/// both sexes — and any other entity the next number of its own. With both kinds the two are interleaved (even and
/// odd numbers) so they never meet. The counters run over the entities in sample order, which the context model fixes
/// independently of chunks and threads, so the numbers are too.
/// </summary>
internal sealed class EntityKeyNumbering
{
    private readonly string[] _learned;
    private readonly double _shared;
    private readonly Dictionary<string, long> _ranks = new(StringComparer.Ordinal);
    private long _own;

    public EntityKeyNumbering(IReadOnlyList<EntityKeyRecipe> keys)
    {
        _learned = keys.Where(k => k.IsLearned).Select(k => k.Column).ToArray();
        _shared = keys.FirstOrDefault(k => !k.IsLearned)?.SharedShare ?? 0;
    }

    /// <summary>Refuses a sample of <paramref name="entities"/> entities that the generated members cannot key as unique tuples.</summary>
    /// <exception cref="SynthDataException">A template has too few keys.</exception>
    public static void CheckRoom(IReadOnlyList<EntityKeyRecipe> keys, long entities)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var combinations = 1L;
        foreach (var learned in keys.Where(k => k.IsLearned)) combinations = (long)Math.Min((double)combinations * Math.Max(1, learned.Labels?.Count ?? 1), long.MaxValue / 2);
        // Only keys every entity shares can be reused with every combination; interleaved numbering needs each number once.
        var reused = keys.FirstOrDefault(k => !k.IsLearned)?.SharedShare >= 1 ? combinations : 1;
        foreach (var key in keys.Where(k => !k.IsLearned)) key.CheckRoomFor(entities, reused);
    }

    /// <summary>The key numbers of the <paramref name="count"/> entities from <paramref name="firstEntity"/>, whose context rows start at <paramref name="first"/>; call in sample order.</summary>
    public long[] Next(SampledTable contexts, int first, int count, long firstEntity, SynthRandom keys)
    {
        var numbers = new long[count];
        if (_learned.Length == 0)
        {
            for (var i = 0; i < count; i++) numbers[i] = firstEntity + i;
            return numbers;
        }
        var labels = _learned.Select(name => SampledColumns.Slice(contexts[name], first, count).Cells()).ToArray();
        var draws = keys.Derive("shared-keys");
        for (var i = 0; i < count; i++)
        {
            var shared = _shared >= 1 || (_shared > 0 && draws.Derive(firstEntity + i).NextDouble() < _shared);
            var interleaved = _shared is > 0 and < 1;
            if (shared)
            {
                // Each label written with its length, so no two label tuples give the same text; a missing label is its own group.
                var group = string.Concat(labels.Select(column => column[i] is { } label ? label.Length + ":" + label : "-"));
                var rank = _ranks.GetValueOrDefault(group);
                _ranks[group] = rank + 1;
                numbers[i] = interleaved ? 2 * rank : rank;
            }
            else
            {
                numbers[i] = interleaved ? 2 * _own + 1 : _own;
                _own++;
            }
        }
        return numbers;
    }
}
