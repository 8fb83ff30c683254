using System.CommandLine;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.Neural;

namespace SynthFixtures.Cli.Commands;

/// <summary><c>synthfixtures inspect model.synth</c>: what a model file holds — kind, audit trail, how each column is modelled.</summary>
internal static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("model.synth") { Description = "A model written by 'synthfixtures train'." };
        var command = new Command("inspect", "Show a model file's kind, audit trail (data hash, seed, training settings) and how each column is modelled.") { model };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(model)!;
            var loaded = ModelArtifact.Load(path);
            var p = loaded.Provenance;
            console.Out.WriteLine($"Model:        {loaded.Kind}");
            console.Out.WriteLine($"Trained on:   {p.SourceName ?? "(in-memory table)"}, {p.SourceRows:N0} rows, SHA-256 of content {p.SourceDataSha256}");
            console.Out.WriteLine($"Seed:         {p.Seed}");
            // The trainer's options as the artifact records them: the audit trail for how a neural model was trained.
            if (loaded is NeuralSynthModel neural) console.Out.WriteLine($"Settings:     {neural.TrainingSettings.GetRawText()}");
            console.Out.WriteLine();
            foreach (var column in loaded.DescribeColumns())
                console.Out.WriteLine($"  {column.Column,-24} {column.Kind,-12} {column.Summary}");
            if (loaded is GaussianCopulaModel copula)
            {
                console.Out.WriteLine();
                console.Out.WriteLine("Strongest dependencies (correlation of normal scores):");
                foreach (var (a, b, r) in copula.StrongestCorrelations(8))
                    console.Out.WriteLine($"  {a} ~ {b}: {r:+0.000;-0.000}");
            }
            return CliApp.Success;
        });
        return command;
    }
}
