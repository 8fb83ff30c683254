using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Neural;
using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.Neural;
using SynthFixtures.Training.Ctgan;
using SynthFixtures.Training.Tvae;
using SynthFixtures.Training.Validation;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// Early stopping end to end on a tiny table: the quality check runs (scores in the progress reports), patience ends
/// training before the epoch limit, the model keeps the best check's weights, the validation rows are never trained
/// on, and the same seed gives the same model.
/// </summary>
public class EarlyStoppingTests(ITestOutputHelper output)
{
    private static readonly EarlyStoppingOptions Stopping = new() { ValidationFraction = 0.2, CheckEvery = 10, Patience = 2, SampleRows = 500 };

    private static readonly TvaeOptions Tvae = new()
    {
        Epochs = 400, BatchSize = 50, EmbeddingWidth = 8, EncoderWidths = [64, 64], DecoderWidths = [64, 64], LearningRate = 3e-3, Seed = 11, Threads = 1,
        EarlyStopping = Stopping,
    };

    [Fact]
    public void Tvae_stops_on_patience_keeps_the_best_checks_weights_and_never_trains_on_the_validation_rows()
    {
        var (table, metadata) = TestTables.Small(300, withIdAndMissing: true);
        var reports = new List<TrainingProgress>();
        var model = TvaeSynthesizer.Train(table, metadata, Tvae, new SynchronousProgress(reports.Add));
        var checks = reports.Where(r => r.ValidationScore is not null).ToList();
        output.WriteLine(string.Join(", ", checks.Select(c => $"{c.Epoch}: {c.ValidationScore:F4}")));

        // The check really ran, on its schedule, with scores that are column-shape scores.
        Assert.Equal(Enumerable.Range(1, checks.Count).Select(i => Stopping.CheckEvery * i), checks.Select(c => c.Epoch));
        Assert.All(checks, c => Assert.InRange(c.ValidationScore!.Value, 0.01, 1.0));
        Assert.All(reports.Where(r => r.Epoch % Stopping.CheckEvery != 0), r => Assert.Null(r.ValidationScore));
        Assert.True(checks.Select(c => c.ValidationScore).Distinct().Count() > 1, "the score did not change as the model trained");

        // Patience: two checks after the best one without a gain, well before the epoch limit; the best is not the first check.
        var best = checks.First(c => c.ValidationScore == checks.Max(x => x.ValidationScore));
        Assert.True(reports[^1].Epoch < Tvae.Epochs, $"trained all {Tvae.Epochs} epochs");
        Assert.Equal(best.Epoch + Stopping.Patience * Stopping.CheckEvery, reports[^1].Epoch);
        Assert.True(best.Epoch > Stopping.CheckEvery, "the untrained-looking first check was the best");

        // The kept weights are the best check's: the final model scores exactly the best reported score.
        // The artifact's settings record what was asked and what happened, read back as typed records.
        var (asked, result) = RecordedEarlyStopping.From(model.TrainingSettings)!;
        Assert.Equal(Stopping, asked);
        Assert.Equal(best.Epoch, result.KeptEpoch);
        Assert.Equal(best.ValidationScore, result.ValidationScore);
        Assert.Equal(reports[^1].Epoch, result.EpochsTrained);
        Assert.Equal(checks.Count, result.Checks);
        Assert.True(result.StoppedEarly);
        var (training, validation) = ValidationSplit.Split(table, Stopping.ValidationFraction, Tvae.Seed);
        Assert.Equal(best.ValidationScore, Validator(training, validation, model).Score(model, default));
        Assert.NotEqual(checks[^1].ValidationScore, best.ValidationScore); // so the assertion above tells the best from the last

        // The validation rows were held out: the model was built from the other 240 rows, exactly.
        Assert.Equal(60, validation.RowCount);
        Assert.Equal(60, result.ValidationRows);
        Assert.Equal(240, model.Provenance.SourceRows);
        Assert.Equal(TableHash.Compute(training), model.Provenance.SourceDataSha256);
        Assert.Equal(table.RowCount, training.RowCount + validation.RowCount);
        Assert.Empty(training.Column("id").Intersect(validation.Column("id")));

        // Same seed, same model.
        Assert.Equal(ModelArtifact.ToBytes(model), ModelArtifact.ToBytes(TvaeSynthesizer.Train(table, metadata, Tvae)));
    }

