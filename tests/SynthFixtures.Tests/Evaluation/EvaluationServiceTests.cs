using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Metadata;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Evaluation;

public class EvaluationServiceTests
{
    private static readonly Table Real = MixedTestTable.Create(400, seed: 41);
    private static readonly Table Synthetic = MixedTestTable.Create(400, seed: 42);

    private static EvaluationRequest InMemory(Table? synthetic = null) => new()
    {
        Real = EvaluationTable.FromTable(Real, "real"),
        Synthetic = EvaluationTable.FromTable(synthetic ?? Synthetic, "synthetic"),
        Metadata = MixedTestTable.Metadata(),
    };

    /// <summary>The requests below name files that do not exist: a settings error must come before any file is read.</summary>
    private static EvaluationRequest Unreadable() => new()
    {
        Real = EvaluationTable.FromCsv(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv")),
        Synthetic = EvaluationTable.FromCsv(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.csv")),
    };

    [Fact]
    public void A_holdout_fraction_splits_the_real_rows_as_training_does_and_the_reports_see_those_parts()
    {
        var result = EvaluationService.Evaluate(InMemory() with { HoldoutFraction = 0.25, Seed = 9 });

        var (training, holdout) = HoldoutSplit.Split(Real, 0.25, seed: 9);
        var audit = result.Report.Audit;
        Assert.Equal(TableHash.Compute(training), audit.Training.Sha256);
        Assert.Equal(TableHash.Compute(holdout), audit.Holdout!.Sha256);
        Assert.Equal(100, audit.Holdout.Rows);
        Assert.Equal(9, audit.Seed);
        Assert.NotNull(result.Report.Privacy.DcrOverfitting);
        Assert.NotNull(result.Report.Privacy.MembershipInference);
        Assert.Null(result.Report.Utility);
        Assert.Null(result.Thresholds);
        Assert.True(result.Passed);
    }

    [Fact]
    public void The_service_gives_the_same_scores_as_the_evaluator_on_the_same_tables()
    {
        var (training, holdout) = HoldoutSplit.Split(Real, 0.25, seed: 3);
        var direct = Evaluator.Evaluate(new EvaluationInput
        {
            Training = training, Synthetic = Synthetic, Holdout = holdout, Metadata = MixedTestTable.Metadata(), Seed = 3,
        });

        var service = EvaluationService.Evaluate(InMemory() with { HoldoutFraction = 0.25, Seed = 3 }).Report;

        Assert.Equal(direct.Quality.Overall, service.Quality.Overall);
        Assert.Equal(direct.Diagnostic.Overall, service.Diagnostic.Overall);
        Assert.Equal(direct.Privacy.DcrBaselineProtection, service.Privacy.DcrBaselineProtection);
        Assert.Equal(direct.Privacy.DcrOverfitting!.Score, service.Privacy.DcrOverfitting!.Score);
        Assert.Equal(direct.Privacy.MembershipInference!.Score, service.Privacy.MembershipInference!.Score);
    }

    [Fact]
    public void Csv_files_are_read_with_the_requests_options_and_named_by_file_name()
    {
        using var folder = new TempFolder();
        var real = folder.File("real.csv");
        var synthetic = folder.File("fake.csv");
        var holdout = folder.File("held.csv");
        CsvTableWriter.Write(Real, real);
        CsvTableWriter.Write(Synthetic, synthetic);
        CsvTableWriter.Write(MixedTestTable.Create(100, seed: 43), holdout);

        var result = EvaluationService.Evaluate(new EvaluationRequest
        {
            Real = EvaluationTable.FromCsv(real),
            Synthetic = EvaluationTable.FromCsv(synthetic),
            Holdout = EvaluationTable.FromCsv(holdout),
            ReadOptions = new CsvReadOptions { TrimValues = true },
        });

        var audit = result.Report.Audit;
        Assert.Equal(("real.csv", "fake.csv", "held.csv"), (audit.Training.Name, audit.Synthetic.Name, audit.Holdout!.Name));
        Assert.Equal(TableHash.Compute(CsvTableReader.Read(real, new CsvReadOptions { TrimValues = true })), audit.Training.Sha256);
        Assert.NotEqual(TableHash.Compute(CsvTableReader.Read(real)), audit.Training.Sha256); // the group labels are padded
    }

    [Fact]
    public void The_gate_is_applied_to_the_report_and_a_copy_fails_it()
    {
        var gate = ThresholdGate.Parse("quality=0.5,newrows=0.9");

        var copy = EvaluationService.Evaluate(InMemory(Real) with { Thresholds = gate });
        var independent = EvaluationService.Evaluate(InMemory() with { Thresholds = gate });

        Assert.Equal(["quality", "newrows"], copy.Thresholds!.Select(t => t.Check.Name));
        Assert.False(copy.Passed);
        Assert.Equal("newrows", Assert.Single(copy.Failures).Check.Name);
        Assert.Equal(copy.Report.Privacy.NewRows.Score, copy.Failures[0].Score);
        Assert.True(independent.Passed);
        Assert.Empty(independent.Failures);
    }

    [Theory]
    [InlineData("overfitting=0.5", SettingNames.Holdout)]
    [InlineData("mia=0.5", SettingNames.Holdout)]
    [InlineData("detection=0.5", SettingNames.Detection)]
    [InlineData("utility=0.5", SettingNames.Target)]
    public void A_check_the_evaluation_would_not_compute_is_refused_before_any_file_is_read(string spec, string missing)
    {
        var error = Assert.Throws<SynthDataException>(() => EvaluationService.Evaluate(Unreadable() with { Thresholds = ThresholdGate.Parse(spec) }));

        Assert.Contains($"'{spec[..spec.IndexOf('=')]}'", error.Reason);
        Assert.Equal(SettingNames.Thresholds, error.Settings[0]);
        Assert.Contains(missing, error.Settings);
        Assert.Null(error.FilePath);
    }

    [Fact]
    public void A_check_that_has_what_it_needs_is_not_refused()
    {
        var gate = ThresholdGate.Parse("overfitting=0,detection=0,utility=0");
        var fake = new RecordingUtility();

        var result = EvaluationService.Evaluate(InMemory() with { Thresholds = gate, HoldoutFraction = 0.25, Target = "group", Utility = fake });

        Assert.Equal(3, result.Thresholds!.Count);
        Assert.Equal("group", fake.Target);
        Assert.Equal(100, fake.HoldoutRows);
    }

    [Fact]
    public void The_utility_evaluator_runs_only_for_a_target_or_detection()
    {
        var fake = new RecordingUtility();
        Assert.Null(EvaluationService.Evaluate(InMemory() with { Utility = fake }).Report.Utility);
        Assert.Equal(0, fake.Calls);

        var report = EvaluationService.Evaluate(InMemory() with { Utility = fake, Detection = true }).Report;

        Assert.Same(RecordingUtility.Result, report.Utility);
        Assert.Equal(1, fake.Calls);
        Assert.Null(fake.Target);
    }

    [Fact]
    public void Utility_or_detection_without_an_evaluator_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => EvaluationService.Evaluate(Unreadable() with { Detection = true }));
        Assert.Throws<ArgumentException>(() => EvaluationService.Evaluate(Unreadable() with { Target = "group", HoldoutFraction = 0.2 }));
    }

