using SynthFixtures.Data;

namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>
/// The privacy filters of one sample: the reference (the model's training rows, which the model itself never holds),
/// an optional holdout of real rows the model never saw, the options, and where the summary of what was dropped goes.
/// </summary>
public sealed record PrivacyFilterRequest
{
    /// <summary>The model's training rows.</summary>
    public required Table Reference { get; init; }

    /// <summary>Real rows the model never saw; <c>null</c>: a seeded share of <see cref="Reference"/> plays the holdout.</summary>
    public Table? Holdout { get; init; }

    /// <summary>Which filters, their quantiles, the candidate budget.</summary>
    public PrivacyFilterOptions Options { get; init; } = new();

    /// <summary>Where the summary JSON goes; <c>null</c>: not written (the sampling result still carries it).</summary>
    public string? SummaryPath { get; init; }

    /// <summary>A request reading the reference (and holdout, if given) from CSV files.</summary>
    /// <exception cref="SynthDataException">A file is missing or is not a readable CSV.</exception>
    public static PrivacyFilterRequest FromCsv(string referencePath, string? holdoutPath, PrivacyFilterOptions options,
        CsvReadOptions? readOptions = null) => new()
    {
        Reference = CsvTableReader.Read(referencePath, readOptions),
        Holdout = holdoutPath is null ? null : CsvTableReader.Read(holdoutPath, readOptions),
        Options = options,
    };

    /// <summary>
    /// A request from the whole table a model was trained on with a holdout fraction: the split is redone exactly as
    /// training did it (same fraction, the training seed), its training side is the reference and its holdout side the holdout.
    /// </summary>
    /// <exception cref="SynthDataException">The fraction is not in (0, 1) or leaves a side empty.</exception>
    public static PrivacyFilterRequest FromTrainingSplit(Table data, double holdoutFraction, long trainingSeed, PrivacyFilterOptions options)
    {
        var (training, holdout) = HoldoutSplit.Split(data, holdoutFraction, trainingSeed);
        return new PrivacyFilterRequest { Reference = training, Holdout = holdout, Options = options };
    }
}
