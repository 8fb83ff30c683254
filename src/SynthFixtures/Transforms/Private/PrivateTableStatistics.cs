using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;

namespace SynthFixtures.Transforms.Private;

/// <summary>
/// The preprocessing of a DP-SGD model, as Gaussian measurements: for every modelled column one count vector with
/// noise N(0, σ²) per entry — a numeric column's counts on its <see cref="PublicGrid"/> plus its missing count, a
/// categorical column's label counts (released by a threshold, <see cref="NoisyLabelCounts"/>) plus its missing count.
/// One row sits in exactly one entry of each vector, so each vector has L2 sensitivity 1 under adding or removing a
/// row: the whole step is one Gaussian measurement per column. Everything a trainer needs before its first step (mode
/// fits, category lists, ranges, missing flags and rates, condition frequencies) is derived from these vectors alone.
/// </summary>
public sealed class PrivateTableStatistics
{
    /// <summary>
    /// A missing count is released as "the column has missing values" when it clears σ times this quantile: with no
    /// missing value at all, a column gets a missing flag with probability 0.05. The missing cell exists in every column,
    /// so unlike a label its release needs no δ.
    /// </summary>
    private static readonly double MissingZ = -StandardNormal.InverseCdf(0.05);

    private PrivateTableStatistics(PrivateColumnStatistics[] columns) => Columns = columns;

    /// <summary>The modelled columns' statistics, in metadata order.</summary>
    public IReadOnlyList<PrivateColumnStatistics> Columns { get; }

    /// <summary>The statistics of the modelled column <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No modelled column has that name.</exception>
    public PrivateColumnStatistics this[string name] =>
        Columns.FirstOrDefault(c => c.Metadata.Name == name) ?? throw new ArgumentException($"No modelled column '{name}'.", nameof(name));

    /// <summary>The name of <see cref="Step(TableMetadata, double)"/> in a plan, by which the trainers find its noise.</summary>
    public const string StepName = "preprocessing";

    /// <summary>How many Gaussian measurements <see cref="Measure"/> makes for <paramref name="metadata"/>: one per modelled column.</summary>
    public static int MeasurementsFor(TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Columns.Count(c => c.IsModelled);
    }

    /// <summary>How many of those measurements release labels by a threshold (the categorical and boolean columns), each spending part of δ.</summary>
    public static int LabelMeasurementsFor(TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Columns.Count(c => c.IsModelled && !c.IsNumeric);
    }

    /// <summary>
    /// The plan step of <see cref="Measure"/> on a table with <paramref name="metadata"/>: one measurement per modelled
    /// column, the categorical ones thresholded, at <paramref name="share"/> of ρ(ε).
    /// </summary>
    public static DpSgdPreprocessing Step(TableMetadata metadata, double share = DpSgdPreprocessing.DefaultShare) =>
        Step(MeasurementsFor(metadata), LabelMeasurementsFor(metadata), share);

    /// <summary>
    /// The plan step of <see cref="Measure"/> on a table of <paramref name="modelledColumns"/> modelled columns, of which
    /// <paramref name="labelColumns"/> categorical or boolean (for planning before the data is read).
    /// </summary>
    public static DpSgdPreprocessing Step(int modelledColumns, int labelColumns, double share = DpSgdPreprocessing.DefaultShare) =>
        new(StepName, share, modelledColumns, labelColumns,
            "one noisy count vector per modelled column: a numeric column's counts on its public grid and its missing count " +
            "(modes fitted to the kept cells, range from the outermost kept cells, missing flag and rate), a categorical column's " +
            "label counts and its missing count (labels released above 1 + σ·z(δ), condition frequencies, missing flag and rate)");

    /// <summary>
    /// Measures every modelled column of <paramref name="table"/> with noise of standard deviation <paramref name="sigma"/>
    /// per count, each column from its own stream <c>preprocessing:&lt;name&gt;</c> of <paramref name="noise"/>.
    /// </summary>
    /// <param name="table">The training rows.</param>
    /// <param name="metadata">Their column kinds (public).</param>
    /// <param name="sigma">σ of every count's noise.</param>
    /// <param name="labelDelta">δ of each categorical column's label threshold.</param>
    /// <param name="noise">The secret noise stream.</param>
    /// <param name="cancellationToken">Checked between columns.</param>
    /// <param name="unitRows">Rows in the unit the guarantee protects (1; DP-CTGAN: a pac group), the most one unit adds to a label's count.</param>
    /// <exception cref="SynthDataException">A numeric cell does not parse, or a metadata column is absent from the table.</exception>
    public static PrivateTableStatistics Measure(Table table, TableMetadata metadata, double sigma, double labelDelta, SynthRandom noise,
        CancellationToken cancellationToken = default, int unitRows = 1)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(noise);
        if (!(sigma > 0) || !double.IsFinite(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "The noise must be positive and finite.");
        if (!(labelDelta > 0 && labelDelta < 1)) throw new ArgumentOutOfRangeException(nameof(labelDelta), labelDelta, "δ must lie in (0, 1).");
        var missingThreshold = sigma * MissingZ;
        var columns = new List<PrivateColumnStatistics>();
        foreach (var column in metadata.Columns.Where(c => c.IsModelled))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = table.IndexOf(column.Name);
            var stream = noise.Derive("preprocessing:" + column.Name);
            if (column.IsNumeric)
            {
                var values = ColumnValues.ToDoubles(table, index, column);
                var histogram = NoisyGridHistogram.Measure(values, PublicGrid.For(column.Kind), sigma, stream, measureMissing: true);
                columns.Add(PrivateColumnStatistics.Numeric(column, histogram, Missing(histogram.Missing!.Value, missingThreshold, histogram.Units.Sum(u => u.Mass))));
            }
            else
            {
                var labels = NoisyLabelCounts.Measure(table.Column(index), sigma, labelDelta, stream, measureMissing: true, unitRows);
                columns.Add(PrivateColumnStatistics.Categorical(column, labels, Missing(labels.Missing!.Value, missingThreshold, labels.Counts.Sum())));
            }
        }
        return new PrivateTableStatistics([.. columns]);
    }

    /// <summary>
    /// The missing flag, rate and count from the noisy missing count and the released noisy mass of the present values
    /// (the kept grid cells, the released labels): the rate is their ratio, so no exact row count enters it.
    /// </summary>
    private static (bool HasMissing, double Rate, double Count) Missing(double noisy, double threshold, double presentMass) =>
        noisy > threshold ? (true, Math.Clamp(noisy / (noisy + Math.Max(presentMass, 0)), 0, 1), noisy) : (false, 0, 0);
}
