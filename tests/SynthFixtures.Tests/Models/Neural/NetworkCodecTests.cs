using System.Text.Json;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Models.Neural;

public class NetworkCodecTests
{
    private static float[] Random(SynthRandom random, int count) => Enumerable.Range(0, count).Select(_ => (float)random.NextNormal()).ToArray();

    private static FeedForwardNetwork Network()
    {
        var r = new SynthRandom(12);
        var residual = new ResidualLayer(new LinearLayer(3, 4, Random(r, 12), Random(r, 4)),
            new BatchNormLayer(4, Random(r, 4), Random(r, 4), Random(r, 4), [0.5f, 1, 1.5f, 2]));
        return new FeedForwardNetwork(
        [
            residual,
            new ActivationLayer(7, Activation.LeakyReLU, 0.2f),
            new BatchNormLayer(7, Random(r, 7), Random(r, 7), Random(r, 7), Enumerable.Repeat(0.8f, 7).ToArray(), 1e-3),
            new LinearLayer(7, 2, Random(r, 14), Random(r, 2)),
            new ActivationLayer(2, Activation.Tanh),
        ]);
    }

    [Fact]
    public void Round_trips_through_json_and_a_float_payload()
    {
        var network = Network();
        var (layout, weights) = NetworkCodec.Write(network);
        var json = JsonSerializer.Serialize(layout, ArtifactJson.Default.NetworkLayout);

        var back = NetworkCodec.Read(JsonSerializer.Deserialize(json, ArtifactJson.Default.NetworkLayout)!, weights);

        Assert.Equal(12 + 4 + 16 + 28 + 14 + 2, weights.Length);
        var input = Random(new SynthRandom(13), 3 * 5);
        Assert.Equal(network.Forward(input, 5), back.Forward(input, 5));
        Assert.Equal(json, JsonSerializer.Serialize(NetworkCodec.Write(back).Layout, ArtifactJson.Default.NetworkLayout));
    }

    [Fact]
    public void Rejects_weights_that_do_not_match_the_layout()
    {
        var (layout, weights) = NetworkCodec.Write(Network());
        Assert.Throws<ArgumentException>(() => NetworkCodec.Read(layout, weights.AsSpan(0, weights.Length - 1)));
        Assert.Throws<ArgumentException>(() => NetworkCodec.Read(layout, [.. weights, 0f]));
        weights[3] = float.NaN;
        Assert.Throws<ArgumentException>(() => NetworkCodec.Read(layout, weights));
    }
}
