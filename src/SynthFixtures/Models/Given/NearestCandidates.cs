using SynthFixtures.Data;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Given;

/// <summary>
/// Rows for given cells from a model with no closed-form conditional (TVAE, CTGAN, dp-marginals): for each given row,
/// <see cref="CandidatesPerRow"/> unconditional candidate rows, and the one nearest the given cells is kept. Nearest
/// means fewest mismatches on the given categorical cells and on missingness first, then the smallest sum of squared
/// differences on the given numbers, each divided by the column's standard deviation in a fixed reference sample; ties go
/// to the earlier candidate. The kept row is then the model's draw from its distribution restricted to rows like the
/// given ones, which tends to the conditional as the candidates grow.
/// </summary>
/// <remarks>
/// Reproducibility: the candidates of sample row r are rows (r mod 1,024)·k … (r mod 1,024)·k + k − 1 of a sample seeded
/// by stream <c>given-candidates</c>.Derive(r / 1,024). A model's first n rows equal a sample of n rows, so a piece of a
/// given table draws only the prefix it needs and still sees the candidates the whole table would; the reference sample
/// is seeded on its own. The rows therefore depend only on the seed, their number and their given cells.
/// </remarks>
internal static class NearestCandidates
{
    /// <summary>Candidates drawn per given row (one when only generated columns are given).</summary>
    public const int CandidatesPerRow = 32;

    /// <summary>Rows of the reference sample the numeric scales come from.</summary>
    private const int ScaleRows = 2048;

    private const int BlockSize = SampleCursor.BlockSize;

    public static SampledTable Draw(SynthModel model, GivenRows given, SynthRandom root, SamplingOptions options, ParallelOptions parallel)
    {
        var rows = given.RowCount;
        var poolOptions = new SamplingOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var token = parallel.CancellationToken;
        if (rows == 0) return WithGenerated(model, model.SampleTabular(0, root.Seed, poolOptions, token), root, given, parallel);
        var matchers = Matchers(model, given, root, poolOptions, token);
        // Given cells that only generated columns hold tell the candidates apart by nothing: one candidate per row is the draw.
        var perRow = matchers.Count == 0 ? 1 : CandidatesPerRow;
        var chosen = new (SampledTable Pool, int Row)[rows];
        var stream = root.Derive("given-candidates");
        for (var start = 0; start < rows;)
        {
            var number = given.FirstRow + start;
            var block = number / BlockSize;
            var offset = (int)(number % BlockSize);
            var count = Math.Min(rows - start, BlockSize - offset);
            var pool = model.SampleTabular((offset + count) * perRow, stream.Derive(block).Seed, poolOptions, token);
            var poolMatchers = matchers.Select(m => m.Bind(pool)).ToArray();
            var first = start;
            Parallel.For(0, count, parallel, i => chosen[first + i] = (pool, Nearest(poolMatchers, first + i, (offset + i) * perRow, perRow)));
            start += count;
        }
        var columns = new SampledColumn[model.Metadata.Columns.Count];
        for (var c = 0; c < columns.Length; c++) columns[c] = Gather(chosen, c);
        var drawn = new SampledTable(model.Metadata, columns, rows);
        return WithGenerated(model, drawn, root, given, parallel);
    }

