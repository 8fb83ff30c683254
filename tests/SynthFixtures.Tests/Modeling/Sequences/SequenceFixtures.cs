using System.Globalization;
using System.Text;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Randomness;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Modeling.Sequences;

/// <summary>
/// An invented panel written as CSV: sensors S-001 … with a region (EU: 15–20 daily steps around +2; US: 35–45 steps
/// around −2), starts spread over 2020, a reading following x_t − μ = 0.8 (x_{t−1} − μ) + ε, and a state label that
/// says whether the reading is above its region's mean.
/// </summary>
internal static class SequenceFixtures
{
    public const double Phi = 0.8;

    public static string WriteAr1(TempFolder folder, int entities = 60, long seed = 3)
    {
        var random = new SynthRandom(seed);
        var csv = new StringBuilder("sensor,date,region,reading,state\n");
        var origin = new DateTime(2020, 1, 1);
        for (var e = 0; e < entities; e++)
        {
            var eu = e % 2 == 0;
            var mean = eu ? 2.0 : -2.0;
            var length = eu ? 15 + random.NextInt(6) : 35 + random.NextInt(11);
            var start = origin.AddDays(random.NextInt(300));
            var value = mean + random.NextNormal() / Math.Sqrt(1 - Phi * Phi);
            for (var s = 0; s < length; s++)
            {
                if (s > 0) value = mean + Phi * (value - mean) + random.NextNormal();
                csv.Append(CultureInfo.InvariantCulture, $"S-{e + 1:000},{start.AddDays(s):yyyy-MM-dd},{(eu ? "EU" : "US")},{value:F2},{(value > mean ? "high" : "low")}\n");
            }
        }
        var path = folder.File("sensors.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    public static SequenceTrainingResult Train(string csv, string modelPath, string index = "date", IReadOnlyList<string>? context = null,
        string entity = "sensor", double? holdout = null) =>
        new SequenceTrainingService(ModelTrainers.Core, SequenceStepTrainers.Core).Train(new SequenceTrainingRequest
        {
            DataPath = csv,
            Sequence = new SequenceMetadata { EntityColumns = [entity], IndexColumn = index, ContextColumns = context ?? [] },
            ContextGiven = context is not null,
            StepModelKind = SequenceModelKinds.LaggedCopula,
            ModelPath = modelPath,
            HoldoutFraction = holdout,
        });

    /// <summary>Lag-1 autocorrelation of a column pooled over entities, each entity centred on its own mean.</summary>
    public static double Lag1(IEnumerable<double[]> sequences)
    {
        double numerator = 0, denominator = 0;
        foreach (var values in sequences)
        {
            var mean = values.Average();
            for (var i = 0; i < values.Length; i++)
            {
                denominator += (values[i] - mean) * (values[i] - mean);
                if (i > 0) numerator += (values[i] - mean) * (values[i - 1] - mean);
            }
        }
        return numerator / denominator;
    }
}
