using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Build;

/// <summary>
/// build/SynthFixtures.targets with a real <c>dotnet build</c>: models are trained out of process, embedded, not
/// retrained when nothing changed, retrained one by one when their CSV changes, and a bad CSV is a build error at its
/// file, line and column.
/// </summary>
public sealed class BuildTimeTrainingTests
{
    private const string Items = """
            <SynthModel Include="data/people.csv" Seed="3" />
            <SynthModel Include="data/visits.csv" />
        """;

    [Fact]
    public void Models_are_trained_embedded_and_retrained_only_when_their_inputs_change()
    {
        using var project = new TemporaryProject(Items);
        CsvTableWriter.Write(MixedTestTable.Create(400, seed: 1), project.PathOf("data/people.csv"));
        CsvTableWriter.Write(MixedTestTable.Create(300, seed: 2), project.PathOf("data/visits.csv"));

        var (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training gaussiancopula on", log);
        Assert.Contains("fit: x:", log); // the trainer's progress reaches the build log
        var people = Path.Combine(project.ModelDirectory, "people.synth");
        var visits = Path.Combine(project.ModelDirectory, "visits.synth");
        Assert.True(File.Exists(Path.Combine(project.ModelDirectory, "people.metadata.json")));
        // The neural settings are appended only when set, so a copula item's settings (and the locks hashing them) are as before.
        Assert.Equal(["model=gaussiancopula", "seed=3", "metadata="], File.ReadAllLines(Path.Combine(project.ModelDirectory, "people.settings")));
        var schema = File.ReadAllLines(Path.Combine(project.ModelDirectory, "people.synthschema"));
        Assert.Equal("synthfixtures-schema 1", schema[0]);
        Assert.Contains(schema, line => line.StartsWith("column\tgroup\tcategorical\tmissing=0\tlabels=", StringComparison.Ordinal));
        Assert.Contains(project.ModelDirectory.Replace('\\', '/') + "/people.synthschema", log.Replace('\\', '/')); // handed to the compiler

        // Embedded under a stable name, and the embedded bytes are a valid model trained with the item's seed.
        var resources = EmbeddedResources(project.AssemblyPath);
        Assert.Equal(File.ReadAllBytes(people), resources["SynthFixtures/people.synth"]);
        Assert.Equal(3, ModelArtifact.FromBytes(resources["SynthFixtures/people.synth"]).Provenance.Seed);
        Assert.True(resources.ContainsKey("SynthFixtures/visits.synth"));
        var assembly = System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(File.ReadAllBytes(project.AssemblyPath)));
        Assert.Equal(3, SynthFixtures.Models.Artifacts.EmbeddedModels.Load(assembly, "people").Provenance.Seed);
        Assert.Contains("<SynthModel Include=", Assert.Throws<SynthDataException>(() => SynthFixtures.Models.Artifacts.EmbeddedModels.Load(assembly, "nosuch")).Message);

        var peopleTime = File.GetLastWriteTimeUtc(people);
        var visitsTime = File.GetLastWriteTimeUtc(visits);
        (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("Skipping target \"_SynthFixturesTrainModels\" because all output files are up-to-date", log);
        Assert.DoesNotContain("SynthFixtures: training", log);
        Assert.Equal(peopleTime, File.GetLastWriteTimeUtc(people));

        // One changed cell retrains that model only.
        var lines = File.ReadAllLines(project.PathOf("data/visits.csv"));
        lines[2] = string.Join(',', lines[2].Split(',').Select((cell, i) => i == 1 ? "49.999" : cell));
        File.WriteAllLines(project.PathOf("data/visits.csv"), lines);
        (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("visits.csv (seed 1)", log);
        Assert.DoesNotContain("people.csv (seed 3)", log);
        Assert.Equal(peopleTime, File.GetLastWriteTimeUtc(people));
        Assert.NotEqual(visitsTime, File.GetLastWriteTimeUtc(visits));
    }

    [Fact]
    public void A_malformed_csv_is_a_build_error_at_its_file_line_and_column()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/broken.csv" />""");
        File.WriteAllText(project.PathOf("data/broken.csv"), "a,b,c\n1,2,3\n4,5\n");
        var (code, log) = project.Build();
        Assert.NotEqual(0, code);
        Assert.Contains($"{project.PathOf("data/broken.csv")}(3,", log);
        Assert.Contains("error", log);
        Assert.DoesNotContain("MSB6006", log); // the trainer's own error, not "the tool exited with code 2"
    }

    [Fact]
    public void A_cell_read_as_missing_is_a_build_warning_at_its_file_line_and_column()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/ages.csv" />""");
        var rows = Enumerable.Range(0, 60).Select(i => $"{20 + i % 50},{(i % 3 == 0 ? "a" : "b")}").ToList();
        rows[6] = "abc,a"; // line 8: the header is line 1
        File.WriteAllText(project.PathOf("data/ages.csv"), "age,group\n" + string.Join('\n', rows) + "\n");
        var (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains($"{project.PathOf("data/ages.csv")}(8,1): warning SF1003:", log);
        Assert.Contains("'abc' is not an integer; read as missing", log);
    }

    private static Dictionary<string, byte[]> EmbeddedResources(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var section = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
        foreach (var handle in reader.ManifestResources)
        {
            var resource = reader.GetManifestResource(handle);
            var blob = section.GetReader((int)resource.Offset, section.Length - (int)resource.Offset);
            var length = blob.ReadInt32();
            result[reader.GetString(resource.Name)] = blob.ReadBytes(length);
        }
        return result;
    }
}
