using System.CommandLine;
using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Reports;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures evaluate real.csv synthetic.csv [--holdout h.csv | --holdout-fraction 0.2] [--target col]
/// [--report r.html] [--markdown s.md] [--json r.json] [--model m.synth] [--fail-under quality=0.8,…]</c>.
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
        var command = new Command("evaluate", "Score synthetic data against real data: quality, diagnostics, privacy, utility; write reports; gate on thresholds.")
        {
            real, synthetic, metadata, json, report, markdown, holdout, holdoutFraction, seed, target, detection, model, failUnder, missing, trim,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var gate = parse.GetValue(failUnder) is { } spec ? ThresholdGate.Parse(spec) : null;
            var read = CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim));
            var realPath = parse.GetValue(real)!;
            var realTable = CsvTableReader.Read(realPath, read);
            var syntheticPath = parse.GetValue(synthetic)!;
            var syntheticTable = CsvTableReader.Read(syntheticPath, read);
            var schema = CommonOptions.MetadataFor(realTable, parse.GetValue(metadata));
            var evaluationSeed = parse.GetValue(seed);

            var training = realTable;
            Table? holdoutTable = null;
            var holdoutName = "holdout";
            if (parse.GetValue(holdout) is { } holdoutPath)
            {
                if (parse.GetValue(holdoutFraction) is not null)
                    throw new SynthDataException("--holdout and --holdout-fraction both give a holdout; pass one.", hint: "Use --holdout for a file train wrote, --holdout-fraction to split real.csv as train did.");
                holdoutTable = CsvTableReader.Read(holdoutPath, read);
                holdoutName = Path.GetFileName(holdoutPath);
            }
            else if (parse.GetValue(holdoutFraction) is { } fraction)
            {
                (training, holdoutTable) = HoldoutSplit.Split(realTable, fraction, evaluationSeed);
                holdoutName = $"{fraction:P0} of {Path.GetFileName(realPath)} (seed {evaluationSeed})";
            }
            var targetColumn = parse.GetValue(target);
            if (targetColumn is not null)
            {
                if (holdoutTable is null)
                    throw new SynthDataException("--target needs real rows the models did not train on.", hint: "Add --holdout file.csv or --holdout-fraction 0.2.");
                UtilityEvaluator.CheckTarget(schema, targetColumn, realPath);
            }
            if (gate is not null)
                foreach (var check in gate.Checks)
                    CheckAvailable(check.Name, holdoutTable is not null, targetColumn is not null, parse.GetValue(detection));

            var synthModel = parse.GetValue(model) is { } modelPath ? ModelArtifact.Load(modelPath) : null;
            var runUtility = targetColumn is not null || parse.GetValue(detection);
            var input = new EvaluationInput
            {
                Training = training,
                Synthetic = syntheticTable,
                Metadata = schema,
                Holdout = holdoutTable,
                TrainingName = holdoutTable is not null && parse.GetValue(holdoutFraction) is { } f ? $"{1 - f:P0} of {Path.GetFileName(realPath)}" : Path.GetFileName(realPath),
                SyntheticName = Path.GetFileName(syntheticPath),
                HoldoutName = holdoutName,
                Model = synthModel,
                ModelPath = parse.GetValue(model),
                Seed = evaluationSeed,
                Utility = runUtility ? (i, ct) => UtilityEvaluator.Evaluate(i.Training, i.Synthetic, i.Holdout, i.Metadata, targetColumn, i.Seed, ct) : null,
            };
            var result = console.Timed("Evaluated", () => Evaluator.Evaluate(input, console.Progress("evaluate"), cancellationToken));
            var gateResults = gate?.Apply(result);

            QualityReportTable.Write(result.Quality, console.Out);
            console.Out.WriteLine();
            foreach (var (section, score, metric) in EvaluationMarkdown.Rows(result))
                console.Out.WriteLine($"{section,-28} {EvaluationMarkdown.F(score),6}  {metric}");
            console.Out.WriteLine($"{"Privacy search",-28} {result.Privacy.PairsSearched:N0} row pairs in {result.Privacy.SearchTime.TotalSeconds:F2} s");
            WriteIfAsked(console, parse.GetValue(json), () => EvaluationReportJson.Serialize(result));
            WriteIfAsked(console, parse.GetValue(markdown), () => EvaluationMarkdown.Write(result, gateResults));
            WriteIfAsked(console, parse.GetValue(report), () => HtmlReport.Write(result, gateResults));

            if (gateResults is null) return Task.FromResult(CliApp.Success);
            foreach (var g in gateResults)
                console.Out.WriteLine($"{(g.Passed ? "pass" : "FAIL")}  {g.Check.Name} {EvaluationMarkdown.F(g.Score)} (minimum {EvaluationMarkdown.F(g.Check.Minimum)}): {ThresholdGate.Describe(g.Check.Name)}");
            var failed = gateResults.Where(g => !g.Passed).ToArray();
            if (failed.Length == 0) return Task.FromResult(CliApp.Success);
            console.Error.WriteLine($"Rejected: {failed.Length} check(s) below their minimum: {string.Join(", ", failed.Select(g => $"{g.Check.Name} {EvaluationMarkdown.F(g.Score)} < {EvaluationMarkdown.F(g.Check.Minimum)}"))}.");
            return Task.FromResult(CliApp.ThresholdFailed);
        });
        return command;
    }

    private static void CheckAvailable(string check, bool hasHoldout, bool hasTarget, bool detection)
    {
        var available = check switch
        {
            "overfitting" or "mia" => hasHoldout,
            "utility" => hasTarget,
            "detection" => hasTarget || detection,
            _ => true,
        };
        if (!available)
            throw new SynthDataException($"--fail-under checks '{check}', which this evaluation would not compute.",
                hint: $"It needs {ThresholdGate.Requirement(check)}.");
    }

    private static void WriteIfAsked(CliConsole console, string? path, Func<string> content)
    {
        if (path is null) return;
        File.WriteAllText(path, content());
        console.Out.WriteLine($"Written {path}");
    }
}
