using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;
using SynthFixtures.Training.Text;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests.Text;

/// <summary>The runtime's pure-C# <see cref="LstmNetwork"/> against TorchSharp's forward pass, on the exported weights.</summary>
public class LstmParityTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-4f;

    [Theory]
    [InlineData(1, 1f, 0)]
    [InlineData(2, 1f, 0)]
    [InlineData(2, 4f, 0)]   // larger weights: saturated gates, large logits
    [InlineData(1, 1f, 3)]   // context at every step: the prefix's first 3 tokens are the context
    [InlineData(2, 1f, 2)]
    [InlineData(2, 4f, 3)]
    [InlineData(1, 1f, 3, true)]   // and to the output: every step's logits add a map of the context's sum
    [InlineData(2, 4f, 2, true)]
    [InlineData(1, 1f, 3, true, true)]   // the map reads the context sum less its training mean; the export folds the mean into the bias
    [InlineData(2, 4f, 2, true, true)]
    public void Exported_weights_give_TorchSharps_next_token_logits(int layers, float scale, int contextLength, bool contextToOutput = false, bool centred = false)
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(11);
        const int vocabulary = 37;
        var withContext = contextLength > 0;
        using var model = new LstmLanguageModel(vocabulary, embeddingWidth: 8, hiddenWidth: 24, layers, contextAtEveryStep: withContext, contextToOutput,
            centred ? Frequencies(vocabulary, 5) : null);
        using (no_grad())
            foreach (var parameter in model.parameters())
            {
                if (contextToOutput) parameter.add_(randn_like(parameter).mul_(0.3f));   // the context's output map starts at zero
                parameter.mul_(scale);
            }
        model.eval();
        var random = new SynthRandom(12);
        var prefixes = Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, contextLength + 1 + random.NextInt(15)).Select(_ => random.NextInt(vocabulary)).ToArray()).ToList();

        var network = new LstmNetwork(vocabulary, 8, 24, layers, model.ExportWeights(), withContext, contextToOutput);
        var actual = network.NextTokenLogits(prefixes, contextLength);

        var worst = 0f;
        using var noGrad = no_grad();
        for (var p = 0; p < prefixes.Count; p++)
        {
            using var tokens = tensor(prefixes[p].Select(t => (long)t).ToArray(), [1, prefixes[p].Length]);
            using var context = tensor(prefixes[p][..contextLength].Select(t => (long)t).ToArray(), [1, contextLength]);
            using var logits = model.forward(tokens, context);
            var expected = logits[0, -1].data<float>().ToArray();
            for (var v = 0; v < vocabulary; v++) worst = Math.Max(worst, Math.Abs(expected[v] - actual[p * vocabulary + v]));
        }
        output.WriteLine($"max |Δ| = {worst:E2}");
        Assert.True(worst < Tolerance * scale, $"max |Δ| = {worst:E2}");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(true, true, true)]
    public void Batched_steps_with_rows_dropped_give_TorchSharps_logits_for_every_row(bool contextAtEveryStep, bool contextToOutput, bool centred = false)
    {
        // The sampler steps many rows at once and drops finished ones: each row's logits must stay its own.
        TorchRuntime.EnsureLoaded();
        manual_seed(13);
        const int vocabulary = 41, rows = 13, steps = 9, contextLength = 2;
        using var model = new LstmLanguageModel(vocabulary, embeddingWidth: 8, hiddenWidth: 20, layers: 2, contextAtEveryStep, contextToOutput,
            centred ? Frequencies(vocabulary, 6) : null);
        using (no_grad())
            foreach (var parameter in model.parameters())
            {
                if (contextToOutput) parameter.add_(randn_like(parameter).mul_(0.3f));
                parameter.mul_(3f);
            }
        model.eval();
        var random = new SynthRandom(14);
        var tokens = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, steps).Select(_ => random.NextInt(vocabulary)).ToArray()).ToArray();
        float[] expected;
        using (no_grad())
        using (var input = tensor(tokens.SelectMany(t => t.Select(x => (long)x)).ToArray(), [rows, steps]))
        using (var contexts = tensor(tokens.SelectMany(t => t[..contextLength].Select(x => (long)x)).ToArray(), [rows, contextLength]))
        using (var logits = model.forward(input, contexts))
            expected = logits.data<float>().ToArray();   // [rows, steps, vocabulary]

        // Each row's first two tokens are its context: fed as prefix tokens, and (with context at every step) added to every input.
        var network = new LstmNetwork(vocabulary, 8, 20, 2, model.ExportWeights(), contextAtEveryStep, contextToOutput);
        var state = network.NewState(tokens.Select(t => t[..contextLength]).ToArray());
        var active = Enumerable.Range(0, rows).ToArray();
        var buffer = new float[rows * network.LogitStride];
        var worst = 0f;
        for (var t = 0; t < steps; t++)
        {
            network.Step(state, active.Select(r => tokens[r][t]).ToArray(), buffer);
            for (var j = 0; j < active.Length; j++)
                for (var v = 0; v < vocabulary; v++)
                    worst = Math.Max(worst, Math.Abs(expected[(active[j] * steps + t) * vocabulary + v] - buffer[j * network.LogitStride + v]));
            // Drop every row whose index and step share parity with a few, as sampling drops rows that ended.
            var keep = Enumerable.Range(0, active.Length).Where(j => (active[j] + t) % 4 != 0 || active.Length <= 3).ToArray();
            state.Keep(keep);
            active = keep.Select(j => active[j]).ToArray();
        }
        output.WriteLine($"max |Δ| = {worst:E2}, rows left {active.Length}");
        Assert.True(active.Length < rows);
        Assert.True(worst < Tolerance * 3, $"max |Δ| = {worst:E2}");
    }

    [Fact]
    public void A_centred_output_map_adds_nothing_for_the_average_context_and_exports_that_way()
    {
        // Every training row has context tokens 2 and 7: the centred map sees a zero input, whatever its weights.
        TorchRuntime.EnsureLoaded();
        manual_seed(16);
        const int vocabulary = 19;
        var shares = new float[vocabulary];
        (shares[2], shares[7]) = (1f, 1f);
        using var model = new LstmLanguageModel(vocabulary, embeddingWidth: 8, hiddenWidth: 12, layers: 1, contextAtEveryStep: true, contextToOutput: true, shares);
        using (no_grad())
            foreach (var parameter in model.parameters()) parameter.add_(randn_like(parameter).mul_(0.5f));
        model.eval();
        using var noGrad = no_grad();
        using var tokens = tensor(new long[] { 2, 7, 0, 5, 9 }, [1, 5]);
        using var context = tensor(new long[] { 2, 7 }, [1, 2]);
        using var other = tensor(new long[] { 3, 7 }, [1, 2]);

        using var withMap = model.forward(tokens, context);
        using var withoutMap = model.Logits(model.States(tokens, context));
        using var otherContext = model.forward(tokens, other);
        using var otherWithoutMap = model.Logits(model.States(tokens, other));

        Assert.True(withMap.sub(withoutMap).abs().max().item<float>() < 1e-5f);
        Assert.True(otherContext.sub(otherWithoutMap).abs().max().item<float>() > 1e-2f, "another context is shifted");
        var network = new LstmNetwork(vocabulary, 8, 12, 1, model.ExportWeights(), contextAtEveryStep: true, contextToOutput: true);
        var runtime = network.NextTokenLogits([[2, 7, 0, 5, 9]], 2);
        var expected = withMap[0, -1].data<float>().ToArray();
        Assert.All(Enumerable.Range(0, vocabulary), v => Assert.True(Math.Abs(expected[v] - runtime[v]) < Tolerance, $"token {v}: {expected[v]} vs {runtime[v]}"));
    }

    /// <summary>Context-token shares as two context columns of the first 2·<paramref name="perColumn"/> ids would give them (each column's shares sum to 1).</summary>
    private static float[] Frequencies(int vocabulary, int perColumn)
    {
        var shares = new float[vocabulary];
        var random = new SynthRandom(15);
        for (var column = 0; column < 2; column++)
        {
            var raw = Enumerable.Range(0, perColumn).Select(_ => 0.1 + random.NextDouble()).ToArray();
            for (var t = 0; t < perColumn; t++) shares[column * perColumn + t] = (float)(raw[t] / raw.Sum());
        }
        return shares;
    }
}
