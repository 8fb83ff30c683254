using System.Text.Json;
using SynthFixtures.Cli;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.TestData;

namespace SynthFixtures.Tests.Modeling.Sequences;

/// <summary><c>inspect --json</c> of a sequence model: what the text shows, as JSON a reader can parse.</summary>
public sealed class SequenceInspectJsonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static JsonElement Inspect(string model)
    {
        var inspect = CliResult.Run("inspect", model, "--json");
        Assert.True(inspect.ExitCode == CliApp.Success, inspect.Error);
        return JsonDocument.Parse(inspect.Output).RootElement;
    }

    [Fact]
    public void A_lagged_copula_model_is_described_field_by_field()
    {
        var csv = SequenceFixtures.WriteAr1(_folder);
        var model = _folder.File("s.synth");
        var train = CliResult.Run("train", csv, "--model", "lagged-copula", "--entity", "sensor", "--sequence-index", "date", "--context", "region",
            "--lags", "2", "--seed", "4", "--out", model);
        Assert.True(train.ExitCode == CliApp.Success, train.Error);

        var json = Inspect(model);
        Assert.Equal("sequence", json.GetProperty("model").GetString());
        Assert.Equal("lagged-copula", json.GetProperty("stepKind").GetString());
        Assert.Equal("gaussiancopula", json.GetProperty("contextKind").GetString());
        Assert.Equal(60, json.GetProperty("entities").GetInt32());
        Assert.Equal(4, json.GetProperty("seed").GetInt64());
        Assert.Equal(64, json.GetProperty("sourceDataSha256").GetString()!.Length);
        var key = json.GetProperty("entity")[0];
        Assert.Equal("sensor", key.GetProperty("column").GetString());
        Assert.Equal("code", key.GetProperty("shape").GetString());
        Assert.Equal("'S-' and 3 digits", key.GetProperty("description").GetString());
        var index = json.GetProperty("index");
        Assert.Equal("date", index.GetProperty("column").GetString());
        Assert.Equal("daily", index.GetProperty("rule").GetString());
        Assert.Equal(["annual", "weekly"], index.GetProperty("cycles").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, index.GetProperty("stepColumn").ValueKind);
        var lengths = json.GetProperty("lengths");
        Assert.InRange(lengths.GetProperty("min").GetInt32(), 15, 20);
        Assert.InRange(lengths.GetProperty("max").GetInt32(), 35, 45);
        Assert.Equal("sequence_length", lengths.GetProperty("lengthColumn").GetString());
        Assert.Equal(["region"], json.GetProperty("context").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["reading", "state"], json.GetProperty("steps").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["region", "sequence_length", "sequence_start"],
            json.GetProperty("contextModel").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var step = json.GetProperty("stepModel");
        Assert.Equal("2", step.GetProperty("settings").GetProperty("lags").GetString());
        Assert.Equal("4", step.GetProperty("settings").GetProperty("covariates").GetString());
        Assert.Equal(JsonValueKind.Null, step.GetProperty("earlyStopping").ValueKind);
        Assert.Equal(JsonValueKind.Null, index.GetProperty("trends").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("generated").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("privacy").ValueKind);
    }

    [Fact]
    public void Learned_key_members_trends_and_generated_columns_are_described()
    {
        var model = _folder.File("k.synth");
        var train = CliResult.Run("train", ConditionedKeyedPanelTests.WritePanel(_folder), "--model", "lagged-copula", "--entity", "product,channel",
            "--sequence-index", "t", "--seed", "4", "--out", model);
        Assert.True(train.ExitCode == CliApp.Success, train.Error);

        var json = Inspect(model);
        var keys = json.GetProperty("entity").EnumerateArray().ToDictionary(k => k.GetProperty("column").GetString()!);
        Assert.Equal("labels", keys["channel"].GetProperty("shape").GetString());
        Assert.Equal("learned by the context model: 2 labels", keys["channel"].GetProperty("description").GetString());
        Assert.Contains("reused across the learned key columns for 100 % of entities", keys["product"].GetProperty("description").GetString(), StringComparison.Ordinal);
        var index = json.GetProperty("index");
        Assert.Equal(["position", "indexValue"], index.GetProperty("trends").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, index.GetProperty("cycles").ValueKind);
        Assert.Contains("gaps", index.GetProperty("rule").GetString(), StringComparison.Ordinal);
        var generated = Assert.Single(json.GetProperty("generated").EnumerateArray());
        Assert.Equal("txn_id", generated.GetProperty("column").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("privacy").ValueKind);
    }
}
