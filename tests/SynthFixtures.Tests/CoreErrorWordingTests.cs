using System.Text.RegularExpressions;
using SynthFixtures.Data;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests;

/// <summary>
/// The core speaks domain words: its errors never name a command-line option (a library or MSBuild user has none),
/// and point at the setting involved through <see cref="SynthDataException.Settings"/> instead.
/// </summary>
public partial class CoreErrorWordingTests
{
    [GeneratedRegex("--[a-z]")]
    private static partial Regex OptionLike();

    private static void AssertDomainWords(SynthDataException error)
    {
        Assert.DoesNotMatch(OptionLike(), error.Message);
        Assert.DoesNotContain("'synthfixtures ", error.Message, StringComparison.Ordinal); // a quoted command line
    }

    public static TheoryData<string, string[]> Errors => new()
    {
        { "holdout fraction out of range", [SettingNames.HoldoutFraction] },
        { "holdout leaving a side empty", [SettingNames.HoldoutFraction] },
        { "thresholds not name=minimum", [SettingNames.Thresholds] },
        { "thresholds unknown check", [SettingNames.Thresholds] },
        { "thresholds minimum out of range", [SettingNames.Thresholds] },
        { "thresholds repeated check", [SettingNames.Thresholds] },
        { "thresholds check needing a holdout", [SettingNames.Thresholds, SettingNames.Holdout, SettingNames.HoldoutFraction] },
        { "holdout given twice", [SettingNames.Holdout, SettingNames.HoldoutFraction] },
        { "target without holdout", [SettingNames.Target, SettingNames.Holdout, SettingNames.HoldoutFraction] },
        { "target not evaluated", [SettingNames.Target] },
        { "model file missing", [] },
        { "not a model file", [] },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Core_errors_name_no_command_line_option_and_list_the_settings_involved(string error, string[] settings)
    {
        var thrown = Assert.Throws<SynthDataException>(Causes[error]);

        AssertDomainWords(thrown);
        Assert.Equal(settings, thrown.Settings);
    }

    private static readonly Table Small = MixedTestTable.Create(20, seed: 1);

    private static EvaluationRequest Request() => new()
    {
        Real = EvaluationTable.FromTable(Small, "real"),
        Synthetic = EvaluationTable.FromTable(Small, "synthetic"),
    };

    private static readonly Dictionary<string, Action> Causes = new()
    {
        ["holdout fraction out of range"] = () => HoldoutSplit.Split(Small, 1.5, seed: 1),
        ["holdout leaving a side empty"] = () => HoldoutSplit.Split(Small, 0.01, seed: 1),
        ["thresholds not name=minimum"] = () => ThresholdGate.Parse("quality"),
        ["thresholds unknown check"] = () => ThresholdGate.Parse("nosuch=0.5"),
        ["thresholds minimum out of range"] = () => ThresholdGate.Parse("quality=1.5"),
        ["thresholds repeated check"] = () => ThresholdGate.Parse("quality=0.5,quality=0.6"),
        ["thresholds check needing a holdout"] = () => ThresholdGate.Parse("overfitting=0.5").CheckComputable(new EvaluationScope(false, false, false)),
        ["holdout given twice"] = () => EvaluationService.Evaluate(Request() with { Holdout = EvaluationTable.FromTable(Small, "h"), HoldoutFraction = 0.2 }),
        ["target without holdout"] = () => EvaluationService.Evaluate(Request() with { Target = "x", Utility = MlNetUtilityEvaluator.Instance }),
        ["target not evaluated"] = () => UtilityTarget.Check(MixedTestTable.Metadata(), "id"),
        ["model file missing"] = () => ModelArtifact.Load(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.synth")),
        ["not a model file"] = () => ModelArtifact.FromBytes("not a model"u8),
    };

    [Fact]
    public void No_string_in_the_core_library_names_a_command_line_option()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "SynthFixtures");
        var literalWithOption = new Regex("\"[^\"]*--[a-z]");
        var offending = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && literalWithOption.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(core, l.File)}({l.Line}): {l.Text}")
            .ToArray();

        Assert.True(offending.Length == 0, string.Join(Environment.NewLine, offending));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthFixtures.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (SynthFixtures.sln) was not found above the test binaries.");
    }
}
