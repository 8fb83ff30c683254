using SynthFixtures.Training.Networks;
using SynthFixtures.Training.Optimisation;
using SynthFixtures.Transforms.Modes;
using static TorchSharp.torch;

namespace SynthFixtures.Training.Tvae;

/// <summary>
/// TVAE's loss per row of a batch: factor · [Σ over α dimensions of (x − tanh x̂)²/(2σ²) + log σ, plus the
/// cross-entropy of each one-hot span against the true one] / B, plus KL(q(z|x) ‖ N(0, I)) / B.
/// </summary>
/// <remarks>
/// Computed in a handful of dense whole-batch operations rather than a few per span (adult has 21 spans), because small
/// operations and gathers (whose backward is a scatter) dominate an epoch at this network size:
/// <list type="bullet">
/// <item>the α term runs over the whole row with a 0/1 mask of the α columns;</item>
/// <item>each span's cross-entropy against the true one-hot is logsumexp(span logits) − (the true category's logit).
/// The second part is Σ x·x̂ over the one-hot columns. The first shifts every logit by its span's maximum (found
/// without gradient in a padded <c>[B, spans, longest]</c> gather: any constant shift gives the same value and
/// gradient, and the maximum keeps exp finite), exponentiates, and sums each span with one product by the 0/1
/// column-to-span matrix.</item>
/// </list>
/// Constants go through <see cref="KeptScalars"/>.
/// </remarks>
internal sealed class TvaeLoss : IDisposable
{
    private const float PaddingLogit = -1e4f;   // below any logit: a padded slot is never a span's maximum

    private readonly Tensor _alphaMask;         // [width]: 1 on α columns
    private readonly Tensor _oneHotMask;        // [width]: 1 on one-hot columns
    private readonly Tensor _isOneHot;          // [width], bool
    private readonly Tensor _spanOfColumn;      // [width]: each one-hot column's span (0 for α columns, masked out)
    private readonly Tensor _membership;        // [width, spans]: 1 where the column belongs to the span
    private readonly Tensor _spanColumns;       // [spans · longest], padding points at the extra column `width`
    private readonly bool _hasAlphas;
    private readonly int _spans;
    private readonly int _longest;
    private readonly double _factor;

    public TvaeLoss(IReadOnlyList<OutputSpan> spans, int width, double factor)
    {
        var oneHots = spans.Where(s => s.Activation != SpanActivation.Tanh).ToArray();
        _spans = oneHots.Length;
        _longest = oneHots.Length == 0 ? 0 : oneHots.Max(s => s.Length);
        var alphaMask = new float[width];
        foreach (var span in spans.Where(s => s.Activation == SpanActivation.Tanh)) alphaMask[span.Start] = 1;
        _hasAlphas = alphaMask.Any(a => a != 0);
        var oneHotMask = new float[width];
        var spanOfColumn = new long[width];
        var membership = new float[width * Math.Max(_spans, 1)];
        var columns = new long[_spans * _longest];
        for (var s = 0; s < _spans; s++)
        {
            for (var k = 0; k < _longest; k++)
                columns[s * _longest + k] = k < oneHots[s].Length ? oneHots[s].Start + k : width;
            for (var c = oneHots[s].Start; c < oneHots[s].Start + oneHots[s].Length; c++)
            {
                oneHotMask[c] = 1;
                spanOfColumn[c] = s;
                membership[c * _spans + s] = 1;
            }
        }
        _alphaMask = tensor(alphaMask).DetachFromDisposeScope();
        _oneHotMask = tensor(oneHotMask).DetachFromDisposeScope();
        _isOneHot = _oneHotMask.gt(0).DetachFromDisposeScope();
        _spanOfColumn = tensor(spanOfColumn).DetachFromDisposeScope();
        // In libtorch's aligned memory: `mm` rounds by its operands' alignment, and a managed array's address differs per process.
        _membership = NativeTensors.From(membership, [width, Math.Max(_spans, 1)]).DetachFromDisposeScope();
        _spanColumns = tensor(columns).DetachFromDisposeScope();
        _factor = factor;
    }

