using System.Text.RegularExpressions;
using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Sequences;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Reports;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Evaluation.Sequences;

public sealed class SequenceReportOutputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_html_report_draws_three_sequences_real_beside_synthetic_and_the_autocorrelation_of_each_scored_column()
    {
        var report = SequenceEvaluator.Evaluate(SequencePanel.Set(SequencePanel.Create(40, 60, seed: 7)), SequencePanel.Set(SequencePanel.Create(30, 50, seed: 8)));
        var html = SequenceHtmlReport.Write(report);

        var plots = Regex.Matches(html, "<div class=\"sequence-plot\"><svg").Count;
        Assert.Equal(3, plots);
        Assert.Equal(2, Regex.Matches(html, "<div class=\"acf\"").Count); // x and y; level is constant
        Assert.Equal(5, Regex.Matches(html, "<svg").Count);
        // First, middle and last entity of each side.
        Assert.Equal([("e000", "e000"), ("e020", "e014"), ("e039", "e029")], report.Plots.Select(p => (p.RealEntity, p.SyntheticEntity)));
        Assert.All(report.Plots, p => Assert.Equal("x", p.Column));
        Assert.Contains("real: e020", html);
        Assert.Contains("synthetic: e014", html);
        Assert.Contains("level</td><td>autocorrelation</td><td>no real sequence defines it", html);
    }

    [Fact]
    public void With_fewer_entities_than_plots_the_next_numeric_column_is_drawn()
    {
        var two = SequencePanel.Set(SequencePanel.Create(2, 30, seed: 7));
        var report = SequenceEvaluator.Evaluate(two, two);

        Assert.Equal([("x", "e000"), ("x", "e001"), ("y", "e000")], report.Plots.Select(p => (p.Column, p.RealEntity)));
    }

    [Fact]
    public void The_cli_evaluates_sequences_and_writes_every_report()
    {
        var real = _folder.File("real.csv");
        var synthetic = _folder.File("synthetic.csv");
        CsvTableWriter.Write(SequencePanel.Create(40, 30, seed: 7), real);
        CsvTableWriter.Write(SequencePanel.ShuffledWithinEntities(SequencePanel.Create(40, 30, seed: 8), seed: 1), synthetic);
        var (json, markdown, html) = (_folder.File("r.json"), _folder.File("r.md"), _folder.File("r.html"));

        var result = CliResult.Run("evaluate", real, synthetic, "--entity", "entity", "--sequence-index", "t", "--context", "region",
            "--json", json, "--markdown", markdown, "--report", html);

        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        Assert.Matches(@"autocorrelation\s+0\.\d{3}", result.Output);
        Assert.Matches(@"Detection \(per-sequence summaries\)\s+0\.\d{3}", result.Output);
        Assert.Contains("\"autocorrelations\"", File.ReadAllText(json));
        Assert.Contains("## Synthetic sequence evaluation: synthetic.csv", File.ReadAllText(markdown));
        Assert.Equal(3, Regex.Matches(File.ReadAllText(html), "class=\"sequence-plot\"").Count);
    }

    [Fact]
    public void A_holdout_file_gives_the_copy_and_overfitting_baselines()
    {
        var panel = SequencePanel.Create(60, 20, seed: 7);
        var (training, holdout, synthetic) = (_folder.File("training.csv"), _folder.File("holdout.csv"), _folder.File("synthetic.csv"));
        CsvTableWriter.Write(SequencePanel.Entities(panel, e => e < 30), training);
        CsvTableWriter.Write(SequencePanel.Entities(panel, e => e >= 30), holdout);
        CsvTableWriter.Write(SequencePanel.Entities(panel, e => e < 10), synthetic); // ten training sequences copied
        var json = _folder.File("r.json");

        var result = CliResult.Run("evaluate", training, synthetic, "--entity", "entity", "--sequence-index", "t", "--holdout", holdout, "--json", json);

        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        Assert.Contains("10 of 10 synthetic sequences equal a real one step for step (0 equal a holdout one)", result.Output);
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var privacy = document.RootElement.GetProperty("privacy");
        Assert.Equal(0, privacy.GetProperty("copiedFromHoldout").GetInt32());
        Assert.Equal(0.0, privacy.GetProperty("dcr").GetProperty("overfitting").GetProperty("score").GetDouble());
        Assert.Equal("holdout.csv", document.RootElement.GetProperty("audit").GetProperty("holdoutName").GetString());
    }

    [Fact]
    public void Metadata_with_a_sequence_section_asks_for_a_sequence_evaluation_and_without_one_the_library_refuses()
    {
        var real = _folder.File("real.csv");
        var metadata = _folder.File("m.json");
        CsvTableWriter.Write(SequencePanel.Create(12, 20, seed: 7), real);
        SynthFixtures.Metadata.MetadataJson.Save(SequencePanel.Metadata() with { Sequence = SequencePanel.Sequence }, metadata);

        var result = CliResult.Run("evaluate", real, real, "--metadata", metadata);

        Assert.True(result.ExitCode == CliApp.Success, result.Error);
        Assert.Contains("12 of 12 synthetic sequences equal a real one step for step", result.Output);
        var error = Assert.Throws<SynthDataException>(() => SequenceEvaluationService.Evaluate(new SequenceEvaluationRequest
        {
            Real = EvaluationTable.FromCsv(real),
            Synthetic = EvaluationTable.FromCsv(real),
        }));
        Assert.Contains("which column names the entity", error.Message);
    }

    [Fact]
    public void Sequence_options_without_an_entity_and_an_unknown_entity_column_are_bad_input()
    {
        var real = _folder.File("real.csv");
        CsvTableWriter.Write(SequencePanel.Create(5, 10, seed: 7), real);

        var noEntity = CliResult.Run("evaluate", real, real, "--sequence-index", "t");
        Assert.Equal(CliApp.BadInput, noEntity.ExitCode);
        Assert.Contains("--sequence-index applies to a sequence evaluation, which --entity", noEntity.Error);

        var unknown = CliResult.Run("evaluate", real, real, "--entity", "sensor");
        Assert.Equal(CliApp.BadInput, unknown.ExitCode);
        Assert.Contains("The sequence column 'sensor' is not a column of the table", unknown.Error);

        var mixed = CliResult.Run("evaluate", real, real, "--entity", "entity", "--target", "x");
        Assert.Equal(CliApp.BadInput, mixed.ExitCode);
        Assert.Contains("--target applies to single-table evaluation", mixed.Error);
    }

    [SkippableFact]
    public void Weather_against_itself_split_by_years_keeps_the_shapes_and_the_autocorrelation()
    {
        var path = Datasets.Path("timeseries_weather_stocks", "weather.csv");
        Skip.If(path is null, Datasets.Missing("timeseries_weather_stocks", "weather.csv"));
        var table = CsvTableReader.Read(path);
        var date = table.IndexOf("date");
        Table Years(Func<string, bool> keep)
        {
            var rows = Enumerable.Range(0, table.RowCount).Where(r => keep(table[r, date]!)).ToArray();
            return new Table(table.ColumnNames, Enumerable.Range(0, table.ColumnCount).Select(c => rows.Select(r => table[r, c]).ToArray()).ToArray());
        }
        var request = new SequenceEvaluationRequest
        {
            Real = EvaluationTable.FromTable(Years(d => d.StartsWith("2012", StringComparison.Ordinal) || d.StartsWith("2013", StringComparison.Ordinal)), "weather 2012-2013"),
            Synthetic = EvaluationTable.FromTable(Years(d => d.StartsWith("2014", StringComparison.Ordinal) || d.StartsWith("2015", StringComparison.Ordinal)), "weather 2014-2015"),
            Sequence = new SequenceMetadata { EntityColumns = ["location"], IndexColumn = "date" },
            Detector = SynthFixtures.Evaluation.Utility.MlNetUtilityEvaluator.Instance,
        };

        var report = SequenceEvaluationService.Evaluate(request).Report;

        Assert.Equal(2, report.Lengths.RealEntities);
        Assert.True(report.Autocorrelations.Single(a => a.Column == "temp_max").Score > 0.95);
        Assert.True(report.Autocorrelations.Single(a => a.Column == "temp_max").Real[0] > 0.8); // daily temperatures persist
        Assert.True(report.StepShapes.Single(s => s.Column == "temp_max").Score > 0.85);
        Assert.True(report.CrossCorrelations.Single(c => c.ColumnA == "temp_max" && c.ColumnB == "temp_min").Score > 0.95);
        Assert.Equal(1.0, report.Index!.StepScore); // one day apart on both sides
        Assert.Equal(3, report.Plots.Count);
        // Two locations are too few to classify whole: 730-day windows cut into 20 of 36 days each, 40 a side.
        Assert.Equal(36, report.Detection!.WindowLength);
        Assert.Equal(40, report.Detection.Best.RowsPerSide);
        Assert.Equal(0, report.Privacy.CopiedEntities);
    }
}
