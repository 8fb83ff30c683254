using System.Numerics.Tensors;
using MathNet.Numerics;
using SynthFixtures.Randomness;

namespace SynthFixtures.Transforms.Modes;

/// <summary>
/// Variational inference for a one-dimensional Dirichlet-process Gaussian mixture, truncated at K components:
/// a stick-breaking prior v_k ~ Beta(1, γ) on the weights (Blei and Jordan, 2006) and a Normal-Gamma prior on each
/// component's mean and precision (the 1-D Normal-Wishart of Bishop, PRML §10.2). Coordinate ascent alternates the
/// M-step (10.60–10.63 with the Beta posteriors of the sticks) and the E-step (10.46, 10.64–10.66); every 25 iterations
/// (and at convergence) a merge of two components is kept when it raises the bound (<see cref="VariationalBound"/>).
/// <para>
/// Values are standardised first, so the priors are scale-free: mean prior 0 with precision factor β₀ = 1,
/// ν₀ = 1 degree of freedom, and W₀⁻¹ = 1 (the data's variance). Memory is component-major (one row of n per
/// component) so each update is a handful of <see cref="TensorPrimitives"/> calls over contiguous spans.
/// </para>
/// </summary>
internal static class DirichletProcessMixture
{
    private const double Beta0 = 1.0;
    private const double Nu0 = 1.0;
    private const double W0Inverse = 1.0;
    private const double LloydIterations = 10;
    private const double EmptyComponentFloor = 1e-300;
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>Iterations between attempts to merge two components.</summary>
    private const int MergeInterval = 25;

