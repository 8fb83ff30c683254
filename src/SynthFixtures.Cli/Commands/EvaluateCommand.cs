using System.CommandLine;
using SynthFixtures.Data.Files;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Text;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling.PrivacyFilters;
using SynthFixtures.Reports;
using SynthFixtures.Text.Llm;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures evaluate real.csv synthetic.csv [--holdout h.csv | --holdout-fraction 0.2] [--target col]
/// [--report r.html] [--markdown s.md] [--json r.json] [--model m.synth] [--fail-under quality=0.8,…] [--text-label col]
/// [--run-record run.json] [--text-embeddings]</c> (with <c>--entity</c>, a sequence evaluation: <see cref="SequenceEvaluate"/>): the options
/// become an <see cref="EvaluationRequest"/> for <see cref="EvaluationService"/>, whose report and gate outcomes are
/// printed and written here. Its errors name settings, which <see cref="CliErrors"/> turns into these options.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var real = new Argument<string>("real.csv") { Description = "The real data the model was trained on (or, with --holdout-fraction, the file train split)." };
        var synthetic = new Argument<string>("synthetic.csv") { Description = "The synthetic data." };
        var metadata = CommonOptions.Metadata();
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON here." };
        var report = new Option<string?>("--report") { Description = "Write a self-contained HTML report here (charts inline, no network needed to view)." };
        var markdown = new Option<string?>("--markdown") { Description = "Write a Markdown summary here (e.g. $GITHUB_STEP_SUMMARY)." };
        var holdout = new Option<string?>("--holdout") { Description = "Real rows the model never saw, for overfitting, membership inference and utility." };
        var holdoutFraction = CommonOptions.HoldoutFraction("evaluate");
        var seed = CommonOptions.Seed("the evaluation's random choices and the --holdout-fraction split (use train's --seed)");
        var target = new Option<string?>("--target") { Description = "Column to predict for ML utility (train on synthetic, test on real holdout); also runs detection." };
        var detection = new Option<bool>("--detection") { Description = "Run the detection metric (a classifier separating real from synthetic) without a target." };
        var model = new Option<string?>("--model") { Description = "The .synth model the synthetic data came from, recorded in the report's audit trail." };
        var failUnder = new Option<string?>("--fail-under")
        {
            Description = $"Minimum scores, e.g. quality=0.8,dcr=0.5,newrows=0.95; exit {CliApp.ThresholdFailed} naming each failing check. Checks: {string.Join(", ", ThresholdGate.Names.Select(n => n.Key))}.",
        };
        var missing = CommonOptions.MissingTokens();
        var trim = CommonOptions.Trim();
        var strict = CommonOptions.Strict();
        var delimiter = CommonOptions.Delimiter();
        var unnamed = CommonOptions.NameUnnamedColumns();
        var filterSummary = new Option<string?>("--privacy-filter-summary")
        {
            Description = "The .privacy-filter.json that 'sample --privacy-filter' wrote beside the synthetic CSV: the reports show what the filters dropped.",
        };
        var textLabel = new Option<string?>("--text-label")
        {
            Description = "Column the text consistency classifier predicts from each free-text column (e.g. Rating); default: the column the real text predicts best.",
        };
        var runRecord = new Option<string?>("--run-record")
        {
            Description = "The .run.json that 'sample --llm' wrote beside the sample: the report shows each LLM-written column's calls, replayed calls, tokens and cost.",
        };
        var textEmbeddings = new Option<bool>("--text-embeddings")
        {
            Description = "Also compare free-text columns by sentence embeddings (all-MiniLM-L6-v2, shipped in the tool, run offline): MMD² real vs synthetic beside holdout vs training, on 300 texts per side (slow: single-threaded for identical results everywhere).",
        };
        var sequences = new SequenceEvaluate();
        var command = new Command("evaluate", "Score synthetic data against real data: quality, diagnostics, privacy, utility; write reports; gate on thresholds.")
        {
            real, synthetic, metadata, json, report, markdown, holdout, holdoutFraction, seed, target, detection, model, failUnder, missing, trim, strict, delimiter, unnamed,
            filterSummary, textLabel, runRecord, textEmbeddings,
        };
        foreach (var option in sequences.All) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            if (RelationalEvaluate.IsRelational(parse.GetValue(real)) || RelationalEvaluate.IsRelational(parse.GetValue(synthetic)))
            {
                foreach (var option in new Option[] { metadata, holdout, holdoutFraction, target, model, failUnder, filterSummary, textLabel, runRecord })
                    if (parse.GetResult(option) is { Implicit: false })
                        throw new SynthDataException($"{option.Name} applies to single-table evaluation, not to two databases or folders.",
                            hint: "A multi-table evaluation writes --json, --markdown and --report.");
                return Task.FromResult(RelationalEvaluate.Run(console, parse.GetValue(real)!, parse.GetValue(synthetic)!, parse.GetValue(json), parse.GetValue(markdown),
                    parse.GetValue(report), parse.GetValue(seed), cancellationToken));
            }
            (string?, string)[] outputs = [(parse.GetValue(json), "JSON report"), (parse.GetValue(markdown), "Markdown summary"), (parse.GetValue(report), "HTML report")];
            OutputPaths.Check(
                [(parse.GetValue(real), "real data"), (parse.GetValue(synthetic), "synthetic data"), (parse.GetValue(holdout), "holdout data"),
                    (parse.GetValue(metadata), "metadata"), (parse.GetValue(model), "model"), (parse.GetValue(filterSummary), "privacy filter summary"),
                    (parse.GetValue(runRecord), "run record")],
                outputs);
            OutputPaths.CheckFolders(outputs);
            var metadataFile = parse.GetValue(metadata) is { } metadataPath ? MetadataJson.Load(metadataPath) : null;
            if (sequences.IsRequested(parse, metadataFile))
            {
                foreach (var option in new Option[] { holdoutFraction, target, detection, model, failUnder, filterSummary, textLabel, runRecord, textEmbeddings })
                    if (parse.GetResult(option) is { Implicit: false })
                        throw new SynthDataException($"{option.Name} applies to single-table evaluation, not to sequences (--entity).",
                            hint: "A sequence evaluation takes --holdout, --metadata, --seed and writes --json, --markdown and --report; detection always runs when each side has enough entities.");
                return Task.FromResult(sequences.Run(console, parse, parse.GetValue(real)!, parse.GetValue(synthetic)!, parse.GetValue(holdout), parse.GetValue(metadata), metadataFile,
                    CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim), parse.GetValue(strict), parse.GetValue(delimiter), parse.GetValue(unnamed)),
                    parse.GetValue(seed), parse.GetValue(json), parse.GetValue(markdown), parse.GetValue(report), cancellationToken));
            }
            using var embedder = parse.GetValue(textEmbeddings) ? new MiniLmTextEmbedder() : null;
            var request = new EvaluationRequest
            {
                Thresholds = parse.GetValue(failUnder) is { } spec ? ThresholdGate.Parse(spec) : null,
                Real = EvaluationTable.FromCsv(parse.GetValue(real)!),
                Synthetic = EvaluationTable.FromCsv(parse.GetValue(synthetic)!),
                Holdout = parse.GetValue(holdout) is { } holdoutPath ? EvaluationTable.FromCsv(holdoutPath) : null,
                HoldoutFraction = parse.GetValue(holdoutFraction),
                Metadata = metadataFile,
                ReadOptions = CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim), parse.GetValue(strict), parse.GetValue(delimiter), parse.GetValue(unnamed)),
                Seed = parse.GetValue(seed),
                Target = parse.GetValue(target),
                Detection = parse.GetValue(detection),
                ModelPath = parse.GetValue(model),
                Utility = MlNetUtilityEvaluator.Instance,
                PrivacyFilter = parse.GetValue(filterSummary) is { } summaryPath ? PrivacyFilterSummaryJson.Read(summaryPath) : null,
                Text = new TextEvaluationOptions { ConsistencyLabel = parse.GetValue(textLabel) },
                LlmUsage = parse.GetValue(runRecord) is { } recordPath ? LlmRunRecordJson.Read(recordPath).Columns.Select(c => c.Usage).ToArray() : [],
                TextEmbedder = embedder,
            };
            var evaluation = console.Timed("Evaluated", () => EvaluationService.Evaluate(request, console.Progress("evaluate"), cancellationToken));
            CommonOptions.ReportIssues(console, evaluation.CellIssues);
            var result = evaluation.Report;
            var gateResults = evaluation.Thresholds;

            QualityReportTable.Write(result.Quality, console.Out);
            console.Out.WriteLine();
            foreach (var (section, score, metric) in EvaluationMarkdown.Rows(result))
                console.Out.WriteLine($"{section,-44} {EvaluationMarkdown.F(score),6}  {metric}");
            console.Out.WriteLine($"{"Privacy search",-44} {result.Privacy.PairsSearched:N0} row pairs in {result.Privacy.SearchTime.TotalSeconds:F2} s");
            if (result.PrivacyFilter is { } filter) console.Out.WriteLine($"{"Privacy filters (at sampling)",-44} {PrivacyFilterText.Describe(filter)}");
            // All reports or none: a report that cannot be written leaves the others unwritten too.
            var files = new OutputFiles();
            AddIfAsked(files, parse.GetValue(json), "JSON report", () => EvaluationReportJson.Serialize(result));
            AddIfAsked(files, parse.GetValue(markdown), "Markdown summary", () => EvaluationMarkdown.Write(result, gateResults));
            AddIfAsked(files, parse.GetValue(report), "HTML report", () => HtmlReport.Write(result, gateResults));
            files.Commit(cancellationToken);
            foreach (var path in new[] { parse.GetValue(json), parse.GetValue(markdown), parse.GetValue(report) })
                if (path is not null) console.Out.WriteLine($"Written {path}");

            if (gateResults is null) return Task.FromResult(CliApp.Success);
            foreach (var g in gateResults)
                console.Out.WriteLine($"{(g.Passed ? "pass" : "FAIL")}  {g.Check.Name} {EvaluationMarkdown.F(g.Score)} (minimum {EvaluationMarkdown.F(g.Check.Minimum)}): {ThresholdGate.Describe(g.Check.Name)}");
            if (evaluation.Passed) return Task.FromResult(CliApp.Success);
            var failed = evaluation.Failures;
            console.Error.WriteLine($"Rejected: {failed.Count} check(s) below their minimum: {string.Join(", ", failed.Select(g => $"{g.Check.Name} {EvaluationMarkdown.F(g.Score)} < {EvaluationMarkdown.F(g.Check.Minimum)}"))}.");
            return Task.FromResult(CliApp.ThresholdFailed);
        });
        return command;
    }

    private static void AddIfAsked(OutputFiles files, string? path, string what, Func<string> content)
    {
        if (path is not null) files.AddText(path, what, content());
    }
}
