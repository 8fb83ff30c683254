using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SynthFixtures.Modeling;
using SynthFixtures.Privacy.Audit;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures audit data.csv --model dp-marginals --epsilon 1 [--trainings N] [--canary column=value …]
/// [--synthetic-rows N] [--confidence 0.95] [--json]</c>: an empirical lower bound on the ε of training a model kind on
/// the data. A thin caller of <see cref="PrivacyAuditService"/>.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var trainers = NeuralTrainers.AddTo(ModelTrainers.Core);
        var catalog = trainers.Catalog;
        var data = new Argument<string>("data.csv") { Description = "The data to audit the training on." };
        var model = new Option<string>("--model")
        {
            Description = "Model kind to audit: " + string.Join(", ", catalog.Kinds.Select(k => k.Name)) + ".",
            DefaultValueFactory = _ => "dp-marginals",
        };
        var trainings = new Option<int>("--trainings")
        {
            Description = "Trainings with the canary, and as many without (half choose the attack's threshold, half measure it); more trainings can prove a larger ε.",
            DefaultValueFactory = _ => 200,
        };
        var canary = new Option<string[]>("--canary")
        {
            Description = "The canary's cell for a column, as column=value (repeatable); other columns get the defaults: an unseen label 'canary', a number 1000× beyond the data's range, a date far past its last.",
            AllowMultipleArgumentsPerToken = true,
        };
        var syntheticRows = new Option<int?>("--synthetic-rows") { Description = "Synthetic rows each trained model samples for the attack (default: as many as the data has)." };
        var confidence = new Option<double>("--confidence") { Description = "Confidence that the reported lower bound holds.", DefaultValueFactory = _ => 0.95 };
        var parallel = new Option<int?>("--parallel") { Description = "Trainings run at once (default: one per core; TorchSharp kinds one at a time, each with its own --threads)." };
        var json = new Option<bool>("--json") { Description = "Print the result (scores, bounds, ε lower bound) as JSON." };
        var metadata = CommonOptions.Metadata();
        var seed = CommonOptions.Seed("the trainings' public seeds and the sampling (a DP fit's noise is secret: another run gives other figures)");
        var missing = CommonOptions.MissingTokens();
        var trim = CommonOptions.Trim();
        var strict = CommonOptions.Strict();
        var delimiter = CommonOptions.Delimiter();
        var unnamed = CommonOptions.NameUnnamedColumns();
        var settings = new SettingOptions(catalog);
        var command = new Command("audit",
            "Estimate an empirical lower bound on a model kind's ε: train it many times with and without a canary row, attack the synthetic rows, and bound the attack's errors.")
        { data, model, trainings, canary, syntheticRows, confidence, parallel, json, metadata, seed, missing, trim, strict, delimiter, unnamed };
        foreach (var option in settings.All) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new PrivacyAuditOptions
            {
                ModelKind = parse.GetValue(model)!,
                Settings = settings.Read(parse),
                Trainings = parse.GetValue(trainings),
                SyntheticRows = parse.GetValue(syntheticRows),
                Confidence = parse.GetValue(confidence),
                Seed = parse.GetValue(seed),
                Canary = CanaryCells(parse.GetValue(canary)),
                MaxDegreeOfParallelism = parse.GetValue(parallel),
            };
            var readOptions = CommonOptions.ReadOptions(parse.GetValue(missing), parse.GetValue(trim), parse.GetValue(strict), parse.GetValue(delimiter), parse.GetValue(unnamed));
            PrivacyAuditResult result;
            try
            {
                var (audited, issues) = new PrivacyAuditService(trainers).Audit(parse.GetValue(data)!, parse.GetValue(metadata), readOptions, options,
                    console.Progress("audit"), cancellationToken);
                CommonOptions.ReportIssues(console, issues);
                result = audited;
            }
            catch (SettingException e)
            {
                throw SettingOptions.AsFlags(e);
            }
            if (parse.GetValue(json)) console.Out.WriteLine(JsonSerializer.Serialize(result, AuditJson.Default.PrivacyAuditResult));
            else WriteText(console.Out, result);
            // A refuted claim fails the step like a failed --fail-under gate, so CI can run the audit as a check.
            return Task.FromResult(result.RefutesClaim ? CliApp.ThresholdFailed : CliApp.Success);
        });
        return command;
    }

    private static Dictionary<string, string> CanaryCells(string[]? given)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in given ?? [])
        {
            var split = pair.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
                throw new SynthDataException($"--canary '{pair}' is not column=value.", hint: "Give e.g. --canary workclass=Astronaut --canary age=150.");
            cells[pair[..split]] = pair[(split + 1)..];
        }
        return cells;
    }

    private static void WriteText(TextWriter output, PrivacyAuditResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var o = r.Outcome;
        var measuring = r.Trainings - r.ChoosingTrainings;
        var claim = r.ClaimedEpsilon is { } claimed ? string.Create(c, $"claimed ε = {claimed:G4}, δ = {r.Delta:G3}") : "no DP claim";
        output.WriteLine(string.Create(c,
            $"Audited {r.Model} ({claim}) on {r.Rows:N0} rows: {r.Trainings} trainings with the canary and {r.Trainings} without, {r.SyntheticRows:N0} synthetic rows each, in {r.Seconds:F1} s."));
        if (r.SecretNoise) output.WriteLine("Each training drew its own secret DP noise: another run gives other scores (the bound holds for each run).");
        output.WriteLine("Canary:");
        foreach (var cell in r.Canary) output.WriteLine($"  {cell.Column} = {cell.Value ?? "(missing)"}  ({cell.Why})");
        output.WriteLine($"Attack: {r.Attack}.");
        output.WriteLine(string.Create(c,
            $"Trainings whose synthetic rows hold a trace: {r.ScoresWith.Count(s => s > 0)} of {r.Trainings} with the canary, {r.ScoresWithout.Count(s => s > 0)} of {r.Trainings} without."));
        foreach (var column in r.TracesByColumn.Where(t => t.WithCanary + t.WithoutCanary > 0))
            output.WriteLine(string.Create(c, $"  {column.Column}: {column.WithCanary} with, {column.WithoutCanary} without"));
        output.WriteLine(string.Create(c, $"Threshold: {o.Threshold} or more traces, chosen on the first {r.ChoosingTrainings} trainings of each side; measured on the other {measuring}:"));
        output.WriteLine(string.Create(c, $"  TPR {o.TruePositiveRate:F3} ({o.TruePositives} of {o.WithCanary}), FPR {o.FalsePositiveRate:F3} ({o.FalsePositives} of {o.WithoutCanary})"));
        output.WriteLine(string.Create(c,
            $"  Clopper–Pearson upper bounds, each at {1 - (1 - r.Confidence) / 2:P1}: FPR ≤ {o.FalsePositiveRateUpper:F4}, FNR ≤ {o.FalseNegativeRateUpper:F4}"));
        output.WriteLine(string.Create(c,
            $"Empirical ε lower bound: {r.EpsilonLowerBound:F3} at {r.Confidence:P0} confidence (the most {measuring} + {measuring} trainings can prove: {r.MostProvable:F3})."));
        if (r.ClaimedEpsilon is { } epsilon)
            output.WriteLine(r.RefutesClaim
                ? string.Create(c, $"The bound exceeds the claimed ε = {epsilon:G4}: the training is NOT ({epsilon:G4}, {r.Delta:G3})-DP.")
                : string.Create(c, $"Below the claimed ε = {epsilon:G4}: consistent with the claim (an audit cannot prove it; a stronger attack might find more)."));
    }
}
