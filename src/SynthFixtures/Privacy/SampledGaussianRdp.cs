namespace SynthFixtures.Privacy;

/// <summary>
/// Rényi differential privacy of one step of the Poisson-subsampled Gaussian mechanism (every row joins the batch
/// with probability q, the clipped sum gets N(0, σ²) noise per coordinate at sensitivity 1), after Mironov, Talwar and
/// Zhang 2019, "Rényi Differential Privacy of the Sampled Gaussian Mechanism" (arXiv:1908.10530), Section 3.3.
/// </summary>
/// <remarks>
/// The RDP at order α is log(A_α)/(α − 1) with A_α = E_{z∼N(0,σ²)}[((1 − q) + q·e^{(2z − 1)/(2σ²)})^α]. Integer orders
/// use the exact binomial expansion written as A_α − 1 = Σ_{k≥2} C(α,k) q^k (1 − q)^{α−k} (e^{k(k−1)/(2σ²)} − 1),
/// every term non-negative, so small RDP values keep their relative accuracy. Fractional orders use the paper's two
/// series with erfc weights, summed with signs in log space until their terms are negligible next to A_α − 1.
/// </remarks>
public static class SampledGaussianRdp
{
    /// <summary>
    /// The RDP of one step at <paramref name="order"/>: 0 when <paramref name="samplingRate"/> is 0, α/(2σ²) when it is 1
    /// (the plain Gaussian mechanism), +∞ when <paramref name="noiseMultiplier"/> is 0 (no noise, no privacy).
    /// </summary>
    /// <param name="samplingRate">q, the probability that a row takes part in the step, in [0, 1].</param>
    /// <param name="noiseMultiplier">σ, the noise standard deviation over the L2 sensitivity, ≥ 0.</param>
    /// <param name="order">α, above 1 and at most 10 000.</param>
    public static double Rdp(double samplingRate, double noiseMultiplier, double order)
    {
        PrivacyArguments.CheckSamplingRate(samplingRate);
        PrivacyArguments.CheckNoiseMultiplier(noiseMultiplier);
        PrivacyArguments.CheckOrder(order);
        if (samplingRate == 0) return 0;
        if (noiseMultiplier == 0) return double.PositiveInfinity;
        if (samplingRate == 1) return order / (2 * noiseMultiplier * noiseMultiplier);
        var logAMinusOne = order == Math.Floor(order)
            ? LogAMinusOneIntegerOrder(samplingRate, noiseMultiplier, (int)order)
            : LogAMinusOneFractionalOrder(samplingRate, noiseMultiplier, order);
        return LogSpace.SoftPlus(logAMinusOne) / (order - 1);
    }

    private static double LogAMinusOneIntegerOrder(double q, double sigma, int alpha)
    {
        var logQ = Math.Log(q);
        var logOneMinusQ = LogSpace.LogOnePlus(-q);
        var twoVariance = 2 * sigma * sigma;
        var logBinomial = Math.Log(alpha); // log C(α, 1)
        var sum = double.NegativeInfinity;
        for (var k = 2; k <= alpha; k++)
        {
            logBinomial += Math.Log(alpha - k + 1) - Math.Log(k);
            var term = logBinomial + k * logQ + (alpha - k) * logOneMinusQ + LogSpace.LogExpMinusOne(k * (k - 1.0) / twoVariance);
            sum = LogSpace.Add(sum, term);
        }
        return sum;
    }

