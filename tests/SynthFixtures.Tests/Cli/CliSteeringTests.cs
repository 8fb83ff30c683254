using SynthFixtures.Cli;
using SynthFixtures.Data;

namespace SynthFixtures.Tests.Cli;

/// <summary><c>sample</c> with plans, equalization and replace rules: exact counts printed, bad input refused with exit 2.</summary>
public sealed class CliSteeringTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string TrainModel() => CliModels.TrainMixed(_folder, rows: 300);

    private Dictionary<string, int> Groups(string path) =>
        CsvTableReader.Read(path).Column("group").GroupBy(c => c!.Trim()).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Equalize_writes_exact_counts_per_label_and_prints_them()
    {
        var model = TrainModel();
        var target = _folder.File("e.csv");
        var result = CliResult.Run("sample", model, "--rows", "101", "--equalize", "group", "--out", target);
        Assert.Equal(CliApp.Success, result.ExitCode);
        var groups = Groups(target);
        Assert.Equal([50, 51], groups.Values.Order());
        Assert.Contains("group = ", result.Error, StringComparison.Ordinal);
        Assert.Contains("51 rows (from row 0)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Equalize_with_where_gives_exact_counts_of_rows_that_meet_it()
    {
        var model = TrainModel();
        var target = _folder.File("ew.csv");
        var result = CliResult.Run("sample", model, "--rows", "60", "--equalize", "group", "--where", "x > 40", "--out", target);
        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Equal([30, 30], Groups(target).Values.Order());
        Assert.All(CsvTableReader.Read(target).Column("x"), x => Assert.True(double.Parse(x!, System.Globalization.CultureInfo.InvariantCulture) > 40, x));
    }

    [Fact]
    public void Where_beside_requests_is_refused_with_exit_2()
    {
        var model = TrainModel();
        var result = CliResult.Run("sample", model, "--out", _folder.File("rw.csv"), "--request", "count=5", "--where", "x > 40");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--where does not combine with --request", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("rw.csv")));
    }

    [Fact]
    public void Requests_and_a_plan_file_give_the_same_sample()
    {
        var model = TrainModel();
        var requests = _folder.File("r.csv");
        Assert.Equal(CliApp.Success, CliResult.Run("sample", model, "--out", requests, "--request", "count=30; where=group = 'high'", "--request", "count=20").ExitCode);
        var plan = _folder.File("plan.json");
        File.WriteAllText(plan, """{ "requests": [ { "count": 30, "where": "group = 'high'" }, { "count": 20 } ] }""");
        var planned = _folder.File("p.csv");
        Assert.Equal(CliApp.Success, CliResult.Run("sample", model, "--out", planned, "--plan", plan).ExitCode);
        Assert.Equal(File.ReadAllBytes(requests), File.ReadAllBytes(planned));
        Assert.Equal(50, CsvTableReader.Read(planned).RowCount);
        Assert.All(CsvTableReader.Read(planned).Column("group").Take(30), g => Assert.Equal(" high", g));
    }

    [Fact]
    public void Replace_prints_the_rows_each_rule_touched()
    {
        var model = TrainModel();
        var target = _folder.File("s.csv");
        var result = CliResult.Run("sample", model, "--rows", "2000", "--out", target, "--replace", "group = 'low' WHEN group = 'high'", "--replace", "visits = 7 WHEN group = 'high'");
        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Equal(2000, Groups(target)["low"]);
        Assert.Matches(@"\d[\d,]* rows touched by group = 'low' WHEN group = 'high'", result.Error);
        Assert.Contains("0 rows touched by visits = 7 WHEN group = 'high'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("needs --rows", "--equalize", "group")]
    [InlineData("each describe the whole sample", "--request", "count=1", "--equalize", "group", "--rows", "1")]
    [InlineData("does not match the plan", "--request", "count=1", "--rows", "2")]
    [InlineData("has no count", "--request", "where=x > 1")]
    [InlineData("'purple' is not a label", "--rows", "5", "--replace", "group = 'purple'")]
    [InlineData("has no label 'purple'", "--rows", "5", "--equalize", "group=high:0.5,purple:0.5")]
    [InlineData("does not combine with a plan", "--request", "count=1", "--condition", "group=high")]
    public void Bad_steering_is_refused_with_exit_2_and_no_file(string expected, params string[] args)
    {
        var model = TrainModel();
        var target = _folder.File("s.csv");
        var result = CliResult.Run(["sample", model, "--out", target, .. args]);
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void A_plan_file_error_names_its_line_and_column()
    {
        var model = TrainModel();
        var plan = _folder.File("plan.json");
        File.WriteAllText(plan, "{ \"requests\": [\n  { \"count\": 1, \"rows\": 2 }\n] }");
        var result = CliResult.Run("sample", model, "--out", _folder.File("s.csv"), "--plan", plan);
        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Contains("rows", result.Error, StringComparison.Ordinal);
        Assert.Contains("(2,", result.Error, StringComparison.Ordinal);
    }
}
