using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.Neural;

namespace SynthFixtures.Cli.Commands;

/// <summary><c>synthfixtures inspect model.synth</c>: what a model file holds — kind, audit trail, privacy guarantee, how each column is modelled.</summary>
internal static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("model.synth") { Description = "A model written by 'synthfixtures train'." };
        var json = new Option<bool>("--json") { Description = "Print the same as JSON (privacy.epsilon and privacy.delta for a differentially private model)." };
        var command = new Command("inspect",
            "Show a model file's kind, audit trail (data hash, seed, training settings), privacy guarantee and how each column is modelled.") { model, json };
        command.SetAction(parse =>
        {
            if (SequenceSample.IsSequenceModel(parse.GetValue(model)!))
            {
                if (parse.GetValue(json)) SequenceSample.InspectJson(console, parse.GetValue(model)!);
                else SequenceSample.Inspect(console, parse.GetValue(model)!);
                return CliApp.Success;
            }
            var loaded = ModelArtifact.Load(parse.GetValue(model)!);
            if (parse.GetValue(json)) WriteJson(console, loaded);
            else WriteText(console, loaded);
            return CliApp.Success;
        });
        return command;
    }

    internal static void WriteJson(CliConsole console, SynthModel loaded)
    {
        var p = loaded.Provenance;
        var columns = loaded.DescribeColumns()
            .Select(c => new InspectColumn(c.Column, JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString()), c.Summary)).ToList();
        var report = new InspectReport(loaded.Kind, p.SourceName, p.SourceRows, p.SourceDataSha256, p.Seed, columns, DpSgdPrivacy.PlanOf(loaded))
        {
            TextModels = loaded.TextModels.Count == 0 ? null
                : loaded.TextModels.Select(t => new InspectTextModel(t.Column, t.Kind, t.ContextColumns, t.Describe())).ToList(),
        };
        console.Out.WriteLine(JsonSerializer.Serialize(report, InspectJson.Default.InspectReport));
    }

    internal static void WriteText(CliConsole console, SynthModel loaded)
    {
        var p = loaded.Provenance;
        console.Out.WriteLine($"Model:        {loaded.Kind}");
        console.Out.WriteLine($"Trained on:   {p.SourceName ?? "(in-memory table)"}, {p.SourceRows:N0} rows, SHA-256 of content {p.SourceDataSha256}");
        console.Out.WriteLine($"Seed:         {p.Seed}");
        // The trainer's options as the artifact records them: the audit trail for how a neural model was trained.
        if (loaded is NeuralSynthModel neural) console.Out.WriteLine($"Settings:     {neural.TrainingSettings.GetRawText()}");
        if (DpSgdPrivacy.PlanOf(loaded) is { } privacy) WritePlan(console, privacy);
        console.Out.WriteLine();
        foreach (var column in loaded.DescribeColumns())
            console.Out.WriteLine($"  {column.Column,-24} {column.Kind,-12} {column.Summary}");
        if (loaded.TextModels.Count > 0)
        {
            console.Out.WriteLine();
            console.Out.WriteLine("Learned text (written after the row's other cells, conditioned on them; --json lists the columns):");
            foreach (var text in loaded.TextModels) console.Out.WriteLine($"  {text.Column} ({text.Kind}): {text.Describe()}");
        }
        if (loaded is GaussianCopulaModel copula)
        {
            console.Out.WriteLine();
            console.Out.WriteLine("Strongest dependencies (correlation of normal scores):");
            foreach (var (a, b, r) in copula.StrongestCorrelations(8))
                console.Out.WriteLine($"  {a} ~ {b}: {r:+0.000;-0.000}");
        }
        if (loaded is DpMarginalsModel marginals)
        {
            console.Out.WriteLine();
            console.Out.WriteLine("Tree (parent → child), each edge a measured two-way marginal:");
            foreach (var (parent, child) in marginals.Edges) console.Out.WriteLine($"  {parent} → {child}");
        }
    }

    /// <summary>A privacy plan as text: the guarantee, each step's share, cost and noise, and what is public.</summary>
    internal static void WritePlan(CliConsole console, Privacy.PrivacyPlan privacy)
    {
        console.Out.WriteLine($"Privacy:      ({Show(privacy.Epsilon)}, {Show(privacy.Delta)})-DP for {privacy.Neighbours}; {privacy.Accounting}"
            + (privacy.Rho is { } rho ? $", ρ = {Show(rho)}" : ""));
        foreach (var step in privacy.Steps)
        {
            var noise = step.NoiseStandardDeviation is { } sigma ? $"σ = {Show(sigma)}" : $"ε = {Show(step.SelectionEpsilon ?? 0)} each";
            var cost = step.Rho is { } stepRho ? $"  ρ = {Show(stepRho)}" : "";
            var sampling = step.SamplingRate is { } q ? $"  q = {Show(q)}" : "";
            console.Out.WriteLine($"  {step.Name,-24} {step.Share,5:P0}{cost}  {noise}  × {step.Measurements}{sampling}{(step.Delta > 0 ? $"  δ = {Show(step.Delta)}" : "")}");
        }
        console.Out.WriteLine("  Public (read outside the budget):");
        foreach (var fact in privacy.Public) console.Out.WriteLine($"    - {fact}");
    }

    private static string Show(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
