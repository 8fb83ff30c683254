using System.Globalization;
using SynthFixtures.Models.Sequences;

namespace SynthFixtures.Tests.Build;

/// <summary>
/// A &lt;SynthModel Entity="…"&gt; item with a real <c>dotnet build</c>: a CSV of sequences learned as a sequence model by
/// the build's trainer, embedded, its schema (a role per column) handed to the generator, its sequence columns in the
/// lock text, not retrained when nothing changed, retrained when the sequence index changes; a tabular kind named for
/// sequences fails the build at the item.
/// </summary>
public sealed class SequenceBuildTimeTrainingTests
{
    [Fact]
    public void A_csv_of_sequences_is_learned_embedded_and_retrained_only_when_its_sequence_settings_change()
    {
        using var project = new TemporaryProject("""
            <SynthModel Include="data/meters.csv" Model="lagged-copula" Entity="meter" SequenceIndex="month" Seed="3" />
            """);
        WriteMeters(project.PathOf("data/meters.csv"));

        var (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training lagged-copula on the sequences (entity meter) of", log);
        Assert.Contains("Trained lagged-copula on 24 entities, 288 steps (seed 3)", log);
        var model = Path.Combine(project.ModelDirectory, "meters.synth");
        var schema = File.ReadAllLines(Path.Combine(project.ModelDirectory, "meters.synthschema"));
        Assert.Equal(SequenceSchema.Header, schema[0]);
        // The region is found as the context column: constant within every meter.
        Assert.Contains(schema, line => line.StartsWith("column\tmeter\tidentifier\t", StringComparison.Ordinal) && line.EndsWith("\trole=entity", StringComparison.Ordinal));
        Assert.Contains(schema, line => line.StartsWith("column\tregion\tcategorical\t", StringComparison.Ordinal) && line.EndsWith("\trole=context", StringComparison.Ordinal));
        Assert.Contains(schema, line => line.StartsWith("column\tmonth\tdatetime\t", StringComparison.Ordinal) && line.EndsWith("\trole=index", StringComparison.Ordinal));
        Assert.Contains(schema, line => line.StartsWith("column\tkwh\tinteger\t", StringComparison.Ordinal) && line.EndsWith("\trole=step", StringComparison.Ordinal));
        Assert.Contains(project.ModelDirectory.Replace('\\', '/') + "/meters.synthschema", log.Replace('\\', '/')); // handed to the compiler
        Assert.Equal(["model=lagged-copula", "seed=3", "metadata=", "entity=meter", "sequence-index=month"],
            File.ReadAllLines(Path.Combine(project.ModelDirectory, "meters.settings")));
        Assert.True(File.Exists(Path.Combine(project.ModelDirectory, "meters.metadata.json")));
        Assert.Contains("\"data/meters.csv\"", File.ReadAllText(project.PathOf("synthfixtures.lock.json")));

        // Its own load context: other build tests load their Consumer.dll into the default one.
        var assembly = new System.Runtime.Loader.AssemblyLoadContext("sequence-consumer").LoadFromStream(new MemoryStream(File.ReadAllBytes(project.AssemblyPath)));
        var embedded = EmbeddedSequenceModels.Load(assembly, "meters");
        Assert.Equal(File.ReadAllBytes(model), SequenceModelArtifact.ToBytes(embedded));
        Assert.Equal(["region"], embedded.Sequence.ContextColumns);
        var sample = embedded.Sample(5, seed: 1);
        Assert.All(sample.Lengths, length => Assert.Equal(12, length));
        Assert.Contains("Entity=", Assert.Throws<SynthDataException>(() => EmbeddedSequenceModels.Load(assembly, "nosuch")).Message
            + Assert.Throws<SynthDataException>(() => EmbeddedSequenceModels.Load(assembly, "nosuch")).Hint);

        // Nothing changed: the second build does not retrain.
        var trained = File.GetLastWriteTimeUtc(model);
        (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("Skipping target \"_SynthFixturesTrainModels\" because all output files are up-to-date", log);
        Assert.Equal(trained, File.GetLastWriteTimeUtc(model));

        // Another sequence setting (the file's order instead of the month column) retrains it.
        project.WriteProject("""<SynthModel Include="data/meters.csv" Model="lagged-copula" Entity="meter" Seed="3" />""");
        (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training lagged-copula on the sequences", log);
        Assert.NotEqual(trained, File.GetLastWriteTimeUtc(model));
        Assert.Contains(File.ReadAllLines(Path.Combine(project.ModelDirectory, "meters.synthschema")),
            line => line.StartsWith("column\tmonth\tdatetime\t", StringComparison.Ordinal) && line.EndsWith("\trole=step", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tabular_kind_for_sequences_fails_the_build_naming_the_kinds()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/meters.csv" Entity="meter" SequenceIndex="month" />""");
        WriteMeters(project.PathOf("data/meters.csv"));

        var (code, log) = project.Build();

        Assert.NotEqual(0, code);
        Assert.Contains("error SF1001: The sequence model kind 'gaussiancopula' is not available here.", log);
        Assert.Contains("lagged-copula", log);
    }

    /// <summary>24 invented meters, each with 12 monthly readings and a fixed region.</summary>
    private static void WriteMeters(string path)
    {
        var lines = new List<string> { "meter,region,month,kwh" };
        for (var m = 1; m <= 24; m++)
            for (var month = 1; month <= 12; month++)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"M-{m:000},{(m % 2 == 0 ? "north" : "south")},2025-{month:00}-01,{200 + (m % 2) * 80 + month * 5 + m % 7}"));
        File.WriteAllLines(path, lines);
    }
}
