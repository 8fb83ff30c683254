using System.Diagnostics;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Tests.TestData;
using SynthFixtures.Training.Sequences;
using SynthFixtures.Transforms.Sequences;
using Xunit.Abstractions;

namespace SynthFixtures.Training.Tests.Sequences;

/// <summary>
/// A measurement, not a check run with the suite: PAR on weather.csv (2 locations × 1,461 daily steps) with its default
/// settings, reporting the training time and each numeric column's lag-1 autocorrelation, real against synthetic. Runs
/// only with SYNTHFIXTURES_MEASURE=1 (it takes minutes on two cores); PAR_EPOCHS, PAR_CHUNK, PAR_HIDDEN, PAR_LAYERS,
/// PAR_LR and PAR_THREADS override the settings; the date's calendar covariates (annual and weekly cycles) are given as
/// the sequence model gives them, unless PAR_COVARIATES=0.
/// </summary>
public sealed class ParWeatherMeasurement(ITestOutputHelper output)
{
    [SkippableFact]
    public void Weather_lag_one_autocorrelation_and_training_time()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("SYNTHFIXTURES_MEASURE") == "1", "A measurement: set SYNTHFIXTURES_MEASURE=1 to run it.");
        var path = Datasets.Path("timeseries_weather_stocks", "weather.csv");
        Skip.If(path is null, Datasets.Missing("timeseries_weather_stocks", "weather.csv"));
        var table = CsvTableReader.Read(path!);
        var metadata = TableProfiler.Profile(table);
        var set = SequenceSet.From(table, metadata, new SequenceMetadata { EntityColumns = ["location"], IndexColumn = "date" });
        var options = new ParOptions
        {
            Seed = 1, Threads = Setting("PAR_THREADS", 2), Epochs = Setting("PAR_EPOCHS", 100), ChunkLength = Setting("PAR_CHUNK", 64),
            HiddenWidth = Setting("PAR_HIDDEN", 64), Layers = Setting("PAR_LAYERS", 1),
            LearningRate = double.Parse(Environment.GetEnvironmentVariable("PAR_LR") ?? "1e-3", System.Globalization.CultureInfo.InvariantCulture),
        };
        var covariates = Environment.GetEnvironmentVariable("PAR_COVARIATES") == "0" ? null : StepCovariates.For(SequenceIndexSteps.Analyze(set).Step);
        var dates = Transforms.ColumnValues.ToDoubles(table, table.IndexOf("date"), metadata.Find("date")!);
        var values = covariates is null ? null : set.Entities.Select(e => covariates.Of(e.Rows.Select(r => dates[r]).ToArray())).ToList();
        var watch = Stopwatch.StartNew();
        var model = ParSynthesizer.Train(set, set.StepColumns, [], options,
            new Progress(p => { if (p.Epoch % 10 == 0) output.WriteLine($"epoch {p.Epoch}: loss {p.Loss:F4} at {watch.Elapsed.TotalSeconds:F0} s"); }),
            covariates: values, covariateCount: covariates?.Count ?? 0);
        var trainingSeconds = watch.Elapsed.TotalSeconds;
        var lengths = set.Entities.Select(e => e.Length).ToArray();
        watch.Restart();
        var sampled = model.SampleSteps(new SequenceStepRequest(new Table(["none"], [new string?[lengths.Length]]), lengths, 0, new SynthRandom(1), values));
        var samplingSeconds = watch.Elapsed.TotalSeconds;
        output.WriteLine($"settings: {options}; covariates: {covariates?.Describe() ?? "none"}");
        output.WriteLine($"training {trainingSeconds:F1} s ({options.Epochs} epochs), sampling {lengths.Sum()} steps {samplingSeconds:F3} s");
        foreach (var column in set.StepColumns.Where(c => c.IsNumeric))
        {
            var real = ParPanels.Real(set, column.Name);
            var synthetic = ParPanels.Split(sampled, column.Name, lengths);
            output.WriteLine($"{column.Name}: lag-1 autocorrelation real {string.Join(" / ", real.Select(Acf).Select(a => a.ToString("F3")))}, "
                + $"synthetic {string.Join(" / ", synthetic.Select(Acf).Select(a => a.ToString("F3")))}; mean real {real.SelectMany(r => r).Average():F2}, "
                + $"synthetic {synthetic.SelectMany(r => r).Average():F2}; sd real {Sd(real.SelectMany(r => r).ToArray()):F2}, synthetic {Sd(synthetic.SelectMany(r => r).ToArray()):F2}");
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static double Sd(double[] x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length);
    }

    /// <summary>The sample lag-1 autocorrelation of one sequence.</summary>
    private static double Acf(double[] x)
    {
        var mean = x.Average();
        double cross = 0, square = 0;
        for (var t = 0; t < x.Length; t++)
        {
            square += (x[t] - mean) * (x[t] - mean);
            if (t > 0) cross += (x[t] - mean) * (x[t - 1] - mean);
        }
        return cross / square;
    }

    private sealed class Progress(Action<Modeling.TrainingProgress> report) : IProgress<Modeling.TrainingProgress>
    {
        public void Report(Modeling.TrainingProgress value) => report(value);
    }
}
