using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Tests.Models.Rules;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests.Rules;

/// <summary>
/// Rules kept by construction by the TorchSharp-trained kinds (TVAE, CTGAN and their DP variants), few epochs on a
/// small invented table: every sampled row keeps every rule, and a saved model samples the same rows.
/// </summary>
public class NeuralKeptRulesTests(ITestOutputHelper output)
{
    private static readonly Lazy<Table> Source = new(() => RuleTable.Make(400));

    [Theory]
    [InlineData("tvae", "")]
    [InlineData("ctgan", "")]
    [InlineData("dp-tvae", "5")]
    [InlineData("dp-ctgan", "5")]
    public void Every_sampled_row_keeps_every_rule(string kind, string epsilon)
    {
        var settings = new Dictionary<string, string> { ["epochs"] = "4", ["batch-size"] = "100", ["threads"] = "1" };
        if (epsilon.Length > 0) settings["epsilon"] = epsilon;
        var model = RuleTable.Train(NeuralModelTrainers.All, kind, Source.Value, settings);
        var sample = model.Sample(3000, seed: 5).ToTable();
        foreach (var violation in RuleTable.Violations(sample, Source.Value))
        {
            output.WriteLine($"{kind}: {violation.Rule}: {violation.Count} of {sample.RowCount} rows break it");
            Assert.Equal(0, violation.Count);
        }
        // A private model may release no combination of the small table (every member then missing, which keeps the rule); the others must draw some.
        var combined = sample.Column("city").Count(c => c is not null);
        output.WriteLine($"{kind}: {combined} of {sample.RowCount} rows hold a combination");
        if (epsilon.Length == 0) Assert.Equal(sample.RowCount, combined);
        Assert.Equal(kind.StartsWith("dp-", StringComparison.Ordinal), model.Privacy is not null);
        var loaded = ModelArtifact.FromBytes(ModelArtifact.ToBytes(model)).Sample(3000, seed: 5).ToTable();
        foreach (var column in sample.ColumnNames) Assert.Equal(sample.Column(column), loaded.Column(column));
    }
}
