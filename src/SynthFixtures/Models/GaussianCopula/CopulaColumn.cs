using SynthFixtures.Metadata;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// One modelled column's place in the copula: how many Gaussian dimensions it takes and where they start in the
/// joint vector. Numeric columns take one dimension (two when they have missing values: the second carries
/// missingness, so it can correlate with other columns); categorical and boolean columns take one.
/// </summary>
internal abstract class CopulaColumn(ColumnMetadata metadata, int sourceIndex)
{
    /// <summary>The column's metadata.</summary>
    public ColumnMetadata Metadata { get; } = metadata;

    /// <summary>Index of the column in the table (and in the metadata's column list).</summary>
    public int SourceIndex { get; } = sourceIndex;

    /// <summary>Position of this column among the model's copula columns.</summary>
    public int Index { get; set; }

    /// <summary>First dimension of this column in the joint Gaussian vector.</summary>
    public int FirstDimension { get; set; }

    /// <summary>Number of Gaussian dimensions this column uses.</summary>
    public abstract int Dimensions { get; }

    /// <summary>How the column is modelled, in a few words (for progress lines and <c>synthfixtures inspect</c>).</summary>
    public abstract string Describe();

    /// <summary>Column name, for messages.</summary>
    public string Name => Metadata.Name;
}
