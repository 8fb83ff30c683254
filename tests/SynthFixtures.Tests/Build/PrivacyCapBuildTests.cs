using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Build;

/// <summary>
/// Differential privacy at build time with a real <c>dotnet build</c>: a dp-marginals item trains through the settings
/// table with its ε, and the project's ε cap (<c>SynthFixturesMaxEpsilon</c>) makes every item without a guarantee or
/// above the cap an error at the item's own line, before anything is trained.
/// </summary>
public sealed class PrivacyCapBuildTests
{
    [Fact]
    public void A_dp_marginals_item_trains_with_its_epsilon_and_passes_a_cap_above_it()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/patients.csv" Model="dp-marginals" Epsilon="1" />""");
        CsvTableWriter.Write(MixedTestTable.Create(500, seed: 4), project.PathOf("data/patients.csv"));

        var (code, log) = project.Build("SynthFixturesMaxEpsilon=3");

        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training dp-marginals on", log);
        Assert.Contains("epsilon=1", File.ReadAllLines(Path.Combine(project.ModelDirectory, "patients.settings")));
        var model = ModelArtifact.Load(Path.Combine(project.ModelDirectory, "patients.synth"));
        Assert.Equal("dp-marginals", model.Kind);
        Assert.Equal(1, model.Privacy!.Epsilon, 9);
        var schema = File.ReadAllLines(Path.Combine(project.ModelDirectory, "patients.synthschema"));
        Assert.Equal($"privacy\tepsilon={model.Privacy.Epsilon:R}\tdelta={model.Privacy.Delta:R}", schema[2]);

        // A no-op build does not run the check again; a lower cap does, and fails.
        (code, log) = project.Build("SynthFixturesMaxEpsilon=3");
        Assert.True(code == 0, log);
        Assert.Contains("Skipping target \"_SynthFixturesCheckPrivacyCap\" because all output files are up-to-date", log);
        (code, log) = project.Build("SynthFixturesMaxEpsilon=0.5");
        Assert.NotEqual(0, code);
        Assert.Contains("error SF1004: <SynthModel Include=\"data/patients.csv\" Model=\"dp-marginals\"> sets Epsilon=\"1\", above the project's cap of ε = 0.5", log);
    }

    [Fact]
    public void Under_a_cap_each_item_without_a_guarantee_or_above_it_is_an_error_at_its_line_and_nothing_is_trained()
    {
        const string items = """
                <SynthModel Include="data/plain.csv" />
                <SynthModel Include="data/loose.csv" Model="dp-marginals" Epsilon="5" />
                <SynthModel Include="data/sigma.csv" Model="dp-tvae" NoiseMultiplier="1.1" />
                <SynthModel Include="data/fine.csv" Model="dp-marginals" Epsilon="2.5" />
                <SynthModel Include="data/default.csv" Model="DP-Marginals" />
            """;
        using var project = new TemporaryProject(items, "<PropertyGroup><SynthFixturesMaxEpsilon>3</SynthFixturesMaxEpsilon></PropertyGroup>");
        // An item in an imported file is reported in that file.
        File.WriteAllText(project.PathOf("Directory.Build.targets"), """
            <Project>
              <ItemGroup>

                <SynthModel Include="data/imported.csv" Model="ctgan" />
              </ItemGroup>
            </Project>
            """);
        foreach (var name in new[] { "plain", "loose", "sigma", "fine", "default", "imported" })
            CsvTableWriter.Write(MixedTestTable.Create(100, seed: 1), project.PathOf($"data/{name}.csv"));

        var (code, log) = project.Build();

        Assert.NotEqual(0, code);
        var csproj = project.PathOf("Consumer.csproj");
        Assert.Contains($"{At(csproj, "data/plain.csv")}: error SF1004: <SynthModel Include=\"data/plain.csv\" Model=\"gaussiancopula\"> trains a model without a differential-privacy guarantee, but the project caps ε at 3 (SynthFixturesMaxEpsilon). Choose a differentially private model, e.g. Model=\"dp-marginals\" Epsilon=\"3\"", log);
        Assert.Contains($"{At(csproj, "data/loose.csv")}: error SF1004: <SynthModel Include=\"data/loose.csv\" Model=\"dp-marginals\"> sets Epsilon=\"5\", above the project's cap of ε = 3 (SynthFixturesMaxEpsilon). Set Epsilon=\"3\" or lower, or raise the cap.", log);
        Assert.Contains($"{At(csproj, "data/sigma.csv")}: error SF1004: <SynthModel Include=\"data/sigma.csv\" Model=\"dp-tvae\"> sets NoiseMultiplier", log);
        Assert.Contains("Set Epsilon=\"3\" (or lower) instead of NoiseMultiplier.", log);
        Assert.Contains($"{At(project.PathOf("Directory.Build.targets"), "data/imported.csv")}: error SF1004: <SynthModel Include=\"data/imported.csv\" Model=\"ctgan\">", log);
        Assert.DoesNotContain("data/fine.csv\" Model", log);
        Assert.DoesNotContain("data/default.csv\" Model", log); // default ε = 1, and kinds are matched case-insensitively as MSBuild does
        Assert.DoesNotContain("SynthFixtures: training", log);
    }

    [Fact]
    public void A_default_epsilon_above_a_low_cap_and_a_cap_that_is_not_a_number_are_errors_that_say_what_to_set()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/people.csv" Model="dp-marginals" />""");
        CsvTableWriter.Write(MixedTestTable.Create(100, seed: 1), project.PathOf("data/people.csv"));

        var (code, log) = project.Build("SynthFixturesMaxEpsilon=0.5");
        Assert.NotEqual(0, code);
        Assert.Contains($"{At(project.PathOf("Consumer.csproj"), "data/people.csv")}: error SF1004: <SynthModel Include=\"data/people.csv\" Model=\"dp-marginals\"> trains at its default ε = 1, above the project's cap of ε = 0.5 (SynthFixturesMaxEpsilon). Set Epsilon=\"0.5\" or lower", log);

        (code, log) = project.Build("SynthFixturesMaxEpsilon=three");
        Assert.NotEqual(0, code);
        Assert.Contains("error SF1004: SynthFixturesMaxEpsilon is 'three', which is not an ε cap; set it to a positive number", log);
    }

    [Fact]
    public void The_generated_synthesizer_states_the_trained_models_guarantee_and_a_cap_reaches_the_generator()
    {
        const string type = """
            using SynthFixtures;
            namespace Consumer;
            [Synthesize(From = "data/patients.csv")]
            public partial record Patient
            {
                public int? Age { get; init; } // a DP model may emit a missing cell (its missing cell is measured with noise)
                public string? Group { get; init; }
            }
            """;
        using var project = new TemporaryProject("""<SynthModel Include="data/patients.csv" Model="dp-marginals" Epsilon="2" Delta="1e-7" />""", Consumes);
        CsvTableWriter.Write(PatientTable(), project.PathOf("data/patients.csv"));
        File.WriteAllText(project.PathOf("Patient.cs"), type);

        var (code, log) = project.Build("SynthFixturesMaxEpsilon=2");

        Assert.True(code == 0, log);
        var privacy = PrivacyOf(project.AssemblyPath, "Consumer.Patient");
        Assert.Equal("dp-marginals", privacy.Model);
        Assert.Equal(2, privacy.Epsilon!.Value, 9);
        Assert.Equal(1e-7, privacy.Delta);

        // The same type bound to a copula whose schema reaches the compiler by hand (as a reused model would):
        // the generator sees the project's cap and reports the type (SF0023), at its attribute.
        File.WriteAllText(project.PathOf("people.synthschema"), "synthfixtures-schema 1\nmodel\tgaussiancopula\nprivacy\tnone\ncolumn\tage\tinteger\tmissing=0\tmin=1\tmax=9\n");
        File.WriteAllText(project.PathOf("Patient.cs"), type.Replace("data/patients.csv", "data/people.csv"));
        project.WriteProject("""<AdditionalFiles Include="people.synthschema" />""");
        (code, log) = project.Build("SynthFixturesMaxEpsilon=2");
        Assert.NotEqual(0, code);
        Assert.Contains($"{project.PathOf("Patient.cs")}(3,2): error SF0023: 'Patient' is bound to the model learned from data/people.csv, which is gaussiancopula, with no differential-privacy guarantee, but the project caps ε at 2", log);
    }

    /// <summary>The project XML that makes a temporary project compile against the runtime and run the generator from this repository's binaries.</summary>
    private const string Consumes = """
        <PropertyGroup><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup>
        <ItemGroup>
          <Reference Include="$(SynthFixturesRepository)/src/SynthFixtures/bin/$(SynthFixturesRepositoryConfiguration)/net10.0/SynthFixtures.dll" />
          <Analyzer Include="$(SynthFixturesRepository)/analyzers/SynthFixtures.Generators/bin/$(SynthFixturesRepositoryConfiguration)/netstandard2.0/SynthFixtures.Generators.dll" />
        </ItemGroup>
        """;

    // 3 000 rows: without metadata the kinds are bought from the budget, and 300 rows are too few to tell integers through its noise.
    private static Table PatientTable()
    {
        var ages = Enumerable.Range(0, 3000).Select(i => (string?)(20 + i % 40).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var groups = Enumerable.Range(0, 3000).Select(i => (string?)(i % 3 == 0 ? "a" : "b")).ToArray();
        return new Table(["age", "group"], [ages, groups]);
    }

    /// <summary><c>file(line,column)</c> of the element that declares <paramref name="include"/>: its '&lt;'.</summary>
    private static string At(string file, string include)
    {
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.Contains($"Include=\"{include}\"", StringComparison.Ordinal));
        Assert.True(index >= 0, $"{include} is not in {file}");
        return $"{file}({index + 1},{lines[index].IndexOf('<', StringComparison.Ordinal) + 1})";
    }

    /// <summary>Loads the built assembly in its own context and reads <c>Synth.Privacy</c> of <paramref name="typeName"/>.</summary>
    private static SynthFixtures.Privacy.PrivacyGuarantee PrivacyOf(string assemblyPath, string typeName)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("consumer-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var type = context.LoadFromStream(new MemoryStream(File.ReadAllBytes(assemblyPath))).GetType(typeName)!;
            var synth = type.GetProperty("Synth")!.GetValue(null)!;
            return (SynthFixtures.Privacy.PrivacyGuarantee)synth.GetType().GetProperty("Privacy")!.GetValue(synth)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
