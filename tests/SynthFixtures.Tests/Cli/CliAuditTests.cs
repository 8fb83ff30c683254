using System.Text.Json;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models.DpMarginals;

namespace SynthFixtures.Tests.Cli;

/// <summary><c>synthfixtures audit</c>: the text and JSON results, and bad input exiting 2.</summary>
public sealed class CliAuditTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _csv;

    public CliAuditTests()
    {
        _csv = _folder.File("data.csv");
        CsvTableWriter.Write(DpMarginalsTestData.Create(200), _csv);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Json_gives_the_claim_the_scores_and_the_bound()
    {
        var result = CliResult.Run("audit", _csv, "--model", "dp-marginals", "--epsilon", "1", "--trainings", "20", "--canary", "coin=heads", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal("dp-marginals", root.GetProperty("model").GetString());
        Assert.Equal(1, root.GetProperty("claimedEpsilon").GetDouble(), 9);
        Assert.Equal(20, root.GetProperty("scoresWith").GetArrayLength());
        Assert.Equal(20, root.GetProperty("scoresWithout").GetArrayLength());
        Assert.Equal(10, root.GetProperty("outcome").GetProperty("withCanary").GetInt32());
        var bound = root.GetProperty("epsilonLowerBound").GetDouble();
        Assert.InRange(bound, 0, root.GetProperty("mostProvable").GetDouble());
        var coin = root.GetProperty("canary").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "coin");
        Assert.False(coin.GetProperty("traced").GetBoolean());
    }

    [Fact]
    public void Text_names_the_trainings_the_rates_and_the_bound_against_the_claim()
    {
        var result = CliResult.Run("audit", _csv, "--model", "gaussiancopula", "--trainings", "30");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("30 trainings with the canary and 30 without", result.Output);
        Assert.Contains("TPR ", result.Output);
        Assert.Contains("Empirical ε lower bound: ", result.Output);
        Assert.Contains("no DP claim", result.Output);
        Assert.Contains("hold a trace: ", result.Output);
    }

    [Theory]
    [InlineData("--canary", "colour")]
    [InlineData("--canary", "nope=1")]
    [InlineData("--trainings", "3")]
    [InlineData("--epochs", "3")]
    public void Bad_input_exits_2_without_a_stack_trace(string option, string value)
    {
        var result = CliResult.Run("audit", _csv, "--model", "dp-marginals", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