    private static int Nearest(BoundMatcher[] matchers, int givenRow, int firstCandidate, int candidates)
    {
        var best = firstCandidate;
        var bestMismatches = int.MaxValue;
        var bestDistance = double.PositiveInfinity;
        for (var candidate = firstCandidate; candidate < firstCandidate + candidates; candidate++)
        {
            var mismatches = 0;
            var distance = 0.0;
            foreach (var matcher in matchers) matcher.Compare(givenRow, candidate, ref mismatches, ref distance);
            if (mismatches < bestMismatches || (mismatches == bestMismatches && distance < bestDistance))
            {
                best = candidate;
                bestMismatches = mismatches;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>One matcher per given column the model draws (generated columns tell the candidates apart by nothing).</summary>
    private static List<Matcher> Matchers(SynthModel model, GivenRows given, SynthRandom root, SamplingOptions options, CancellationToken token)
    {
        SampledTable? reference = null;
        var matchers = new List<Matcher>();
        foreach (var column in given.Columns)
        {
            reference ??= model.SampleTabular(ScaleRows, root.Derive("given-scale").Seed, options, token);
            var sampled = reference.Columns[column.MetadataIndex];
            if (sampled.Numbers is { } values && column.Numbers is { } numbers) matchers.Add(new NumericMatcher(column.MetadataIndex, numbers, Scale(values)));
            else if (sampled.Codes is not null) matchers.Add(new LabelMatcher(column.MetadataIndex, column.Cells));
        }
        return matchers;
    }

    /// <summary>The standard deviation of the present values (1 when there is no spread), so distances are in comparable units.</summary>
    private static double Scale(double[] values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        if (present.Length < 2) return 1;
        var mean = present.Average();
        var sd = Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Length - 1));
        return sd > 0 && double.IsFinite(sd) ? sd : 1;
    }

    private static SampledColumn Gather(IReadOnlyList<(SampledTable Pool, int Row)> chosen, int column)
    {
        var template = chosen[0].Pool.Columns[column];
        var rows = chosen.Count;
        if (template.Numbers is not null)
        {
            var numbers = new double[rows];
            for (var i = 0; i < rows; i++) numbers[i] = chosen[i].Pool.Columns[column].Numbers![chosen[i].Row];
            return new SampledColumn(template.Metadata, template.MissingToken, numbers: numbers);
        }
        if (template.Codes is not null)
        {
            var codes = new int[rows];
            for (var i = 0; i < rows; i++) codes[i] = chosen[i].Pool.Columns[column].Codes![chosen[i].Row];
            return new SampledColumn(template.Metadata, template.MissingToken, codes: codes, categories: template.Categories);
        }
        var texts = new string?[rows];
        for (var i = 0; i < rows; i++) texts[i] = chosen[i].Pool.Columns[column].Texts![chosen[i].Row];
        return new SampledColumn(template.Metadata, template.MissingToken, texts: texts);
    }

    /// <summary>The generated columns numbered by the given rows' numbers, not by the candidates'.</summary>
    private static SampledTable WithGenerated(SynthModel model, SampledTable drawn, SynthRandom root, GivenRows given, ParallelOptions parallel)
    {
        var specs = model.GeneratedSpecs;
        var cells = GivenGeneratedColumns.Generate(specs, root, given.FirstRow, given.RowCount, parallel);
        for (var g = 0; g < specs.Count; g++)
        {
            var index = model.Metadata.Columns.ToList().FindIndex(c => c.Name == specs[g].Name);
            if (index >= 0) drawn = drawn.WithTexts(index, cells[g]);
        }
        return drawn;
    }

    private abstract class Matcher(int column)
    {
        protected int Column { get; } = column;

        public abstract BoundMatcher Bind(SampledTable pool);
    }

    private abstract class BoundMatcher
    {
        public abstract void Compare(int givenRow, int candidate, ref int mismatches, ref double distance);
    }

    /// <summary>A numeric column: a mismatch when exactly one side is missing, else the squared standardised difference.</summary>
    private sealed class NumericMatcher(int column, double[] given, double scale) : Matcher(column)
    {
        public override BoundMatcher Bind(SampledTable pool) => new Bound(given, pool.Columns[Column].Numbers!, scale);

        private sealed class Bound(double[] given, double[] candidates, double scale) : BoundMatcher
        {
            public override void Compare(int givenRow, int candidate, ref int mismatches, ref double distance)
            {
                var x = given[givenRow];
                var y = candidates[candidate];
                if (double.IsNaN(x) != double.IsNaN(y)) mismatches++;
                else if (!double.IsNaN(x)) distance += (x - y) / scale * ((x - y) / scale);
            }
        }
    }

    /// <summary>A categorical column: a mismatch when the labels differ after trimming; a label the model never draws counts for nothing.</summary>
    private sealed class LabelMatcher(int column, IReadOnlyList<string?> cells) : Matcher(column)
    {
        public override BoundMatcher Bind(SampledTable pool)
        {
            var sampled = pool.Columns[Column];
            var categories = sampled.Categories!;
            var codeOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var missing = -1;
            for (var k = 0; k < categories.Count; k++)
            {
                if (categories[k] is { } label) codeOf.TryAdd(CellText.Normalize(label), k);
                else if (missing < 0) missing = k;
            }
            // −2: the model never draws this label, so no candidate can match it and none is preferred.
            var wanted = cells.Select(cell => cell is null ? (missing >= 0 ? missing : -2) : codeOf.GetValueOrDefault(CellText.Normalize(cell), -2)).ToArray();
            return new Bound(wanted, sampled.Codes!);
        }

        private sealed class Bound(int[] wanted, int[] codes) : BoundMatcher
        {
            public override void Compare(int givenRow, int candidate, ref int mismatches, ref double distance)
            {
                var code = wanted[givenRow];
                if (code != -2 && codes[candidate] != code) mismatches++;
            }
        }
    }
}
