namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>Which privacy filters drop synthetic rows while a sample is drawn.</summary>
[Flags]
public enum PrivacyFilterKinds
{
    /// <summary>No filter.</summary>
    None = 0,

    /// <summary>Drops rows suspiciously close to a reference (training) row: nearer than most real rows the model never saw get.</summary>
    Similarity = 1,

    /// <summary>Drops rows farther from every reference row than almost all real rows the model never saw are.</summary>
    Outliers = 2,

    /// <summary>Both filters.</summary>
    Both = Similarity | Outliers,
}