    /// <summary>The mean loss of the batch (a scalar with gradient).</summary>
    /// <param name="reconstruction">Decoder outputs, <c>[B, width]</c>: α before tanh, one-hot spans as logits.</param>
    /// <param name="real">The batch's transformed rows.</param>
    /// <param name="sigma">The learned σ per dimension (only the α dimensions' count).</param>
    /// <param name="mean">The encoder's mean.</param>
    /// <param name="logVariance">The encoder's log-variance.</param>
    /// <param name="k">Kept scalars for the constants.</param>
    public Tensor Compute(Tensor reconstruction, Tensor real, Tensor sigma, Tensor mean, Tensor logVariance, KeptScalars k)
    {
        var rows = real.shape[0];
        var terms = new List<Tensor>(2);
        if (_hasAlphas)
        {
            var error = real - reconstruction.tanh();
            terms.Add((error.square() / (sigma.square() * k[2]) * _alphaMask).sum().Plus((sigma.log() * _alphaMask).sum() * k[rows]));
        }
        if (_spans > 0)
        {
            Tensor maxima, shift;
            using (no_grad())
            {
                var padded = cat([reconstruction, full(rows, 1, k[PaddingLogit])], 1).index_select(1, _spanColumns).view(rows, _spans, _longest);
                maxima = padded.amax(2);                                                              // [B, spans]
                shift = where(_isOneHot, maxima.index_select(1, _spanOfColumn), reconstruction);      // α columns: exp(0)
            }
            var logSumExp = (reconstruction - shift).exp().mm(_membership).log().sum().Plus(maxima.sum());
            terms.Add(logSumExp - (real * _oneHotMask * reconstruction).sum());
        }
        var reconstructionLoss = stack(terms).sum() * k[_factor] / k[rows];
        var kl = (logVariance.Plus(k[1]) - mean * mean - logVariance.exp()).sum() * k[-0.5] / k[rows];
        return reconstructionLoss.Plus(kl);
    }

    /// <summary>
    /// Each row's loss, <c>[B]</c>, for DP-SGD (which needs every row's gradient apart): row i's reconstruction term
    /// times the factor plus its KL term, so the mean over rows is <see cref="Compute"/> (a span the row leaves empty
    /// adds no cross-entropy here; <see cref="Compute"/> never sees one). <paramref name="sigma"/> may be
    /// <c>[width]</c> or one copy per row, <c>[B, width]</c>.
    /// </summary>
    public Tensor ComputePerRow(Tensor reconstruction, Tensor real, Tensor sigma, Tensor mean, Tensor logVariance, KeptScalars k)
    {
        var rows = real.shape[0];
        var terms = new List<Tensor>(2);
        if (_hasAlphas)
        {
            var error = real - reconstruction.tanh();
            terms.Add(((error.square() / (sigma.square() * k[2])).Plus(sigma.log()) * _alphaMask).sum(1));
        }
        if (_spans > 0)
        {
            Tensor maxima, shift, present;
            using (no_grad())
            {
                var padded = cat([reconstruction, full(rows, 1, k[PaddingLogit])], 1).index_select(1, _spanColumns).view(rows, _spans, _longest);
                maxima = padded.amax(2);
                shift = where(_isOneHot, maxima.index_select(1, _spanOfColumn), reconstruction);
                // 1 where the row has its hot entry in the span, 0 where the span is empty (a label a DP transformer did
                // not release): an empty span's cross-entropy is 0 rather than a push on every logit.
                present = (real * _oneHotMask).mm(_membership);                                       // [B, spans]
            }
            var logSumExp = (reconstruction - shift).exp().mm(_membership).log().Plus(maxima).mul(present).sum(1);
            terms.Add(logSumExp - (real * _oneHotMask * reconstruction).sum(1));
        }
        var reconstructionLoss = stack(terms, 1).sum(1) * k[_factor];
        var kl = (logVariance.Plus(k[1]) - mean * mean - logVariance.exp()).sum(1) * k[-0.5];
        return reconstructionLoss.Plus(kl);
    }

    public void Dispose()
    {
        foreach (var t in new[] { _alphaMask, _oneHotMask, _isOneHot, _spanOfColumn, _membership, _spanColumns }) t.Dispose();
    }
}
