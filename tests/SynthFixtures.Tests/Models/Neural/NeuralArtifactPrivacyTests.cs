using SynthFixtures.Models.Artifacts;

namespace SynthFixtures.Tests.Models.Neural;

/// <summary>A neural model's recorded privacy plan is read when the model loads: a plain model states none, a malformed plan is bad input.</summary>
public class NeuralArtifactPrivacyTests
{
    [Fact]
    public void A_model_without_a_recorded_plan_states_no_guarantee()
    {
        var model = ModelArtifact.FromBytes(ModelArtifact.ToBytes(RandomNeuralModels.Tvae()));
        Assert.Null(model.Privacy);
    }

    [Fact]
    public void A_malformed_recorded_plan_with_a_valid_checksum_is_an_inconsistent_file_not_a_crash()
    {
        var bytes = TamperedArtifact.RewriteHeader(ModelArtifact.ToBytes(RandomNeuralModels.Tvae()), json =>
        {
            Assert.Contains("{\"test\":true}", json);
            return json.Replace("{\"test\":true}", "{\"test\":true,\"privacyPlan\":{\"preprocessing\":[{\"name\":\"x\"}],\"epsilon\":\"high\"}}", StringComparison.Ordinal);
        });
        var error = Assert.Throws<SynthDataException>(() => ModelArtifact.FromBytes(bytes, "model.synth"));
        Assert.Contains("inconsistent", error.Message);
    }
}
