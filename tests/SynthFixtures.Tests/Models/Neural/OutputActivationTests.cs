using System.Runtime.Intrinsics;
using SynthFixtures.Models.Neural;
using SynthFixtures.Randomness;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Tests.Models.Neural;

/// <summary>The grouped (one vector lane per row) one-hot sampler against its row-by-row definition.</summary>
public class OutputActivationTests
{
    // Spans of every awkward length (1, 2, a vector's width, one past it, adult's 42), α spans between them.
    private static readonly OutputSpan[] Spans =
    [
        new("a", 0, 1, SpanActivation.Tanh, SpanRole.Alpha),
        new("m", 1, 5, SpanActivation.Softmax, SpanRole.Mode),
        new("one", 6, 1, SpanActivation.Softmax, SpanRole.Category),
        new("two", 7, 2, SpanActivation.Softmax, SpanRole.Category),
        new("b", 9, 1, SpanActivation.Tanh, SpanRole.Alpha),
        new("sixteen", 10, 16, SpanActivation.Softmax, SpanRole.Category),
        new("seventeen", 26, 17, SpanActivation.Softmax, SpanRole.Category),
        new("country", 43, 42, SpanActivation.Softmax, SpanRole.Category),
    ];

    private const int Width = 85;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 2)]     // a group of 16 (or 8) rows and a partial one
    [InlineData(1024, 3)]   // a sampler's whole block
    public void Grouped_sampling_draws_bit_for_bit_what_the_row_by_row_definition_draws(int rows, long seed)
    {
        var logits = Logits(rows, seed);
        var grouped = (float[])logits.Clone();
        var rowByRow = (float[])logits.Clone();
        var (groupedRandom, referenceRandom) = (new SynthRandom(seed), new SynthRandom(seed));

        OutputActivation.Sample(grouped, Width, Spans, groupedRandom);
        RowByRow(rowByRow, referenceRandom);

        Assert.Equal(rowByRow, grouped);
        Assert.Equal(referenceRandom.NextUInt64(), groupedRandom.NextUInt64());   // and it used exactly as many draws
    }

    [Fact]
    public void The_row_by_row_reference_is_not_blind_to_a_different_stream()
    {
        // Guards the test above: different uniforms must change the one-hots, or equality would prove nothing.
        var logits = Logits(64, 4);
        var (first, second) = ((float[])logits.Clone(), (float[])logits.Clone());
        RowByRow(first, new SynthRandom(4));
        RowByRow(second, new SynthRandom(5));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Overlapping_spans_are_refused()
    {
        OutputSpan[] spans = [new("a", 0, 3, SpanActivation.Softmax, SpanRole.Category), new("b", 2, 2, SpanActivation.Softmax, SpanRole.Category)];
        var error = Assert.Throws<ArgumentException>(() => OutputActivation.Sample(new float[8], 4, spans, new SynthRandom(1)));
        Assert.Contains("The spans of 'a' and 'b' overlap.", error.Message);
    }

    /// <summary>Logits on several scales, ties and a few huge values (exp would overflow without each span's shift).</summary>
    private static float[] Logits(int rows, long seed)
    {
        var random = new SynthRandom(seed + 100);
        var values = new float[rows * Width];
        random.FillNormal(values);
        for (var i = 0; i < values.Length; i++)
        {
            var pick = random.NextInt(20);
            values[i] = pick switch { 0 => 300 * values[i], 1 => 0.25f, 2 => -0.25f, _ => 3 * values[i] };
        }
        return values;
    }

    /// <summary>The definition, one row at a time, one span at a time, in plain scalar code.</summary>
    private static void RowByRow(float[] values, SynthRandom random)
    {
        for (var at = 0; at < values.Length; at += Width)
            foreach (var span in Spans)
            {
                var row = values.AsSpan(at + span.Start, span.Length);
                if (span.Activation == SpanActivation.Tanh)
                {
                    for (var k = 0; k < row.Length; k++) row[k] = MathF.Tanh(row[k]);
                    continue;
                }
                var u = random.NextDouble();
                var (best, max) = (0, row[0]);
                for (var k = 1; k < row.Length; k++)
                    if (row[k] > max) (best, max) = (k, row[k]);
                var sums = new float[row.Length];
                var running = 0f;
                for (var k = 0; k < row.Length; k++) sums[k] = running += Exp(row[k] - max);
                var target = (float)(u * running);
                var below = sums.Count(sum => sum <= target);
                var hot = below < row.Length ? below : best;
                for (var k = 0; k < row.Length; k++) row[k] = k == hot ? 1 : 0;
            }
    }

    // The sampler's exp: the vector one (its 256- and 512-bit versions agree), not MathF.Exp, which may round differently.
    private static float Exp(float x) => Vector512.IsHardwareAccelerated
        ? Vector512.Exp(Vector512.Create(x)).ToScalar()
        : Vector256.Exp(Vector256.Create(x)).ToScalar();
}

/// <summary>CTGAN's shortcut: sampled categories decoded directly equal the one-hots decoded by argmax.</summary>
public class SampledCategoryDecodingTests
{
    [Fact]
    public void Decoding_the_sampled_categories_gives_what_decoding_the_sampled_one_hots_gives()
    {
        // MixedTestTable has continuous columns (one with 5 % missing, so a present/missing span) and categorical ones.
        var table = SynthFixtures.Tests.Models.MixedTestTable.Create(600);
        var transformer = ModeSpecificTransformer.Fit(table, SynthFixtures.Tests.Models.MixedTestTable.Metadata(), new SynthRandom(1));
        Assert.Contains(transformer.Parameters.Columns, c => c.Modes is not null && c.HasMissing);
        const int rows = 203;   // whole groups of lanes and a partial one
        var width = transformer.Width;
        var logits = new float[rows * width];
        new SynthRandom(2).FillNormal(logits);
        var oneHots = transformer.Spans.Count(s => s.Activation != SpanActivation.Tanh);
        var (withOneHots, withCategories) = ((float[])logits.Clone(), (float[])logits.Clone());
        var categories = new int[rows * oneHots];

        OutputActivation.Sample(withOneHots, width, transformer.Spans, new SynthRandom(3));
        OutputActivation.SampleCategories(withCategories, width, transformer.Spans, new SynthRandom(3), categories);
        var (numbers, codes) = Buffers(transformer, rows);
        transformer.DecodeInto(withOneHots, rows, numbers, codes, 0);
        var (directNumbers, directCodes) = Buffers(transformer, rows);
        transformer.DecodeCategoriesInto(withCategories, categories, rows, directNumbers, directCodes, 0);

        for (var i = 0; i < numbers.Length; i++)
        {
            Assert.Equal(numbers[i], directNumbers[i]);
            Assert.Equal(codes[i], directCodes[i]);
        }
        Assert.Contains(numbers, n => n is not null && n.Any(double.IsNaN));             // the missing span was exercised
        Assert.Contains(codes, c => c is not null && c.Distinct().Count() > 1);
    }

    private static (double[]?[] Numbers, int[]?[] Codes) Buffers(ModeSpecificTransformer transformer, int rows)
    {
        var columns = transformer.Parameters.Columns;
        return (columns.Select(c => c.Modes is null ? null : new double[rows]).ToArray(), columns.Select(c => c.Modes is null ? new int[rows] : null).ToArray());
    }
}
