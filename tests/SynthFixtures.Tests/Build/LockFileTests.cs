using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Build;

/// <summary>synthfixtures.lock.json and committed models: CI reuses them, and locked mode refuses stale ones.</summary>
public sealed class LockFileTests
{
    [Fact]
    public void Committed_models_are_reused_when_the_lock_matches_and_locked_mode_rejects_a_changed_csv()
    {
        using var project = new TemporaryProject("""<SynthModel Include="data/people.csv" Seed="5" />""");
        CsvTableWriter.Write(MixedTestTable.Create(300, seed: 4), project.PathOf("data/people.csv"));

        var (code, log) = project.Build("SynthFixturesCommittedModels=models");
        Assert.True(code == 0, log);
        using (var lockJson = JsonDocument.Parse(File.ReadAllText(project.PathOf("synthfixtures.lock.json"))))
        {
            var entry = lockJson.RootElement.GetProperty("models").GetProperty("data/people.csv");
            Assert.Equal(64, entry.GetProperty("dataSha256").GetString()!.Length);
            Assert.Equal(64, entry.GetProperty("artifactSha256").GetString()!.Length);
        }
        Assert.True(File.Exists(project.PathOf("models/people.synth")));
        Assert.True(File.Exists(project.PathOf("models/people.metadata.json")));

        // A fresh clone (no obj/) in locked mode reuses the committed model instead of training.
        project.Clean();
        (code, log) = project.Build("SynthFixturesCommittedModels=models", "SynthFixturesLocked=true");
        Assert.True(code == 0, log);
        Assert.Contains("reused the committed model", log);
        Assert.DoesNotContain("SynthFixtures: training", log);

        // A changed CSV in locked mode is an error that says what changed and what to do.
        File.AppendAllText(project.PathOf("data/people.csv"), File.ReadAllLines(project.PathOf("data/people.csv"))[1] + "\n");
        (code, log) = project.Build("SynthFixturesCommittedModels=models", "SynthFixturesLocked=true");
        Assert.NotEqual(0, code);
        Assert.Contains("SF4001", log);
        Assert.Contains("the CSV changed", log);

        // Unlocked, the model retrains and the lock follows.
        var before = File.ReadAllText(project.PathOf("synthfixtures.lock.json"));
        (code, log) = project.Build("SynthFixturesCommittedModels=models");
        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training", log);
        Assert.NotEqual(before, File.ReadAllText(project.PathOf("synthfixtures.lock.json")));
    }
}
