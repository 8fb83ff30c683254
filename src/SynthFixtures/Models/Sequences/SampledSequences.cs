using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// A chunk of sampled entities in long format: <see cref="Rows"/> holds every step of every entity, entity after
/// entity, each entity's steps in index order; entity <c>i</c> of the chunk owns rows <see cref="EntityStart"/>(i) …
/// <see cref="EntityStart"/>(i) + <see cref="Lengths"/>[i] − 1. Its entity and context cells repeat on each of its rows.
/// </summary>
public sealed class SampledSequences
{
    private readonly int[] _starts;

    internal SampledSequences(long firstEntity, IReadOnlyList<int> lengths, SampledTable rows)
    {
        FirstEntity = firstEntity;
        Lengths = lengths;
        Rows = rows;
        _starts = new int[lengths.Count + 1];
        for (var i = 0; i < lengths.Count; i++) _starts[i + 1] = _starts[i] + lengths[i];
        if (_starts[^1] != rows.RowCount)
            throw new ArgumentException($"The entities' lengths add up to {_starts[^1]} steps, but there are {rows.RowCount} rows.", nameof(rows));
    }

    /// <summary>The number of the chunk's first entity within the whole sample.</summary>
    public long FirstEntity { get; }

    /// <summary>Entities in the chunk.</summary>
    public int EntityCount => Lengths.Count;

    /// <summary>Steps of each entity, in order.</summary>
    public IReadOnlyList<int> Lengths { get; }

    /// <summary>Every step of every entity, columns in <see cref="SequenceModel.Metadata"/> order (the source's).</summary>
    public SampledTable Rows { get; }

    /// <summary>The row of <see cref="Rows"/> where entity <paramref name="entity"/> (0-based within the chunk) starts.</summary>
    public int EntityStart(int entity) => _starts[entity];
}