    /// <remarks>
    /// A_α = Σᵢ C(α,i) qⁱ(1−q)^{α−i} e^{(i²−i)/(2σ²)} ½erfc((i − z₀)/(√2σ))
    ///     + Σᵢ C(α,i) q^{α−i}(1−q)ⁱ e^{((α−i)²−(α−i))/(2σ²)} ½erfc((z₀ − (α − i))/(√2σ)),  z₀ = σ² log(1/q − 1) + ½
    /// (the integral split where q·e^u = 1 − q, each side expanded binomially). The first two terms of the first sum,
    /// (1 − q)^α Φ(z₀/σ) + αq(1 − q)^{α−1} Φ((z₀ − 1)/σ), make up 1 − O(q²); they enter as minus what they lack to
    /// reach 1, 1 − (1 − q)^{α−1}(1 + (α − 1)q) plus the two Gaussian tails, each computed without cancellation, so
    /// that A_α − 1 comes out of a difference of O(q²) terms rather than of numbers close to 1 or to αq.
    /// </remarks>
    private static double LogAMinusOneFractionalOrder(double q, double sigma, double alpha)
    {
        var logQ = Math.Log(q);
        var logOneMinusQ = LogSpace.LogOnePlus(-q);
        var twoVariance = 2 * sigma * sigma;
        var z0 = sigma * sigma * Math.Log(1 / q - 1) + 0.5;
        var erfcScale = Math.Sqrt(2) * sigma;

        // Signed sums in log space: positive and negative parts kept apart, subtracted once at the end. The first two
        // terms of the first sum enter as minus what they lack to reach 1 (see remarks).
        var logShortfall = LogSpace.LogOneMinusExp(LogBinomialHead(q, alpha - 1));
        var logFirstTail = alpha * logOneMinusQ + LogSpace.LogHalfErfc(z0 / erfcScale);
        var logSecondTail = Math.Log(alpha) + logQ + (alpha - 1) * logOneMinusQ + LogSpace.LogHalfErfc((z0 - 1) / erfcScale);
        var positive = double.NegativeInfinity;
        var negative = LogSpace.Add(logShortfall, LogSpace.Add(logFirstTail, logSecondTail));

        double logBinomial = 0; // log |C(α, 0)|
        var sign = 1;
        var secondTerm = alpha * logQ + (alpha * alpha - alpha) / twoVariance + LogSpace.LogHalfErfc((z0 - alpha) / erfcScale);
        AddSigned(secondTerm, sign, ref positive, ref negative);
        for (var i = 1; i < MaxTerms; i++)
        {
            var factor = alpha - i + 1;
            logBinomial += Math.Log(Math.Abs(factor)) - Math.Log(i);
            if (factor < 0) sign = -sign;
            var j = alpha - i;
            var first = logBinomial + i * logQ + j * logOneMinusQ + (i * (i - 1.0)) / twoVariance
                + LogSpace.LogHalfErfc((i - z0) / erfcScale);
            var second = logBinomial + j * logQ + i * logOneMinusQ + (j * j - j) / twoVariance
                + LogSpace.LogHalfErfc((z0 - j) / erfcScale);
            if (i > 1) AddSigned(first, sign, ref positive, ref negative);
            AddSigned(second, sign, ref positive, ref negative);
            // Past the order the terms alternate in sign and shrink (only polynomially for α near 1: about
            // i^−(α+2)), so the sum stops within one term of its limit once a term is negligible next to A_α − 1.
            if (i > alpha + 1 && positive > negative
                && Math.Max(first, second) < LogSpace.Subtract(positive, negative) - NegligibleLogRatio) break;
        }
        return positive > negative ? LogSpace.Subtract(positive, negative) : double.NegativeInfinity;
    }

    /// <summary>
    /// log((1 − q)^c (1 + cq)), which is below 0 and O(q²): its series Σ_{k≥2} (qᵏ/k)((−1)^{k+1}cᵏ − c) where that
    /// converges fast (the k = 1 terms cancel exactly, which the direct c·log(1 − q) + log(1 + cq) would leave to rounding).
    /// </summary>
    private static double LogBinomialHead(double q, double c)
    {
        if (q > 0.01 || c * q > 0.5) return c * LogSpace.LogOnePlus(-q) + LogSpace.LogOnePlus(c * q);
        double sum = 0, qPower = q, cPower = c;
        for (var k = 2; k < 200; k++)
        {
            qPower *= q;
            cPower *= -c;
            var term = qPower / k * (cPower - c);
            sum += term;
            if (Math.Abs(term) <= 1e-18 * Math.Abs(sum)) break;
        }
        return sum;
    }

    private static void AddSigned(double logTerm, int sign, ref double positive, ref double negative)
    {
        if (sign > 0) positive = LogSpace.Add(positive, logTerm);
        else negative = LogSpace.Add(negative, logTerm);
    }

    /// <summary>Terms below 10⁻¹² of A_α − 1 (log ratio 27.6) are dropped: a relative truncation error of about 10⁻¹².</summary>
    private const double NegligibleLogRatio = 27.631021115928547;

    /// <summary>A guard far beyond what any order up to a few hundred needs; the loop stops long before.</summary>
    private const int MaxTerms = 1_000_000;
}
