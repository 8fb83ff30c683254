namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>What the privacy filters make of one synthetic row.</summary>
public enum RowVerdict
{
    /// <summary>The row is written.</summary>
    Kept,

    /// <summary>Dropped: at or below the similarity threshold from a reference row.</summary>
    TooSimilar,

    /// <summary>Dropped: farther from every reference row than the outlier threshold.</summary>
    Outlier,
}
