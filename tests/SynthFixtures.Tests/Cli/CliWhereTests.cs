using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;

namespace SynthFixtures.Tests.Cli;

/// <summary><c>sample --where</c>: the rows of the library's planned sample, the plan and acceptance rate reported, and expression errors shown with their caret (exit 2).</summary>
public sealed class CliWhereTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string TrainModel() => CliModels.TrainMixed(_folder, rows: 400);

    [Fact]
    public void Where_writes_the_planned_sample_and_reports_the_plan_and_the_acceptance_rate()
    {
        var model = TrainModel();
        var target = _folder.File("s.csv");
        const string where = "group = 'high' AND (visits = 0 OR y > 22)";

        var result = CliResult.Run("sample", model, "--rows", "3000", "--out", target, "--seed", "3", "--where", where, "--condition", "x>=45");

        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Contains("Conditions met by the model: x>=45, group=high; filtered: (visits = 0 OR y > 22).", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"Acceptance rate \d+\.\d\d %: 3,000 of [\d,]+ candidate rows met the conditions\.", result.Error);
        var loaded = ModelArtifact.Load(model);
        var whole = loaded.SampleWhere(3000, 3, loaded.PlanConditions(where, [Condition.Parse("x>=45")]));
        Assert.Equal(CsvTableWriter.WriteToString(whole.ToTable()), File.ReadAllText(target));
        Assert.All(RowPredicate.Compile(where + " AND x >= 45", whole).Matches(whole), Assert.True);
    }

    [Theory]
    [InlineData("group = 'high' AND visits <", "Expression error at character 28: expected a value after '<', found the end of the expression.", "                             ^")]
    [InlineData("grup = 'high'", "Expression error at character 1: there is no column 'grup' in the model.", "  ^^^^")]
    public void An_expression_error_exits_2_with_the_expression_and_a_caret_under_the_character(string where, string first, string caret)
    {
        var model = TrainModel();
        var target = _folder.File("s.csv");

        var result = CliResult.Run("sample", model, "--rows", "10", "--out", target, "--where", where);

        Assert.Equal(CliApp.BadInput, result.ExitCode);
        var lines = result.Error.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.FindIndex(l => l == first);
        Assert.True(at >= 0, result.Error);
        Assert.Equal("  " + where, lines[at + 1]);
        Assert.Equal(caret, lines[at + 2]);
        Assert.StartsWith("Hint: ", lines[at + 3], StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }
}
