using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Models;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Sampling;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Models.Rules;

/// <summary>
/// Rules kept by construction by the pure C# kinds (the copula and dp-marginals): every sampled row keeps every rule,
/// the sample is deterministic and the same in chunks, and a saved model samples the same rows.
/// </summary>
public class KeptRulesTests(ITestOutputHelper output)
{
    private static readonly Lazy<Table> Source = new(() => RuleTable.Make(600));

    [Theory]
    [InlineData(ModelKinds.GaussianCopula)]
    [InlineData(ModelKinds.DpMarginals)]
    public void Every_sampled_row_keeps_every_rule(string kind)
    {
        var settings = kind == ModelKinds.DpMarginals ? new Dictionary<string, string> { ["epsilon"] = "5" } : null;
        var model = RuleTable.Train(ModelTrainers.Core, kind, Source.Value, settings);
        var sample = model.Sample(4000, seed: 11).ToTable();

        Assert.Equal(RuleTable.Metadata.Columns.Select(c => c.Name), sample.ColumnNames);
        foreach (var violation in RuleTable.Violations(sample, Source.Value))
        {
            output.WriteLine($"{kind}: {violation.Rule}: {violation.Count} of {sample.RowCount} rows break it");
            Assert.Equal(0, violation.Count);
        }
        // The rules do not empty the columns: each holds varied values, the lesser side's missing cells included.
        Assert.True(sample.Column("city").Distinct().Count() >= 3);
        Assert.True(sample.Column("high").Count(c => c is not null) > 3000);
        Assert.True(sample.Column("discharged").Distinct().Count() > 50);
        Assert.Equal(sample.RowCount, sample.Column("account").Distinct().Count());
    }

