using SynthFixtures.Randomness;

namespace SynthFixtures.Models.Sequences.Par;

/// <summary>
/// Draws one entity's steps from a PAR network: at each step the network reads the previous step's encoding, the
/// first-step flag, the context and the step's known covariates; each column is then drawn from its head (a label from the softmax of its logits; a
/// number's present/missing, then its mode, then α from that mode's Gaussian, clipped as the transformer clips), in
/// column order, and the drawn encoding becomes the next step's input. The random draws per step are fixed by the
/// layout, so an entity's steps depend only on its own stream.
/// </summary>
internal sealed class ParStepSampler(GruNetwork network, ParOutputLayout layout, int contextWidth, int covariates = 0)
{
    private readonly float[] _input = new float[layout.InputWidth(contextWidth, covariates)];
    private readonly float[] _output = new float[layout.OutputWidth];

    /// <summary>Writes <paramref name="length"/> encoded steps to <paramref name="steps"/> (<c>length × EncodedWidth</c>, zeroed).</summary>
    /// <param name="context">The entity's encoded context.</param>
    /// <param name="stepCovariates">Its steps' covariates, <c>length × covariates</c> (empty without).</param>
    /// <param name="length">Steps to draw.</param>
    /// <param name="random">The entity's step stream.</param>
    /// <param name="steps">Where the encoded steps go.</param>
    /// <param name="gate">Step conditions and their check of an encoded step, or <c>null</c>.</param>
    /// <returns>False when the step conditions abandoned the entity (its remaining steps are left zero).</returns>
    public bool Sample(ReadOnlySpan<float> context, ReadOnlySpan<float> stepCovariates, int length, SynthRandom random, Span<float> steps,
        StepGate? gate = null)
    {
        var width = layout.EncodedWidth;
        var state = network.NewState();
        Array.Clear(_input);
        _input[width] = 1;   // the first step: nothing before it
        context.CopyTo(_input.AsSpan(width + 1));
        var covariatesAt = width + 1 + contextWidth;
        for (var t = 0; t < length; t++)
        {
            stepCovariates.Slice(t * covariates, covariates).CopyTo(_input.AsSpan(covariatesAt));
            network.Step(state, _input, _output);
            var step = steps.Slice(t * width, width);
            Draw(_output, step, random);
            if (gate is not null && gate.Filter.Constrains(t) && !Redraw(gate, t, step, random)) return false;
            step.CopyTo(_input);
            _input[width] = 0;
        }
        return true;
    }

    /// <summary>
    /// Redraws a failed step from the same network output until it passes (later steps), or gives up on the entity (the
    /// first step, whose failure must send the sampler back to a new context; or after the filter's redraw limit).
    /// </summary>
    private bool Redraw(StepGate gate, int t, Span<float> step, SynthRandom random)
    {
        var filter = gate.Filter;
        var redraws = 0;
        while (!gate.Check(t, step))
        {
            if (!Conditions.SequenceStepFilter.Redraws(t) || redraws == filter.MaxRedraws)
            {
                if (redraws > 0) filter.CountRedraws(redraws);
                filter.Abandon();
                return false;
            }
            redraws++;
            step.Clear();
            Draw(_output, step, random);
        }
        if (redraws > 0) filter.CountRedraws(redraws);
        return true;
    }

    private void Draw(ReadOnlySpan<float> output, Span<float> step, SynthRandom random)
    {
        foreach (var head in layout.Heads)
        {
            if (!head.IsNumeric)
            {
                step[head.Encoded + Categorical(output.Slice(head.Logits, head.Count), random)] = 1;
                continue;
            }
            var missing = head.Missing >= 0 && Categorical(output.Slice(head.Missing, 2), random) == 1;
            var mode = Categorical(output.Slice(head.Logits, head.Count), random);
            var noise = random.NextNormal();
            if (missing)
            {
                // As the transformer encodes a missing number: α = 0 in the likeliest mode, the missing flag set.
                step[head.Encoded + 1 + head.LikeliestMode] = 1;
                step[head.Encoded + 1 + head.Count + 1] = 1;
                continue;
            }
            var sigma = MathF.Exp(Math.Clamp(output[head.LogSigmas + mode], ParOutputLayout.MinLogSigma, ParOutputLayout.MaxLogSigma));
            step[head.Encoded] = Math.Clamp(output[head.Means + mode] + sigma * (float)noise, -ParOutputLayout.AlphaClip, ParOutputLayout.AlphaClip);
            step[head.Encoded + 1 + mode] = 1;
            if (head.Missing >= 0) step[head.Encoded + 1 + head.Count] = 1;
        }
    }

    /// <summary>A category drawn from softmax(<paramref name="logits"/>) by the inverse CDF of one uniform.</summary>
    private static int Categorical(ReadOnlySpan<float> logits, SynthRandom random)
    {
        var max = float.NegativeInfinity;
        foreach (var logit in logits) max = Math.Max(max, logit);
        var total = 0.0;
        foreach (var logit in logits) total += Math.Exp(logit - max);
        var target = random.NextDouble() * total;
        var sum = 0.0;
        for (var k = 0; k < logits.Length - 1; k++)
        {
            sum += Math.Exp(logits[k] - max);
            if (target < sum) return k;
        }
        return logits.Length - 1;
    }
}

/// <summary>Whether an encoded step meets the step conditions at step <paramref name="step"/>.</summary>
internal delegate bool EncodedStepCheck(int step, ReadOnlySpan<float> encoded);

/// <summary>The step conditions a <see cref="ParStepSampler"/> respects: the filter (what is checked when, the counts) and the check of an encoded step.</summary>
internal sealed record StepGate(Conditions.SequenceStepFilter Filter, EncodedStepCheck Check);