    [Fact]
    public void Ctgan_stops_on_patience_and_restores_the_best_checks_generator()
    {
        var (table, metadata) = TestTables.Small(400, withIdAndMissing: true);
        var options = new CtganOptions
        {
            Epochs = 60, BatchSize = 80, Pac = 10, EmbeddingWidth = 8, GeneratorWidths = [32], DiscriminatorWidths = [32],
            GeneratorLearningRate = 1e-3, DiscriminatorLearningRate = 1e-3, Seed = 5, Threads = 1,
            EarlyStopping = Stopping with { CheckEvery = 3, Patience = 3 },
        };
        var reports = new List<TrainingProgress>();
        var model = CtganSynthesizer.Train(table, metadata, options, new SynchronousProgress(reports.Add));
        var checks = reports.Where(r => r.ValidationScore is not null).ToList();
        output.WriteLine(string.Join(", ", checks.Select(c => $"{c.Epoch}: {c.ValidationScore:F4}")));

        Assert.Equal(Enumerable.Range(1, checks.Count).Select(i => 3 * i), checks.Select(c => c.Epoch));
        Assert.All(reports, r => Assert.NotNull(r.DiscriminatorLoss));
        var best = checks.First(c => c.ValidationScore == checks.Max(x => x.ValidationScore));
        Assert.Equal(best.Epoch + 3 * 3, reports[^1].Epoch);
        Assert.True(reports[^1].Epoch < options.Epochs);
        var result = RecordedEarlyStopping.From(model.TrainingSettings)!.Outcome;
        Assert.Equal(best.Epoch, result.KeptEpoch);
        Assert.True(result.StoppedEarly);
        // Training went on for three more checks; the generator is the one from the best check, not the last epoch's.
        var (training, validation) = ValidationSplit.Split(table, options.EarlyStopping.ValidationFraction, options.Seed);
        Assert.Equal(best.ValidationScore, Validator(training, validation, model).Score(model, default));
        Assert.NotEqual(best.ValidationScore, checks[^1].ValidationScore);
        Assert.Equal(320, model.Provenance.SourceRows);
    }

    [Fact]
    public void Without_early_stopping_nothing_is_held_out_and_the_settings_do_not_mention_it()
    {
        var (table, metadata) = TestTables.Small(120);
        var reports = new List<TrainingProgress>();
        var model = TvaeSynthesizer.Train(table, metadata, Tvae with { Epochs = 3, EarlyStopping = null }, new SynchronousProgress(reports.Add));

        Assert.All(reports, r => Assert.Null(r.ValidationScore));
        Assert.Equal(3, reports.Count);
        Assert.Equal(120, model.Provenance.SourceRows);
        var names = model.TrainingSettings.EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain("earlyStopping", names);
        Assert.DoesNotContain("earlyStoppingResult", names);
        Assert.Null(RecordedEarlyStopping.From(model.TrainingSettings));
    }

    [Fact]
    public void Too_few_rows_to_hold_some_out_is_bad_input_and_the_trainer_needs_a_score()
    {
        var (table, metadata) = TestTables.Small(4);
        var error = Assert.Throws<SynthDataException>(() => TvaeSynthesizer.Train(table, metadata, Tvae with { EarlyStopping = Stopping with { ValidationFraction = 0.05 } }));
        Assert.Contains("leaves no validation rows", error.Message);
        Assert.Contains("--validation-fraction", error.Message);

        var transformer = NeuralTrainingData.Prepare(table, metadata, 1);
        Assert.Throws<ArgumentException>(() => TvaeTrainer.Train(transformer.Matrix, transformer.Rows, transformer.Transformer.Spans, Tvae));
    }

    private static ColumnShapeValidator Validator(Table training, Table validation, NeuralSynthModel model) =>
        new(model.Kind, training, validation, model.Metadata, model.Transformer, model.Provenance.Seed, Stopping.SampleRows, 1);
}
