using SynthFixtures.Data;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;

namespace SynthFixtures.Metadata;

/// <summary>
/// Profiles a table under zCDP, for differentially private models trained without metadata: the column kinds,
/// decimal places, date formats, keys and personal data that <see cref="TableProfiler"/> reads from the raw cells come
/// instead from one Gaussian measurement per column of a vector of counts (<see cref="ProfileCounts"/>: each cell's
/// shape, boolean word, decimal places, first date format and personal-data pattern, and the numbers of distinct and
/// once-seen values), with squared L2 sensitivity <see cref="ProfileCounts.SquaredSensitivity"/>. The kind is then
/// decided from the noisy counts alone (<see cref="PrivateKindRules"/>). Names are the CSV header, which is public.
/// </summary>
public static class PrivateProfiler
{
    /// <summary>The noise standard deviation per count that spends <paramref name="rho"/> over <paramref name="columns"/> columns.</summary>
    public static double NoiseFor(double rho, int columns) =>
        ZcdpBudget.GaussianNoiseFor(rho / columns, Math.Sqrt(ProfileCounts.SquaredSensitivity));

    /// <summary>
    /// The metadata of <paramref name="table"/> from noisy counts spending <paramref name="rho"/> (zCDP) in all; the noise
    /// comes from <paramref name="noise"/>, which must be secret (see <see cref="SecretSeed"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rho"/> is not a positive finite number.</exception>
    public static PrivateProfile Profile(Table table, double rho, SynthRandom noise, ProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(noise);
        if (!(rho > 0) || !double.IsFinite(rho)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "The profile needs a positive finite ρ.");
        options ??= ProfileOptions.Default;
        var layout = new ProfileCounts(options.DateTimeFormats);
        var nesting = new DateFormatNesting(options.DateTimeFormats);
        var sigma = NoiseFor(rho, Math.Max(1, table.ColumnCount));
        var columns = new ColumnMetadata[table.ColumnCount];
        for (var i = 0; i < columns.Length; i++)
        {
            var name = table.ColumnNames[i];
            var counts = layout.Count(name, table.Column(i));
            var stream = noise.Derive(name);
            for (var k = 0; k < counts.Length; k++) counts[k] += sigma * stream.NextNormal();
            columns[i] = PrivateKindRules.Decide(name, counts, sigma, layout, nesting, i == 0, options);
        }
        var metadata = new TableMetadata { Columns = columns, PrimaryKey = PrimaryKey(columns) };
        return new PrivateProfile(metadata, rho, sigma, columns.Length);
    }

    // As TableProfiler, from the decided kinds: the first identifier whose name looks like an id, else one in the first column.
    // (Whether a key is complete is not asked: keys are generated, so a missing cell in one changes nothing.)
    private static string? PrimaryKey(IReadOnlyList<ColumnMetadata> columns)
    {
        var id = columns.FirstOrDefault(c => c.Kind == ColumnKind.Identifier && ColumnNames.LooksLikeId(c.Name));
        return id?.Name ?? (columns.Count > 0 && columns[0].Kind == ColumnKind.Identifier ? columns[0].Name : null);
    }
}

/// <summary>What <see cref="PrivateProfiler"/> found and what it cost.</summary>
/// <param name="Metadata">The columns' kinds and formats, decided from noisy counts.</param>
/// <param name="Rho">The zCDP cost of all the measurements.</param>
/// <param name="NoiseStandardDeviation">σ of the Gaussian noise on each count.</param>
/// <param name="Columns">How many columns were measured (one vector each).</param>
public sealed record PrivateProfile(TableMetadata Metadata, double Rho, double NoiseStandardDeviation, int Columns)
{
    /// <summary>
    /// The measurements as unit-sensitivity counts: a vector of squared sensitivity k costs what k counts of sensitivity 1
    /// with the same σ cost, so a plan step with this many measurements has ρ = measurements / (2σ²).
    /// </summary>
    public int UnitMeasurements => Columns * ProfileCounts.SquaredSensitivity;

    /// <summary>
    /// σ over the whole profile's L2 sensitivity: the profile is one Gaussian mechanism with this noise multiplier, i.e. a
    /// step of an RDP accountant with sampling rate 1 (how DP-SGD plans add it to their accounting).
    /// </summary>
    public double NoiseMultiplier => NoiseStandardDeviation / Math.Sqrt(UnitMeasurements);

    /// <summary>The plan's line for the profile, given its <paramref name="share"/> of the budget.</summary>
    public PrivacyPlanStep PlanStep(double share) => new()
    {
        Name = "column kinds",
        Share = share,
        Rho = Rho,
        NoiseStandardDeviation = NoiseStandardDeviation,
        Measurements = UnitMeasurements,
        Detail = $"no metadata was given: one Gaussian measurement per column ({Columns}) of the counts of each cell shape, boolean word, " +
            "number of decimal places, first date format that reads it and personal-data pattern, and of distinct and once-seen values " +
            $"(L2 sensitivity √{ProfileCounts.SquaredSensitivity}, counted as {ProfileCounts.SquaredSensitivity} unit measurements per column); " +
            "the kinds, formats, keys and personal data are decided from the noisy counts",
    };
}
