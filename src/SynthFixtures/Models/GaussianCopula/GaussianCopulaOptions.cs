using SynthFixtures.Models.GaussianCopula.Marginals;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>Settings for fitting a <see cref="GaussianCopulaModel"/>. Every field is recorded in the model artifact.</summary>
public sealed record GaussianCopulaOptions
{
    /// <summary>Seed for every random choice made while fitting (category encodings, subsamples).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Families a numeric column's continuous part may take; the best by goodness of fit wins. <c>null</c> means all
    /// of <see cref="MarginalFamily"/>. Restrict it (for example to <see cref="MarginalFamily.Beta"/>) to mimic other tools.
    /// </summary>
    public IReadOnlyList<MarginalFamily>? MarginalFamilies { get; init; }

    /// <summary>
    /// A numeric value that recurs in at least this share of rows (and <see cref="AtomMinimumCount"/> rows) is
    /// modelled as a point mass, so spikes such as "0" in a mostly-zero column are reproduced exactly.
    /// </summary>
    public double AtomMinimumFraction { get; init; } = 0.005;

    /// <summary>Fewest rows a value needs to become a point mass; rare exact values are never memorised.</summary>
    public int AtomMinimumCount { get; init; } = 10;

    /// <summary>Value equality over the family list.</summary>
    public bool Equals(GaussianCopulaOptions? other) =>
        other is not null && Seed == other.Seed && AtomMinimumFraction.Equals(other.AtomMinimumFraction) && AtomMinimumCount == other.AtomMinimumCount
        && (MarginalFamilies ?? []).SequenceEqual(other.MarginalFamilies ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Seed, AtomMinimumFraction, AtomMinimumCount);
}