    /// <summary>Fits finite, non-constant <paramref name="values"/> and returns the kept components in the values' units.</summary>
    public static ModeNormalizerParameters Fit(double[] values, SynthRandom random, ModeNormalizerOptions options)
    {
        // Identical values have identical responsibilities, so the updates run on the distinct values weighted by their
        // counts: exact, and 10–2000× fewer points for the integer columns typical of tables (age, hours, amounts).
        var (z, counts, mean, sd) = Standardised(values, options.MaxDistinctPoints);
        var n = z.Length;
        var centres = KMeansPlusPlus(z, counts, Math.Min(options.MaxComponents, n), random);
        var resp = new double[centres.Length * n];
        HardAssign(z, centres, resp);
        var gamma = options.WeightConcentrationPrior;

        var work = new Workspace(n);
        var state = new MixturePosterior(centres.Length);
        var previousWeights = new double[state.Count];
        var previousMeans = new double[state.Count];
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            MStep(z, counts, resp, state, gamma, work);
            // Converged when no expected weight and no mean (in standard deviations of the data) moves by more than the tolerance.
            var weights = ExpectedWeights(state);
            var converged = MaxAbsDifference(weights, previousWeights) < options.Tolerance && MaxAbsDifference(state.M, previousMeans) < options.Tolerance;
            // Coordinate ascent moves mass between two components that share one mode very slowly; a merge that raises
            // the bound does it in one step (the merge moves of Hughes and Sudderth, 2013).
            if ((converged || iteration % MergeInterval == MergeInterval - 1) && TryMerge(z, counts, ref resp, ref state, gamma, work))
            {
                while (TryMerge(z, counts, ref resp, ref state, gamma, work)) { }
                previousWeights = new double[state.Count];
                previousMeans = new double[state.Count];
                EStep(z, resp, state, work);
                continue;
            }
            if (converged) break;
            weights.CopyTo(previousWeights, 0);
            state.M.CopyTo(previousMeans, 0);
            EStep(z, resp, state, work);
        }
        return Kept(state, mean, sd, options.WeightThreshold);
    }

    /// <summary>Scratch rows of length n, reused by every step.</summary>
    private sealed class Workspace(int n)
    {
        public readonly double[] Scratch = new double[n], Weighted = new double[n], MaxRow = new double[n], SumRow = new double[n];
    }

    /// <summary>
    /// Tries merging each pair of components (their responsibilities added; the merged one keeps the earlier stick) and
    /// keeps the merge that raises the variational bound most, if any. At most 45 pairs, each one M-step.
    /// On success <paramref name="resp"/> and <paramref name="state"/> have one component fewer.
    /// </summary>
    private static bool TryMerge(double[] z, double[] w, ref double[] resp, ref MixturePosterior state, double gamma, Workspace work)
    {
        var n = z.Length;
        var k = state.Count;
        if (k < 2) return false;
        var current = VariationalBound.Compute(state, gamma, NegativeEntropy(resp, w, n, work));
        double[]? bestResp = null;
        MixturePosterior? bestState = null;
        var best = current;
        var merged = new double[(k - 1) * n];
        for (var keep = 0; keep < k; keep++)
        for (var drop = keep + 1; drop < k; drop++)
        {
            if (bestResp == merged) merged = new double[(k - 1) * n];   // the best so far owns the buffer
            for (int c = 0, to = 0; c < k; c++)
            {
                if (c == drop) continue;
                resp.AsSpan(c * n, n).CopyTo(merged.AsSpan(to * n, n));
                if (c == keep) TensorPrimitives.Add(merged.AsSpan(to * n, n), resp.AsSpan(drop * n, n), merged.AsSpan(to * n, n));
                to++;
            }
            var candidate = new MixturePosterior(k - 1);
            MStep(z, w, merged, candidate, gamma, work);
            var bound = VariationalBound.Compute(candidate, gamma, NegativeEntropy(merged, w, n, work));
            if (bound > best) (best, bestResp, bestState) = (bound, merged, candidate);
        }
        if (bestResp is null) return false;
        (resp, state) = (bestResp, bestState!);
        return true;
    }

    /// <summary>Σₙ wₙ Σₖ rₙₖ ln rₙₖ.</summary>
    private static double NegativeEntropy(double[] resp, double[] w, int n, Workspace work)
    {
        var total = 0.0;
        for (var c = 0; c < resp.Length / n; c++)
        {
            var r = resp.AsSpan(c * n, n);
            // r ln r → 0 as r → 0; the floor keeps ln finite.
            TensorPrimitives.Max(r, 1e-300, work.Scratch);
            TensorPrimitives.Log(work.Scratch, work.Scratch);
            TensorPrimitives.Multiply(work.Scratch, r, work.Scratch);
            total += TensorPrimitives.Dot<double>(work.Scratch, w);
        }
        return total;
    }

    /// <summary>
    /// Distinct values with their counts, standardised. Beyond <paramref name="maxPoints"/> distinct values (a truly
    /// continuous column), values are pooled into that many equal-width bins, each represented by its members' mean
    /// and count: the bins are a few thousandths of a standard deviation wide, far narrower than any component.
    /// </summary>
    private static (double[] Z, double[] Counts, double Mean, double Sd) Standardised(double[] values, int maxPoints)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var distinct = new List<double>();
        var counts = new List<double>();
        foreach (var v in sorted)
        {
            if (distinct.Count > 0 && distinct[^1] == v) counts[^1]++;
            else
            {
                distinct.Add(v);
                counts.Add(1);
            }
        }
        var n = (double)values.Length;
        var x = distinct.ToArray();
        var w = counts.ToArray();
        if (x.Length > maxPoints) (x, w) = Pool(x, w, maxPoints);
        var mean = TensorPrimitives.Dot<double>(x, w) / n;
        var z = new double[x.Length];
        TensorPrimitives.Subtract(x, mean, z);
        var squares = new double[x.Length];
        TensorPrimitives.Multiply(z, z, squares);
        var sd = Math.Sqrt(TensorPrimitives.Dot<double>(squares, w) / n);
        TensorPrimitives.Multiply(z, 1 / sd, z);
        return (z, w, mean, sd);
    }

    private static (double[] X, double[] W) Pool(double[] x, double[] w, int bins)
    {
        var sums = new double[bins];
        var counts = new double[bins];
        var min = x[0];
        var width = (x[^1] - x[0]) / bins;
        for (var i = 0; i < x.Length; i++)
        {
            var bin = Math.Min((int)((x[i] - min) / width), bins - 1);
            sums[bin] += w[i] * x[i];
            counts[bin] += w[i];
        }
        var kept = Enumerable.Range(0, bins).Where(b => counts[b] > 0).ToArray();
        return (kept.Select(b => sums[b] / counts[b]).ToArray(), kept.Select(b => counts[b]).ToArray());
    }

    private static double MaxAbsDifference(double[] a, double[] b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    private static void MStep(double[] z, double[] w, double[] resp, MixturePosterior q, double gamma, Workspace work)
    {
        var n = z.Length;
        var k = q.Count;
        var counts = q.N;
        var scratch = work.Scratch;
        for (var c = 0; c < k; c++)
        {
            var r = work.Weighted.AsSpan();
            TensorPrimitives.Multiply(resp.AsSpan(c * n, n), w, r);
            // The tiny floor keeps an empty component's statistics finite (its posterior is then the prior). It must be a
            // normal double: a subnormal one reads as 0 on a thread that flushes subnormals (as training threads do), and 0/0 is NaN.
            var nk = TensorPrimitives.Sum<double>(r) + EmptyComponentFloor;
            var xbar = TensorPrimitives.Dot<double>(r, z) / nk;
            TensorPrimitives.Subtract(z, xbar, scratch);
            TensorPrimitives.Multiply(scratch, scratch, scratch);
            var s = TensorPrimitives.Dot<double>(r, scratch) / nk;
            counts[c] = nk;
            q.Xbar[c] = xbar;
            q.S[c] = s;
            q.BetaK[c] = Beta0 + nk;
            q.M[c] = nk * xbar / q.BetaK[c];                      // the prior mean is 0 after standardising
            q.Nu[c] = Nu0 + nk;
            q.W[c] = 1 / (W0Inverse + nk * s + Beta0 * nk / (Beta0 + nk) * xbar * xbar);
        }
        // Stick-breaking posteriors: a_k = 1 + N_k, b_k = γ + Σ_{j>k} N_j.
        var tail = 0.0;
        for (var c = k - 1; c >= 0; c--)
        {
            q.A[c] = 1 + counts[c];
            q.B[c] = gamma + tail;
            tail += counts[c];
        }
    }

    /// <summary>Responsibilities into <paramref name="resp"/> (one row of n per component).</summary>
    private static void EStep(double[] z, double[] resp, MixturePosterior q, Workspace work)
    {
        var n = z.Length;
        var k = q.Count;
        var maxRow = work.MaxRow;
        var sumRow = work.SumRow;
        var logStickRest = 0.0;   // Σ_{j<k} E[ln(1 − v_j)]
        for (var c = 0; c < k; c++)
        {
            var digammaAb = SpecialFunctions.DiGamma(q.A[c] + q.B[c]);
            var expectedLogWeight = SpecialFunctions.DiGamma(q.A[c]) - digammaAb + logStickRest;
            logStickRest += SpecialFunctions.DiGamma(q.B[c]) - digammaAb;
            var expectedLogPrecision = SpecialFunctions.DiGamma(q.Nu[c] / 2) + Math.Log(2 * q.W[c]);
            var constant = expectedLogWeight + 0.5 * expectedLogPrecision - HalfLogTwoPi - 0.5 / q.BetaK[c];
            var row = resp.AsSpan(c * n, n);
            // ln ρ = const − ½ ν W (x − m)²
            TensorPrimitives.Subtract(z, q.M[c], row);
            TensorPrimitives.Multiply(row, row, row);
            TensorPrimitives.Multiply(row, -0.5 * q.Nu[c] * q.W[c], row);
            TensorPrimitives.Add(row, constant, row);
            if (c == 0) row.CopyTo(maxRow);
            else TensorPrimitives.Max(maxRow, row, maxRow);
        }
        sumRow.AsSpan().Clear();
        for (var c = 0; c < k; c++)
        {
            var row = resp.AsSpan(c * n, n);
            TensorPrimitives.Subtract(row, maxRow, row);
            TensorPrimitives.Exp(row, row);
            TensorPrimitives.Add(sumRow, row, sumRow);
        }
        for (var c = 0; c < k; c++)
        {
            var row = resp.AsSpan(c * n, n);
            TensorPrimitives.Divide(row, sumRow, row);
        }
    }

    /// <summary>k-means++ seeding (D² sampling); fewer centres when the values have fewer distinct points.</summary>
    private static double[] KMeansPlusPlus(double[] z, double[] w, int k, SynthRandom random)
    {
        var n = z.Length;
        var centres = new List<double> { z[WeightedPick(w, random.NextDouble() * TensorPrimitives.Sum<double>(w))] };
        var d2 = new double[n];
        var scratch = new double[n];
        TensorPrimitives.Subtract(z, centres[0], d2);
        TensorPrimitives.Multiply(d2, d2, d2);
        while (centres.Count < k)
        {
            TensorPrimitives.Multiply(d2, w, scratch);
            var total = TensorPrimitives.Sum<double>(scratch);
            if (!(total > 0)) break;
            var pick = WeightedPick(scratch, random.NextDouble() * total);
            if (d2[pick] == 0) break;
            centres.Add(z[pick]);
            TensorPrimitives.Subtract(z, z[pick], scratch);
            TensorPrimitives.Multiply(scratch, scratch, scratch);
            TensorPrimitives.Min(d2, scratch, d2);
        }
        var result = centres.ToArray();
        // A few Lloyd iterations: the mixture starts from hard k-means clusters, as is usual for EM and VI.
        var labels = new int[n];
        var sums = new double[result.Length];
        var sizes = new double[result.Length];
        for (var iteration = 0; iteration < LloydIterations; iteration++)
        {
            Nearest(z, result, labels);
            Array.Clear(sums);
            Array.Clear(sizes);
            for (var i = 0; i < n; i++)
            {
                sums[labels[i]] += w[i] * z[i];
                sizes[labels[i]] += w[i];
            }
            for (var c = 0; c < result.Length; c++)
                if (sizes[c] > 0) result[c] = sums[c] / sizes[c];
        }
        // Largest cluster first: the stick-breaking prior expects weights to shrink with the index, so this order lets
        // it drain the small, redundant components instead of fighting the start.
        var order = Enumerable.Range(0, result.Length).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();
        return order.Select(c => result[c]).ToArray();
    }

    /// <summary>The first index whose running sum of <paramref name="weights"/> exceeds <paramref name="target"/> (skipping zero weights).</summary>
    private static int WeightedPick(double[] weights, double target)
    {
        var running = 0.0;
        var last = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0) continue;
            last = i;
            running += weights[i];
            if (running > target) return i;
        }
        return last;
    }

    private static void HardAssign(double[] z, double[] centres, double[] resp)
    {
        var n = z.Length;
        var labels = new int[n];
        Nearest(z, centres, labels);
        Array.Clear(resp);
        for (var i = 0; i < n; i++) resp[labels[i] * n + i] = 1;
    }

    private static void Nearest(double[] z, double[] centres, int[] labels)
    {
        for (var i = 0; i < z.Length; i++)
        {
            var best = 0;
            var bestDistance = Math.Abs(z[i] - centres[0]);
            for (var c = 1; c < centres.Length; c++)
            {
                var distance = Math.Abs(z[i] - centres[c]);
                if (distance < bestDistance) { best = c; bestDistance = distance; }
            }
            labels[i] = best;
        }
    }

    /// <summary>E[π_k] under q: E[v_k] Π_{j&lt;k} (1 − E[v_j]).</summary>
    private static double[] ExpectedWeights(MixturePosterior q)
    {
        var weights = new double[q.M.Length];
        var rest = 1.0;
        for (var c = 0; c < weights.Length; c++)
        {
            var stick = q.A[c] / (q.A[c] + q.B[c]);
            weights[c] = rest * stick;
            rest *= 1 - stick;
        }
        return weights;
    }

    /// <summary>Expected stick-breaking weights; keeps those above the threshold, renormalised, in original units, sorted by mean.</summary>
    private static ModeNormalizerParameters Kept(MixturePosterior q, double mean, double sd, double threshold)
    {
        var k = q.Count;
        var weights = ExpectedWeights(q);
        var total = weights.Sum();
        var kept = Enumerable.Range(0, k).Where(c => weights[c] / total > threshold).ToList();
        if (kept.Count == 0) kept.Add(Array.IndexOf(weights, weights.Max()));
        kept.Sort((x, y) => q.M[x].CompareTo(q.M[y]));
        var keptTotal = kept.Sum(c => weights[c]);
        return new ModeNormalizerParameters
        {
            Weights = kept.Select(c => weights[c] / keptTotal).ToArray(),
            Means = kept.Select(c => mean + sd * q.M[c]).ToArray(),
            // 1/E[precision] = W⁻¹/ν: the component variance the posterior expects.
            StandardDeviations = kept.Select(c => sd * Math.Sqrt(1 / (q.W[c] * q.Nu[c]))).ToArray(),
        };
    }
}
