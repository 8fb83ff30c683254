using System.CommandLine;
using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Modeling.PrivacyFilters;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// The sample verb's privacy-filter options: which filters, the reference (training) CSV, an optional holdout, the
/// quantiles and where the summary goes; turned into a <see cref="PrivacyFilterRequest"/>.
/// </summary>
internal sealed class PrivacyFilterOptionSet
{
    private readonly Option<string?> _filter = new("--privacy-filter")
    {
        Description = "Drop rows too close to a training row (similarity), rows far from all of them (outliers), or both; needs --reference.",
    };

    private readonly Option<string?> _reference = new("--reference") { Description = "The model's training CSV, for --privacy-filter." };

    private readonly Option<string?> _holdout = new("--holdout")
    {
        Description = "Real rows the model never saw (e.g. train's holdout CSV), whose distances to the training rows set the filter thresholds; default: a seeded 20 % of --reference.",
    };

    private readonly Option<double?> _referenceSplit = new("--reference-split")
    {
        Description = "--reference is the whole CSV that train split with this --holdout-fraction: the split is redone with the model's training seed, its training rows are the reference and its holdout rows the holdout.",
    };

    private readonly Option<double?> _similarityQuantile = new("--similarity-quantile")
    {
        Description = "Drop rows at or below this quantile of the holdout rows' distances to the training rows (default 0.05).",
    };

    private readonly Option<double?> _outlierQuantile = new("--outlier-quantile")
    {
        Description = "Drop rows above this quantile of those distances (default 0.99).",
    };

    private readonly Option<string?> _summary = new("--filter-summary")
    {
        Description = "Where to write what the filters dropped, as JSON for 'evaluate --privacy-filter-summary' (default: beside --out, <name>.privacy-filter.json).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_filter);
        command.Options.Add(_reference);
        command.Options.Add(_holdout);
        command.Options.Add(_referenceSplit);
        command.Options.Add(_similarityQuantile);
        command.Options.Add(_outlierQuantile);
        command.Options.Add(_summary);
    }

    /// <summary>The files the filter reads and writes, or <c>null</c> without <c>--privacy-filter</c> (other filter options are then refused).</summary>
    public FilterFiles? Files(ParseResult parse, string samplePath)
    {
        var kind = parse.GetValue(_filter);
        var reference = parse.GetValue(_reference);
        if (kind is null)
        {
            string? stray = reference is not null ? "--reference" : parse.GetValue(_holdout) is not null ? "--holdout"
                : parse.GetValue(_referenceSplit) is not null ? "--reference-split"
                : parse.GetValue(_similarityQuantile) is not null ? "--similarity-quantile"
                : parse.GetValue(_outlierQuantile) is not null ? "--outlier-quantile"
                : parse.GetValue(_summary) is not null ? "--filter-summary" : null;
            if (stray is not null)
                throw new SynthDataException($"{stray} only applies with --privacy-filter.",
                    hint: "Add --privacy-filter similarity|outliers|both, or leave the filter options out.");
            return null;
        }
        if (reference is null)
            throw new SynthDataException("--privacy-filter needs --reference, the CSV the model was trained on.",
                hint: "Pass --reference train.csv: the model does not hold its training rows, so the filter reads them here.");
        if (parse.GetValue(_referenceSplit) is not null && parse.GetValue(_holdout) is not null)
            throw new SynthDataException("--reference-split and --holdout both say where the holdout rows are; give one.",
                hint: "With --reference-split the holdout is the rows train kept out; --holdout names a separate CSV of them.");
        return new FilterFiles(reference, parse.GetValue(_holdout), parse.GetValue(_summary) ?? PrivacyFilterSummaryJson.DefaultPathFor(samplePath));
    }

    /// <summary>The service's request, or <c>null</c> without a filter.</summary>
    public PrivacyFilterRequest? Request(ParseResult parse, FilterFiles? files, long trainingSeed)
    {
        if (files is null) return null;
        var defaults = new PrivacyFilterOptions();
        var options = defaults with
        {
            Kinds = ParseKinds(parse.GetValue(_filter)!),
            SimilarityQuantile = parse.GetValue(_similarityQuantile) ?? defaults.SimilarityQuantile,
            OutlierQuantile = parse.GetValue(_outlierQuantile) ?? defaults.OutlierQuantile,
        };
        var request = parse.GetValue(_referenceSplit) is { } fraction
            ? PrivacyFilterRequest.FromTrainingSplit(CsvTableReader.Read(files.Reference), fraction, trainingSeed, options)
            : PrivacyFilterRequest.FromCsv(files.Reference, files.Holdout, options);
        return request with { SummaryPath = files.Summary };
    }

    /// <summary>One line per filter: its threshold and how many candidates it dropped.</summary>
    public static void Print(CliConsole console, PrivacyFilterSummary summary, string? summaryPath)
    {
        var holdout = summary.HoldoutSource == "given" ? $"{summary.HoldoutRows:N0} holdout rows" : $"{summary.HoldoutRows:N0} rows split from the reference";
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Privacy filters: {summary.Candidates:N0} candidate rows against {summary.ReferenceRows:N0} reference rows (thresholds from {holdout})"));
        if (summary.Similarity)
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  similarity: dropped {summary.DroppedAsTooSimilar:N0} rows at distance ≤ {summary.SimilarityThreshold:F4} from a training row (the holdout's {summary.SimilarityQuantile:0.###} quantile)"));
        if (summary.Outliers)
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  outliers:   dropped {summary.DroppedAsOutliers:N0} rows farther than {summary.OutlierThreshold:F4} from every training row (the holdout's {summary.OutlierQuantile:0.###} quantile)"));
        if (summaryPath is not null) console.Error.WriteLine($"  summary: {summaryPath}");
    }

    /// <summary>A note when the reference does not have as many rows as the model was trained on (the wrong file, or the whole file of a split).</summary>
    public static void NoteRowCount(CliConsole console, PrivacyFilterRequest request, int trainedRows)
    {
        if (request.Reference.RowCount != trainedRows)
            console.Error.WriteLine($"Note: the model was trained on {trainedRows:N0} rows but the reference has {request.Reference.RowCount:N0}; " +
                "the filters protect the rows they are given (for a model trained with --holdout-fraction, pass the whole file with --reference-split).");
    }

    private static PrivacyFilterKinds ParseKinds(string text) => text.Trim().ToLowerInvariant() switch
    {
        "similarity" => PrivacyFilterKinds.Similarity,
        "outliers" or "outlier" => PrivacyFilterKinds.Outliers,
        "both" => PrivacyFilterKinds.Both,
        _ => throw new SynthDataException($"--privacy-filter {text} is not a filter.", hint: "Use similarity, outliers or both."),
    };
}

/// <summary>The files of a filtered sample: reference and holdout read, summary written.</summary>
internal sealed record FilterFiles(string Reference, string? Holdout, string Summary);