    [Fact]
    public void The_sample_is_deterministic_the_same_in_chunks_and_after_saving()
    {
        var model = RuleTable.Train(ModelTrainers.Core, ModelKinds.GaussianCopula, Source.Value);
        var whole = model.Sample(3000, seed: 4, options: new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable();
        var again = model.Sample(3000, seed: 4, options: new SamplingOptions { MaxDegreeOfParallelism = 4 }).ToTable();
        var chunks = model.SampleChunks(3000, seed: 4, options: new SamplingOptions { ChunkRows = 1024 }).Select(c => c.ToTable()).ToList();
        var loaded = ModelArtifact.FromBytes(ModelArtifact.ToBytes(model)).Sample(3000, seed: 4).ToTable();
        foreach (var column in whole.ColumnNames)
        {
            Assert.Equal(whole.Column(column), again.Column(column));
            Assert.Equal(whole.Column(column), chunks.SelectMany(c => c.Column(column)));
            Assert.Equal(whole.Column(column), loaded.Column(column));
        }
        Assert.Equal(ModelArtifact.ToBytes(model), ModelArtifact.ToBytes(RuleTable.Train(ModelTrainers.Core, ModelKinds.GaussianCopula, Source.Value)));
        Assert.Equal(RuleTable.Metadata, ModelArtifact.FromBytes(ModelArtifact.ToBytes(model)).Metadata);
    }

    [Fact]
    public void Conditions_on_columns_no_rule_sets_are_met_and_on_rule_set_columns_are_refused()
    {
        var model = RuleTable.Train(ModelTrainers.Core, ModelKinds.GaussianCopula, Source.Value);
        var sample = model.Sample(500, seed: 2, [Condition.Parse("low>=30")]).ToTable();
        Assert.All(sample.Column("low"), c => Assert.True(int.Parse(c!, System.Globalization.CultureInfo.InvariantCulture) >= 30));
        Assert.All(RuleTable.Violations(sample, Source.Value), v => Assert.Equal(0, v.Count));

        var error = Assert.Throws<SynthDataException>(() => model.Sample(10, seed: 2, [Condition.Parse("high>=30")]));
        Assert.Contains("the rule 'high >= low' sets", error.Message);
        Assert.Equal("high", error.ColumnName);
        // Fixed members that pick one learned combination are met in closed form; ones that pick several are refused.
        var austin = model.Sample(300, seed: 2, [Condition.Parse("city=Austin")]).ToTable();
        Assert.All(austin.Column("state"), s => Assert.Equal("TX", s));
        var springfield = model.Sample(300, seed: 2, [Condition.Parse("city=Springfield"), Condition.Parse("state=MA")]).ToTable();
        Assert.All(springfield.Column("city"), c => Assert.Equal("Springfield", c));
        Assert.All(springfield.Column("state"), s => Assert.Equal("MA", s));
        var several = Assert.Throws<SynthDataException>(() => model.Sample(10, seed: 2, [Condition.Parse("city=Springfield")]));
        Assert.Contains("matches 2 combinations of the rule 'fixed combination of city, state'", several.Message);
        var given = Assert.Throws<SynthDataException>(() => model.SampleGiven(new Table(["city"], [["Austin"]]), seed: 1));
        Assert.Contains("fixed combination of city, state", given.Message);
    }

    [Fact]
    public void A_where_on_columns_no_rule_sets_is_checked_and_on_a_rule_set_column_is_refused_naming_the_rule()
    {
        var model = RuleTable.Train(ModelTrainers.Core, ModelKinds.GaussianCopula, Source.Value);
        var plan = model.PlanConditions("low >= 30 OR quantity = 1");
        Assert.NotNull(plan.Filter);
        var sample = model.SampleWhere(400, seed: 2, plan).ToTable();
        var low = sample.Column("low");
        var quantity = sample.Column("quantity");
        for (var r = 0; r < sample.RowCount; r++)
            Assert.True(low[r] is { } value && int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) >= 30 || quantity[r] == "1", $"row {r}");
        Assert.All(RuleTable.Violations(sample, Source.Value), v => Assert.Equal(0, v.Count));

        var error = Assert.Throws<global::SynthFixtures.Sampling.Expressions.RowExpressionException>(() => model.PlanConditions("total > 10 OR low > 3"));
        Assert.Contains("set by the rule 'total = price * quantity + fee'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_breaking_a_rule_is_refused_with_the_rule_the_count_and_the_first_lines()
    {
        var table = RuleTable.Make(50);
        var cells = table.Column("discharged").ToArray();
        cells[3] = table.Column("admitted")[3];
        cells[7] = "2019-01-01";
        var broken = new Table(table.ColumnNames, table.ColumnNames.Select(n => n == "discharged" ? cells : table.Column(n).ToArray()).ToArray(),
            sourcePath: "admissions.csv", sourceLines: Enumerable.Range(2, 50).ToArray());
        var error = Assert.Throws<SynthDataException>(() => RuleTable.Train(ModelTrainers.Core, ModelKinds.GaussianCopula, broken));
        output.WriteLine(error.Message);
        Assert.Contains("'discharged > admitted' on 2 of 50 rows (line 5, line 9)", error.Message);
        Assert.Equal("admissions.csv", error.FilePath);
    }

    [Fact]
    public void A_private_fit_needs_the_identifier_format_declared()
    {
        var json = RuleTable.MetadataJson.Replace("\"identifier\": \"account\", \"prefix\": \"AC-\"", "\"identifier\": \"account\"", StringComparison.Ordinal);
        var metadata = MetadataJson.Parse(json, "rules.json");
        var kind = ModelTrainers.Core.Catalog.Find(ModelKinds.DpMarginals);
        var error = Assert.Throws<SynthDataException>(() => KeptRulesTraining.Train(ModelTrainers.Core.For(kind), Source.Value, metadata, 1,
            SettingValues.Parse(kind, new Dictionary<string, string>(), ModelTrainers.Core.Catalog), null, CancellationToken.None));
        Assert.Contains("differentially private model reads no format", error.Message);
    }

    [Fact]
    public void The_diagnostic_counts_the_rows_breaking_each_rule()
    {
        var real = Source.Value;
        // Swapping high and low breaks "high >= low" wherever both are present and differ.
        var swapped = new Table(real.ColumnNames, real.ColumnNames.Select(n => real.Column(n == "high" ? "low" : n == "low" ? "high" : n).ToArray()).ToArray());
        var expected = Enumerable.Range(0, real.RowCount).Count(r => real.Column("low")[r] is { } low && real.Column("high")[r] != low);
        var report = SynthFixtures.Evaluation.Diagnostics.DiagnosticEvaluator.Evaluate(real, swapped, RuleTable.Metadata);
        Assert.Equal(RuleTable.Metadata.Rules!.Select(r => r.Text), report.Rules.Select(r => r.Rule));
        Assert.Equal([0, 0, expected, 0, 0], report.Rules.Select(r => r.BrokenRows));
        Assert.True(expected > 300, $"{expected}");
    }
}
