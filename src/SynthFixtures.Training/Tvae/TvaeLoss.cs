using SynthFixtures.Training.Optimisation;
using SynthFixtures.Transforms.Modes;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tvae;

/// <summary>
/// TVAE's loss per row of a batch: factor · [Σ over α dimensions of (x − tanh x̂)²/(2σ²) + log σ, plus the
/// cross-entropy of each one-hot span against the true one] / B, plus KL(q(z|x) ‖ N(0, I)) / B.
/// </summary>
/// <remarks>
/// Computed in a handful of whole-batch operations rather than a few per span (adult has 21 spans): the α columns are
/// gathered at once, and every one-hot span is gathered into one <c>[B, spans, longest]</c> block padded with a large
/// negative logit, whose log-softmax along the last axis is each span's log-softmax (padding gets probability 0). The
/// cross-entropy against the true one-hot is then −Σ target · log p. Small operations dominate at this network size,
/// so this is what an epoch's time is made of. Constants go through <see cref="KeptScalars"/>.
/// </remarks>
internal sealed class TvaeLoss : IDisposable
{
    private const float PaddingLogit = -1e4f;   // exp(−10⁴) is 0 in float: a padded slot never has probability

    private readonly Tensor _alphaColumns;      // [α]
    private readonly Tensor _spanColumns;       // [spans · longest], padding points at the extra column `width`
    private readonly int _spans;
    private readonly int _longest;
    private readonly double _factor;

    public TvaeLoss(IReadOnlyList<OutputSpan> spans, int width, double factor)
    {
        var alphas = spans.Where(s => s.Activation == SpanActivation.Tanh).Select(s => (long)s.Start).ToArray();
        var oneHots = spans.Where(s => s.Activation != SpanActivation.Tanh).ToArray();
        _spans = oneHots.Length;
        _longest = oneHots.Length == 0 ? 0 : oneHots.Max(s => s.Length);
        var columns = new long[_spans * _longest];
        for (var s = 0; s < _spans; s++)
            for (var k = 0; k < _longest; k++)
                columns[s * _longest + k] = k < oneHots[s].Length ? oneHots[s].Start + k : width;
        _alphaColumns = tensor(alphas).DetachFromDisposeScope();
        _spanColumns = tensor(columns).DetachFromDisposeScope();
        _factor = factor;
    }

    public Tensor Compute(Tensor reconstruction, Tensor real, Tensor sigma, Tensor mean, Tensor logVariance, KeptScalars k)
    {
        var rows = real.shape[0];
        var terms = new List<Tensor>(2);
        if (_alphaColumns.shape[0] > 0)
        {
            var std = sigma.index_select(0, _alphaColumns);
            var error = real.index_select(1, _alphaColumns) - reconstruction.index_select(1, _alphaColumns).tanh();
            terms.Add((error.square() / (std.square() * k[2])).sum() + std.log().sum() * k[rows]);
        }
        if (_spans > 0)
        {
            var logits = cat([reconstruction, full(rows, 1, k[PaddingLogit])], 1).index_select(1, _spanColumns).view(rows, _spans, _longest);
            var target = cat([real, zeros(rows, 1)], 1).index_select(1, _spanColumns).view(rows, _spans, _longest);
            terms.Add(-(target * logits.log_softmax(2)).sum());
        }
        var reconstructionLoss = stack(terms).sum() * k[_factor] / k[rows];
        var kl = (logVariance + k[1] - mean * mean - logVariance.exp()).sum() * k[-0.5] / k[rows];
        return reconstructionLoss + kl;
    }

    public void Dispose()
    {
        _alphaColumns.Dispose();
        _spanColumns.Dispose();
    }
}
