namespace SynthFixtures.Text.Learned;

/// <summary>
/// Whether a row's text is missing, given its context tokens: a logistic regression over the context tokens (one
/// indicator per token) and an intercept, fitted by Newton's method with an L2 penalty on the token weights. Deciding
/// this apart from the language model keeps missingness tied to the context (real reviews are missing almost only
/// where no one found them helpful) and keeps a rare "empty text" out of the word model's first step, where the
/// length-grouped batches of a language model would see all of them together and none beside a real text.
/// Holds only aggregate facts: one weight per context token.
/// </summary>
public sealed class MissingTextModel
{
    /// <summary>The L2 penalty on each token weight: enough to keep a token seen only with text (or only without) finite.</summary>
    public const double Penalty = 1.0;

    /// <summary>Most Newton steps; the fit usually settles in fewer.</summary>
    public const int MaxIterations = 30;

    /// <summary>A model from its intercept and one weight per context token id.</summary>
    /// <param name="intercept">The log-odds of a missing text before the context's weights.</param>
    /// <param name="weights">Per context token id, its change to the log-odds.</param>
    /// <param name="trainingShare">The share of training rows whose text was missing, when known (models stored before it was kept have none).</param>
    /// <exception cref="ArgumentException">A weight is not finite, or the share is outside [0, 1].</exception>
    public MissingTextModel(double intercept, IReadOnlyList<double> weights, double? trainingShare = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!double.IsFinite(intercept) || weights.Any(w => !double.IsFinite(w)))
            throw new ArgumentException("The missing-text model's weights must be finite.", nameof(weights));
        if (trainingShare is { } share && !(share >= 0 && share <= 1))
            throw new ArgumentException($"The share of missing texts must be between 0 and 1, not {share}.", nameof(trainingShare));
        (Intercept, Weights, TrainingShare) = (intercept, weights.ToArray(), trainingShare);
    }

    /// <summary>The share of training rows whose text was missing; <c>null</c> when the model was stored without it.</summary>
    public double? TrainingShare { get; }

    /// <summary>The log-odds of a missing text before the context's weights.</summary>
    public double Intercept { get; }

    /// <summary>Per context token id, its change to the log-odds.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The probability that a row with these context tokens has no text.</summary>
    public double Probability(ReadOnlySpan<int> contextTokens)
    {
        var logit = Intercept;
        foreach (var token in contextTokens) logit += Weights[token];
        return 1 / (1 + Math.Exp(-logit));
    }

    /// <summary>
    /// Fits the model to rows' context tokens and whether their text is missing; <c>null</c> when no text is missing
    /// (then none ever is).
    /// </summary>
    /// <param name="contexts">Each row's context token ids, below <paramref name="contextTokens"/>.</param>
    /// <param name="missing">Whether each row's text is missing.</param>
    /// <param name="contextTokens">Context token ids.</param>
    public static MissingTextModel? Fit(IReadOnlyList<int[]> contexts, IReadOnlyList<bool> missing, int contextTokens)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(missing);
        if (contexts.Count != missing.Count) throw new ArgumentException("One missing flag per row is needed.", nameof(missing));
        if (!missing.Any(m => m)) return null;

        // Parameter 0 is the intercept (not penalised); parameter 1 + t is token t's weight.
        var d = contextTokens + 1;
        var beta = new double[d];
        var rate = missing.Count(m => m) / (double)missing.Count;
        beta[0] = rate >= 1 ? 20 : Math.Log(rate / (1 - rate));
        var gradient = new double[d];
        var hessian = new double[d * d];
        var active = new int[contexts.Count > 0 ? contexts[0].Length + 1 : 1];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (var r = 0; r < contexts.Count; r++)
            {
                var context = contexts[r];
                if (active.Length != context.Length + 1) active = new int[context.Length + 1];
                active[0] = 0;
                for (var c = 0; c < context.Length; c++) active[c + 1] = context[c] + 1;
                var logit = 0.0;
                foreach (var j in active) logit += beta[j];
                var p = 1 / (1 + Math.Exp(-logit));
                var residual = (missing[r] ? 1 : 0) - p;
                var weight = p * (1 - p);
                foreach (var j in active)
                {
                    gradient[j] += residual;
                    foreach (var k in active) hessian[j * d + k] += weight;
                }
            }
            for (var j = 1; j < d; j++)
            {
                gradient[j] -= Penalty * beta[j];
                hessian[j * d + j] += Penalty;
            }
            hessian[0] += 1e-9;   // an intercept with p(1 − p) ≈ 0 everywhere still solves
            var step = SolveCholesky(hessian, gradient, d);
            var largest = 0.0;
            for (var j = 0; j < d; j++)
            {
                beta[j] += step[j];
                largest = Math.Max(largest, Math.Abs(step[j]));
            }
            if (largest < 1e-8) break;
        }
        return new MissingTextModel(beta[0], beta[1..], rate);
    }

    /// <summary>
    /// How far each context column can move the log-odds of a missing text: the spread (largest less smallest weight)
    /// of its tokens' weights, per column of <paramref name="context"/> in its order.
    /// </summary>
    public double[] ColumnSpreads(TextContextEncoder context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TokenCount != Weights.Count)
            throw new ArgumentException($"The context has {context.TokenCount} tokens; the model has {Weights.Count} token weights.", nameof(context));
        return Enumerable.Range(0, context.ContextColumns.Count).Select(c =>
        {
            var tokens = Enumerable.Range(context.OffsetOf(c), context.ContextColumns[c].TokenCount).Select(t => Weights[t]).ToArray();
            return tokens.Length == 0 ? 0 : tokens.Max() - tokens.Min();
        }).ToArray();
    }

    /// <summary>x with A x = b for a symmetric positive definite A (<c>d × d</c>, row-major; overwritten).</summary>
    private static double[] SolveCholesky(double[] a, double[] b, int d)
    {
        for (var j = 0; j < d; j++)
        {
            var sum = a[j * d + j];
            for (var k = 0; k < j; k++) sum -= a[j * d + k] * a[j * d + k];
            var diagonal = Math.Sqrt(Math.Max(sum, 1e-12));
            a[j * d + j] = diagonal;
            for (var i = j + 1; i < d; i++)
            {
                var s = a[i * d + j];
                for (var k = 0; k < j; k++) s -= a[i * d + k] * a[j * d + k];
                a[i * d + j] = s / diagonal;
            }
        }
        var y = new double[d];
        for (var i = 0; i < d; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= a[i * d + k] * y[k];
            y[i] = s / a[i * d + i];
        }
        var x = new double[d];
        for (var i = d - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < d; k++) s -= a[k * d + i] * x[k];
            x[i] = s / a[i * d + i];
        }
        return x;
    }
}
