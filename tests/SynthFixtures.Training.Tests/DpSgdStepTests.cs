using SynthFixtures.Randomness;
using SynthFixtures.Training.Optimisation;
using SynthFixtures.Training.Privacy;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tests;

/// <summary>DP-SGD's private gradient: per-example clipping over all parameters, noise of σC, division by q·n; and Poisson batches.</summary>
public class DpSgdStepTests
{
    [Fact]
    public void Without_noise_and_clipping_it_is_the_summed_gradient_over_the_expected_batch_size()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(6);
        using var scope = NewDisposeScope();
        using var network = nn.Sequential(("a", nn.Linear(4, 5)), ("r", nn.ReLU()), ("b", nn.Linear(5, 2)));
        using var k = new KeptScalars();
        var input = randn(8, 4);
        var recorder = new PerExampleGradients();
        var terms = recorder.Backward(recorder.Forward(network, input).square().sum(1));
        var clipped = new DpSgdStep(NoiseMultiplier: 0, MaxGradNorm: 1e6, ExpectedBatchSize: 10).Apply(terms, k);
        Assert.Equal(0, clipped);
        var parameters = terms.Parameters.ToArray();
        var reference = autograd.grad([network.forward(input).square().sum()], parameters);
        for (var p = 0; p < parameters.Length; p++)
            Assert.True(allclose(reference[p] / 10, parameters[p].grad!, rtol: 1e-5, atol: 1e-6), $"parameter {p}");
    }

    [Fact]
    public void The_private_gradient_reaches_the_optimizers_flat_buffer_and_moves_every_parameter()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(9);
        using var scope = NewDisposeScope();
        using var network = nn.Sequential(("a", nn.Linear(4, 5)), ("r", nn.ReLU()), ("b", nn.Linear(5, 2)));
        using var optimizer = new AdamOptimizer(network.parameters(), learningRate: 0.1);
        using var k = new KeptScalars();
        var before = network.parameters().Select(p => p.detach().clone()).ToArray();
        optimizer.ZeroGrad();
        var recorder = new PerExampleGradients();
        var terms = recorder.Backward(recorder.Forward(network, randn(6, 4)).square().sum(1));
        new DpSgdStep(NoiseMultiplier: 0, MaxGradNorm: 1e6, ExpectedBatchSize: 6).Apply(terms, k);
        optimizer.Step();
        var after = network.parameters().ToArray();
        for (var p = 0; p < after.Length; p++)
        {
            Assert.False(after[p].grad is null || after[p].grad!.abs().sum().item<float>() == 0, $"parameter {p} has no gradient");
            Assert.False(allclose(before[p], after[p].detach()), $"parameter {p} did not move");
        }
    }

    [Fact]
    public void Each_examples_whole_gradient_is_clipped_to_the_norm()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(7);
        using var scope = NewDisposeScope();
        using var network = nn.Sequential(("a", nn.Linear(4, 5)), ("b", nn.Linear(5, 3)));
        using var k = new KeptScalars();
        var recorder = new PerExampleGradients();
        var terms = recorder.Backward(recorder.Forward(network, randn(1, 4) * 10).square().sum(1));   // one example, norm ≫ 0.5
        Assert.Equal(1, new DpSgdStep(0, MaxGradNorm: 0.5, ExpectedBatchSize: 2).Apply(terms, k));
        var norm = Math.Sqrt(terms.Parameters.Sum(p => p.grad!.square().sum().item<float>()));
        Assert.Equal(0.5 / 2, norm, 1e-5);   // clipped to C over all four parameters together, then divided by q·n
    }

    [Fact]
    public void An_empty_batch_steps_with_noise_of_sigma_times_the_norm_over_the_expected_size()
    {
        TorchRuntime.EnsureLoaded();
        manual_seed(8);
        using var scope = NewDisposeScope();
        using var k = new KeptScalars();
        using var parameter = new TorchSharp.Modules.Parameter(zeros(200_000));
        new DpSgdStep(NoiseMultiplier: 1.5, MaxGradNorm: 2, ExpectedBatchSize: 4).ApplyEmpty([parameter], k);
        Assert.Equal(1.5 * 2 / 4, parameter.grad!.std().item<float>(), 0.01);
        Assert.Equal(0, parameter.grad!.mean().item<float>(), 0.01);
    }

    [Fact]
    public void Poisson_batches_include_each_row_independently_at_the_rate()
    {
        Assert.Empty(PoissonSampling.Sample(100, 0, new SynthRandom(1)));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)i), PoissonSampling.Sample(5, 1, new SynthRandom(1)));
        Assert.Equal(PoissonSampling.Sample(1000, 0.1, new SynthRandom(9)), PoissonSampling.Sample(1000, 0.1, new SynthRandom(9)));

        const int rows = 200, draws = 20_000;
        const double rate = 0.03;
        var random = new SynthRandom(2);
        var counts = new int[rows];
        var empty = 0;
        var sizes = new List<int>();
        for (var d = 0; d < draws; d++)
        {
            var batch = PoissonSampling.Sample(rows, rate, random);
            Assert.True(batch.Zip(batch.Skip(1)).All(p => p.First < p.Second), "ascending, no repeats");
            foreach (var i in batch) counts[i]++;
            if (batch.Length == 0) empty++;
            sizes.Add(batch.Length);
        }
        Assert.Equal(rate * rows, sizes.Average(), 0.1);                                // E|B| = q·n
        Assert.Equal(rate * rows * (1 - rate), sizes.Select(s => (s - rate * rows) * (s - rate * rows)).Average(), 0.3);   // binomial variance
        Assert.Equal(Math.Pow(1 - rate, rows), empty / (double)draws, 0.001);           // P(empty) = (1 − q)ⁿ ≈ 0.0023
        Assert.All(counts, c => Assert.InRange(c, draws * rate - 5 * Math.Sqrt(draws * rate), draws * rate + 5 * Math.Sqrt(draws * rate)));
        Assert.Equal(rate, counts[0] / (double)draws, 0.01);
        Assert.Equal(rate, counts[^1] / (double)draws, 0.01);
    }
}
