using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Sequences.Par;

/// <summary>
/// Where each step column's distribution sits in the PAR network's outputs, and where its value sits in the encoded step
/// (<see cref="ModeSpecificTransformer"/>'s layout, which is also the next step's input). A categorical column has one
/// logit per label. A numeric column is a mixture over its modes: a logit per mode, then per mode the mean and log σ of
/// α (the value normalised within that mode), then, when it had missing values, two logits for present/missing. Giving
/// each mode its own Gaussian lets the network say "in this mode, near here" instead of averaging α over modes whose
/// normalisations differ.
/// </summary>
public sealed class ParOutputLayout
{
    /// <summary>Smallest log σ of α: σ ≈ 0.0025, a value's noise at 1 % of its mode's standard deviation.</summary>
    public const float MinLogSigma = -6f;

    /// <summary>Largest log σ of α: σ = e, wider than α's whole range (room above an untrained output of about 0, so the clamp does not stop its gradient).</summary>
    public const float MaxLogSigma = 1f;

    /// <summary>The largest |α| the transformer writes; drawn α is clipped to it so the next input looks like training's.</summary>
    public const float AlphaClip = 0.99f;

    /// <summary>The layout for <paramref name="transformer"/>'s columns.</summary>
    public ParOutputLayout(ModeSpecificTransformer transformer)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        var heads = new List<ParColumnHead>();
        var output = 0;
        var encoded = 0;
        foreach (var column in transformer.Parameters.Columns)
        {
            if (column.Modes is { } modes)
            {
                var k = modes.Weights.Length;
                var likeliest = Array.IndexOf(modes.Weights, modes.Weights.Max());
                heads.Add(new ParColumnHead(true, encoded, k, output, output + k, output + 2 * k, column.HasMissing ? output + 3 * k : -1, likeliest));
                output += 3 * k + (column.HasMissing ? 2 : 0);
            }
            else
            {
                var n = column.Categories!.Length;
                heads.Add(new ParColumnHead(false, encoded, n, output, -1, -1, -1, -1));
                output += n;
            }
            encoded += column.Width;
        }
        Heads = heads;
        OutputWidth = output;
        EncodedWidth = transformer.Width;
    }

    /// <summary>One head per transformed column, in the transformer's order.</summary>
    public IReadOnlyList<ParColumnHead> Heads { get; }

    /// <summary>Network outputs per step.</summary>
    public int OutputWidth { get; }

    /// <summary>Encoded values per step (the transformer's width).</summary>
    public int EncodedWidth { get; }

    /// <summary>Network inputs per step: the previous step's encoding, a first-step flag, the encoded context.</summary>
    public int InputWidth(int contextWidth, int covariates = 0) => EncodedWidth + 1 + contextWidth + covariates;
}

/// <summary>One column's place in the outputs and in the encoded step.</summary>
/// <param name="IsNumeric">A numeric (moded) column, else categorical.</param>
/// <param name="Encoded">Its first entry in the encoded step (α for a numeric column, the first label otherwise).</param>
/// <param name="Count">Modes of a numeric column, labels of a categorical one.</param>
/// <param name="Logits">First mode or label logit.</param>
/// <param name="Means">First per-mode α mean (numeric), else −1.</param>
/// <param name="LogSigmas">First per-mode α log σ (numeric), else −1.</param>
/// <param name="Missing">The present/missing logits (numeric with missing values), else −1.</param>
/// <param name="LikeliestMode">The mode a missing value encodes with (the transformer's choice), else −1.</param>
public sealed record ParColumnHead(bool IsNumeric, int Encoded, int Count, int Logits, int Means, int LogSigmas, int Missing, int LikeliestMode);
