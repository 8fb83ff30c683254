using System.Text.Json;
using SynthFixtures.Models;
using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;
using SynthFixtures.Tests.Models;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Tests.Models.Neural;

/// <summary>
/// Small TVAE and CTGAN models with random weights on <see cref="MixedTestTable"/>'s fitted transformer: sampling does
/// all of its work (noise, forward pass, activations, decoding, generated keys) without TorchSharp.
/// </summary>
internal static class RandomNeuralModels
{
    public static NeuralSynthModel Tvae() => Create(ModelKinds.Tvae, MixedTestTable.Create(1500), MixedTestTable.Metadata());

    public static NeuralSynthModel Ctgan() => Create(ModelKinds.Ctgan, MixedTestTable.Create(1500), MixedTestTable.Metadata());

    /// <summary>A random-weight model of <paramref name="kind"/> on another table.</summary>
    public static NeuralSynthModel Create(string kind, SynthFixtures.Data.Table table, SynthFixtures.Metadata.TableMetadata metadata)
    {
        var random = new SynthRandom(3);
        var transformer = ModeSpecificTransformer.Fit(table, metadata, random.Derive("transformer"));
        var weights = random.Derive("weights");
        var settings = JsonDocument.Parse("{\"test\":true}").RootElement.Clone();
        const int noise = 8, hidden = 16;
        if (kind == ModelKinds.Tvae)
        {
            var decoder = new FeedForwardNetwork(
            [
                Linear(noise, hidden, weights), new ActivationLayer(hidden, Activation.ReLU), Linear(hidden, transformer.Width, weights),
            ]);
            var sigmas = Enumerable.Repeat(0.1f, transformer.Width).ToArray();
            return NeuralModelBuilder.Build(kind, table, metadata, transformer, decoder, sigmas, null, settings, 1);
        }
        var matrix = transformer.Transform(table, random.Derive("encode"));
        var conditions = ConditionVector.Count(transformer.Spans, matrix, table.RowCount);
        var input = noise + conditions.Width;
        var generator = new FeedForwardNetwork(
        [
            new ResidualLayer(Linear(input, hidden, weights), Norm(hidden)),
            Linear(input + hidden, transformer.Width, weights),
        ]);
        return NeuralModelBuilder.Build(kind, table, metadata, transformer, generator, null, conditions, settings, 1);
    }

    private static LinearLayer Linear(int inputs, int outputs, SynthRandom random)
    {
        var bound = 1 / Math.Sqrt(inputs);
        float Draw() => (float)((2 * random.NextDouble() - 1) * bound);
        return new LinearLayer(inputs, outputs, Enumerable.Range(0, inputs * outputs).Select(_ => Draw()).ToArray(),
            Enumerable.Range(0, outputs).Select(_ => Draw()).ToArray());
    }

    private static BatchNormLayer Norm(int width) =>
        new(width, Enumerable.Repeat(1f, width).ToArray(), new float[width], new float[width], Enumerable.Repeat(1f, width).ToArray());
}
