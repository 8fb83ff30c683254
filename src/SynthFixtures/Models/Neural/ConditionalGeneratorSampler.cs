using System.Buffers;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// Samples a CTGAN generator in pure C#: each row's input is N(0, I) noise followed by a condition vector (drawn from
/// the training frequencies, or fixed by a categorical condition); the output gets tanh on each α and a one-hot drawn
/// by Gumbel-max on each one-hot span, which is what Gumbel-softmax followed by argmax samples.
/// </summary>
public static class ConditionalGeneratorSampler
{
    /// <summary>Draws <paramref name="rows"/> rows, row-major in the spans' layout.</summary>
    /// <param name="generator">(noise ‖ condition) → raw outputs.</param>
    /// <param name="spans">The output layout.</param>
    /// <param name="conditions">The condition vector's layout and frequencies.</param>
    /// <param name="rows">Rows to draw.</param>
    /// <param name="random">Drives the noise, the condition vectors and the one-hot draws.</param>
    /// <param name="fixedCondition">When set, every row's condition vector has this column's category hot.</param>
    public static float[] Sample(FeedForwardNetwork generator, IReadOnlyList<OutputSpan> spans, ConditionVector conditions, int rows,
        SynthRandom random, (int Column, int Category)? fixedCondition = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var output = new float[rows * generator.OutputWidth];
        SampleInto(generator, spans, conditions, rows, random, fixedCondition, output);
        return output;
    }

    /// <summary>
    /// As <see cref="Sample"/>, into <paramref name="output"/> (<c>rows × OutputWidth</c>), with a pooled input buffer.
    /// With <paramref name="categories"/> (<c>rows × one-hot spans</c>) the drawn categories go there and the one-hot
    /// entries of <paramref name="output"/> keep their logits (<see cref="OutputActivation.SampleCategories"/>).
    /// </summary>
    internal static void SampleInto(FeedForwardNetwork generator, IReadOnlyList<OutputSpan> spans, ConditionVector conditions, int rows,
        SynthRandom random, (int Column, int Category)? fixedCondition, Span<float> output, Span<int> categories = default)
    {
        var inputWidth = generator.InputWidth;
        var noise = inputWidth - conditions.Width;
        if (noise < 1) throw new ArgumentException("The generator has no room for noise beside the condition vector.", nameof(generator));
        var input = ArrayPool<float>.Shared.Rent(rows * inputWidth);
        try
        {
            for (var row = 0; row < rows; row++)
            {
                var at = row * inputWidth;
                random.FillNormal(input.AsSpan(at, noise));
                var vector = input.AsSpan(at + noise, conditions.Width);
                if (fixedCondition is { } fixedHot)
                {
                    vector.Clear();   // a pooled buffer holds earlier values
                    vector[conditions.Offset(fixedHot.Column) + fixedHot.Category] = 1;
                }
                else conditions.Draw(random, vector);
            }
            generator.ForwardInto(input.AsSpan(0, rows * inputWidth), rows, output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
        if (categories.IsEmpty) OutputActivation.Sample(output, generator.OutputWidth, spans, random);
        else OutputActivation.SampleCategories(output, generator.OutputWidth, spans, random, categories);
    }
}
