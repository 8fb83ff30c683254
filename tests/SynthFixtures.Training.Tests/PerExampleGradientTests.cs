using SynthFixtures.Randomness;
using SynthFixtures.Training.Ctgan;
using SynthFixtures.Training.Networks;
using SynthFixtures.Training.Optimisation;
using SynthFixtures.Training.Privacy;
using SynthFixtures.Training.Tvae;
using SynthFixtures.Transforms.Modes;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// DP-SGD's per-example gradients (outer products and ghost norms from one backward pass) equal autograd run on each
/// row alone, for every layer type the DP paths use: Linear after ReLU and LeakyReLU, TVAE's encoder heads and its σ,
/// and CTGAN's packed critic.
/// </summary>
public class PerExampleGradientTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Tvae_per_example_gradients_equal_autograd_on_single_rows_including_sigma()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(3);
        var (table, metadata) = TestTables.Small(12, withIdAndMissing: true);   // α, one-hot and missing-flag spans
        var transformer = ModeSpecificTransformer.Fit(table, metadata, new SynthRandom(1));
        var matrix = transformer.Transform(table, new SynthRandom(2));
        var width = transformer.Width;
        var rows = table.RowCount;
        using var scope = NewDisposeScope();
        using var encoder = new TvaeEncoder(width, [16, 8], 4);
        using var decoder = TvaeDecoder.Create(4, [8, 16], width);
        using var sigma = new Parameter(rand(width) * 0.4 + 0.05);
        using var loss = new TvaeLoss(transformer.Spans, width, factor: 2);
        using var k = new KeptScalars();
        var real = tensor(matrix, [rows, width]);
        var noise = randn(rows, 4);

        var recorder = new PerExampleGradients();
        var perRow = TvaePerExampleLoss.Compute(encoder, decoder, sigma, loss, real, noise, recorder, k);
        var terms = recorder.Backward(perRow);
        Assert.Equal(2 * 2 + 2 * 2 + 3 * 2 + 1, terms.Parameters.Count());   // body, heads, decoder (weight + bias each), σ

        AssertEqualsSingleRows(terms, rows, i =>
        {
            var single = new PerExampleGradients();
            return TvaePerExampleLoss.Compute(encoder, decoder, sigma, loss, real[i..(i + 1)], noise[i..(i + 1)], single, k).sum();
        });
    }

    [Fact]
    public void Ctgan_critic_per_pack_gradients_equal_autograd_on_single_packs()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(4);
        using var scope = NewDisposeScope();
        using var critic = new CtganDiscriminator(rowWidth: 7, [12, 6], pac: 3);
        critic.eval();   // Dropout off, so a pack alone sees the same network as in the batch
        var rows = randn(15, 7);
        var packs = rows.reshape(-1, critic.PackWidth);
        var recorder = new PerExampleGradients();
        var scores = recorder.Forward(critic.Body, packs).squeeze(1);
        var terms = recorder.Backward(-scores);

        AssertEqualsSingleRows(terms, 5, i => -critic.forward(rows[(3 * i)..(3 * i + 3)]).sum());
    }

    [Fact]
    public void Layers_that_mix_rows_are_refused()
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        using var generator = CtganGenerator.Create(5, [8], 3);   // residual blocks hold BatchNorm
        var error = Assert.Throws<NotSupportedException>(() => new PerExampleGradients().Forward(generator, randn(4, 5)));
        Assert.Contains("residual0", error.Message);
        using var batchNorm = nn.Sequential(("linear", nn.Linear(5, 4)), ("norm", nn.BatchNorm1d(4)));
        Assert.Throws<NotSupportedException>(() => new PerExampleGradients().Forward(batchNorm, randn(4, 5)));
    }

    [Fact]
    public void Ghost_norms_and_weighted_sums_match_the_materialised_gradients()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(5);
        using var scope = NewDisposeScope();
        using var network = nn.Sequential(("a", nn.Linear(6, 10)), ("r", nn.ReLU()), ("b", nn.Linear(10, 3)));
        var recorder = new PerExampleGradients();
        var output = recorder.Forward(network, randn(9, 6));
        var terms = recorder.Backward(output.square().sum(1));
        var perExample = terms.Materialise();
        var squared = perExample.Select(g => g.reshape(9, -1).square().sum(1)).Aggregate((a, b) => a + b);
        AssertClose(squared, terms.SquaredNorms(), "squared norms");
        var weights = rand(9);
        var sums = terms.WeightedSums(weights);
        for (var p = 0; p < perExample.Count; p++)
        {
            var shape = Enumerable.Repeat(1L, (int)perExample[p].dim()).ToArray();
            shape[0] = -1;
            AssertClose((perExample[p] * weights.view(shape)).sum(dim: 0), sums[p], $"weighted sum {p}");
        }
    }

    /// <summary>Each materialised per-example gradient, and its squared norm, against autograd on example i alone.</summary>
    private static void AssertEqualsSingleRows(PerExampleTerms terms, int examples, Func<int, Tensor> singleLoss)
    {
        var parameters = terms.Parameters.ToArray();
        var perExample = terms.Materialise();
        var squaredNorms = terms.SquaredNorms();
        for (var i = 0; i < examples; i++)
        {
            var reference = autograd.grad([singleLoss(i)], parameters);
            var norm = 0.0;
            for (var p = 0; p < parameters.Length; p++)
            {
                AssertClose(reference[p], perExample[p][i], $"example {i}, parameter {p}");
                norm += reference[p].to_type(ScalarType.Float64).square().sum().item<double>();
            }
            Assert.InRange(squaredNorms[i].item<float>(), norm - Tolerance * Math.Max(1, norm), norm + Tolerance * Math.Max(1, norm));
        }
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var e = expected.to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        var a = actual.to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
        for (var j = 0; j < e.Length; j++)
            Assert.True(Math.Abs(e[j] - a[j]) <= Tolerance * Math.Max(1, Math.Abs(e[j])), $"{what}[{j}]: autograd {e[j]}, per-example {a[j]}");
    }
}