    [Fact]
    public void Contradictory_or_incomplete_holdout_settings_are_refused_before_any_file_is_read()
    {
        var both = Assert.Throws<SynthDataException>(() => EvaluationService.Evaluate(Unreadable() with
        {
            Holdout = EvaluationTable.FromTable(Real, "h"), HoldoutFraction = 0.2,
        }));
        Assert.Equal([SettingNames.Holdout, SettingNames.HoldoutFraction], both.Settings);

        var target = Assert.Throws<SynthDataException>(() => EvaluationService.Evaluate(Unreadable() with { Target = "group", Utility = new RecordingUtility() }));
        Assert.Equal(SettingNames.Target, target.Settings[0]);
        Assert.Contains(SettingNames.HoldoutFraction, target.Settings);
    }

    [Fact]
    public void A_target_that_is_not_evaluated_is_refused_before_the_run()
    {
        var fake = new RecordingUtility();

        var error = Assert.Throws<SynthDataException>(() => EvaluationService.Evaluate(InMemory() with { Target = "id", HoldoutFraction = 0.2, Utility = fake }));

        Assert.Equal([SettingNames.Target], error.Settings);
        Assert.Equal("id", error.ColumnName);
        Assert.Equal(0, fake.Calls);
    }

    [Fact]
    public void Metadata_that_does_not_fit_the_real_rows_is_bad_input()
    {
        var metadata = new TableMetadata { Columns = [new ColumnMetadata { Name = "nosuch", Kind = ColumnKind.Integer }] };

        var error = Assert.Throws<SynthDataException>(() => EvaluationService.Evaluate(InMemory() with { Metadata = metadata }));

        Assert.Contains("nosuch", error.Message);
    }

    [Fact]
    public void A_cancelled_token_stops_the_evaluation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => EvaluationService.Evaluate(InMemory(), ct: cancelled.Token));
    }

    [Fact]
    public void Every_setting_name_is_a_property_of_the_request()
    {
        var names = typeof(SettingNames).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.NotNull(typeof(EvaluationRequest).GetProperty(name)));
    }

    /// <summary>Records what the service hands the utility evaluator and returns a fixed report.</summary>
    private sealed class RecordingUtility : IUtilityEvaluator
    {
        public static readonly UtilityReport Result = new()
        {
            Target = "group",
            Task = UtilityTask.Classification,
            Scores = [new UtilityScore("Fixed", "F1", 0.8, 0.8, null, null)],
            Detections = [new DetectionScore("Fixed", 0.5, 3, 100)],
        };

        public int Calls { get; private set; }

        public string? Target { get; private set; }

        public int? HoldoutRows { get; private set; }

        public UtilityReport Evaluate(Table training, Table synthetic, Table? holdout, TableMetadata metadata, string? target, long seed, CancellationToken ct)
        {
            Calls++;
            Target = target;
            HoldoutRows = holdout?.RowCount;
            return Result;
        }
    }
}
