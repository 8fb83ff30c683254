using System.Globalization;
using SynthFixtures.Models;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;

namespace SynthFixtures.Modeling.PrivacyFilters;

/// <summary>
/// A sample with the privacy filters applied, still drawn chunk by chunk: candidate rows come from one larger sample of
/// the model (the same seed and conditions), each candidate chunk is measured against the reference and its kept rows
/// queued in order, and chunks of kept rows are handed out as they fill. The rows written are therefore the first
/// <c>rows</c> candidates the filters keep, whatever the thread count or chunk size. Generated columns (keys, text,
/// personal data) are not learned and not filtered: they are taken from an unfiltered sample of the requested size, so
/// keys stay consecutive exactly as without the filter. The candidates are bounded
/// (<see cref="PrivacyFilterOptions.CandidatesPerRow"/>); a filter that drops nearly everything is an error naming the counts.
/// </summary>
internal static class FilteredSample
{
    /// <summary>Opens the sample (conditions are checked here, before any row is drawn) and returns its chunks.</summary>
    public static IEnumerable<SampledTable> Chunks(SynthModel model, int rows, long seed, ConditionPlan conditions,
        SamplingOptions options, PrivacyFilter filter, PrivacyFilterOptions filterOptions, FilterTally tally, CancellationToken ct)
    {
        var budget = (int)Math.Min(int.MaxValue, Math.Max(Math.Max((long)rows * filterOptions.CandidatesPerRow, filterOptions.MinimumCandidates), rows));
        var candidates = model.SampleChunksWhere(budget, seed, conditions, options, null, ct);
        var hasGenerated = model.Metadata.Columns.Any(c => !c.IsModelled);
        var generated = hasGenerated ? model.SampleChunksWhere(rows, seed, conditions, options, null, ct) : null;
        // Output chunks have the unfiltered sample's sizes, so each lines up with its chunk of generated columns.
        var chunkRows = (int)Math.Min(int.MaxValue / 2,
            ((long)Math.Max(1, options.ChunkRows) + SampleCursor.BlockSize - 1) / SampleCursor.BlockSize * SampleCursor.BlockSize);
        return Enumerate(candidates, generated, rows, chunkRows, filter, options.MaxDegreeOfParallelism ?? -1, budget, tally, ct);
    }

    private static IEnumerable<SampledTable> Enumerate(IEnumerable<SampledTable> candidates, IEnumerable<SampledTable>? generated,
        int rows, int chunkRows, PrivacyFilter filter, int threads, int budget, FilterTally tally, CancellationToken ct)
    {
        using var generatedChunks = generated?.GetEnumerator();
        var pending = new List<(SampledTable Source, List<int> Rows)>();
        var pendingRows = 0;
        var produced = 0;
        foreach (var chunk in candidates)
        {
            ct.ThrowIfCancellationRequested();
            var verdicts = filter.JudgeRows(chunk.ToTable(), threads, ct);
            var kept = new List<int>();
            for (var r = 0; r < chunk.RowCount && produced + pendingRows + kept.Count < rows; r++)
            {
                var verdict = verdicts[r];
                tally.Count(verdict);
                if (verdict == RowVerdict.Kept) kept.Add(r);
            }
            if (kept.Count > 0)
            {
                pending.Add((chunk, kept));
                pendingRows += kept.Count;
            }
            while (pendingRows > 0 && (pendingRows >= chunkRows || produced + pendingRows == rows))
            {
                var size = Math.Min(chunkRows, rows - produced);
                yield return Take(pending, size, generatedChunks);
                pendingRows -= size;
                produced += size;
            }
            if (produced == rows) yield break;
        }
        if (produced < rows) throw TooFewKept(rows, budget, tally);
    }

    /// <summary>The first <paramref name="count"/> queued rows as one table (removed from the queue).</summary>
    private static SampledTable Take(List<(SampledTable Source, List<int> Rows)> pending, int count, IEnumerator<SampledTable>? generated)
    {
        SampledTable? generatedChunk = null;
        if (generated is not null)
        {
            if (!generated.MoveNext()) throw new InvalidOperationException("The unfiltered sample ended before the filtered one.");
            generatedChunk = generated.Current;
            if (generatedChunk.RowCount != count) throw new InvalidOperationException("The unfiltered sample's chunks do not line up.");
        }
        var first = pending[0].Source;
        var columns = new SampledColumn[first.Columns.Count];
        var taken = Segments(pending, count);
        for (var c = 0; c < columns.Length; c++)
        {
            var column = first.Columns[c];
            if (column.Texts is not null)
            {
                columns[c] = generatedChunk?.Columns[c] ?? throw new InvalidOperationException("A generated column without an unfiltered sample.");
                continue;
            }
            double[]? numbers = column.Numbers is null ? null : new double[count];
            int[]? codes = column.Codes is null ? null : new int[count];
            var at = 0;
            foreach (var (source, rows) in taken)
            {
                var from = source.Columns[c];
                foreach (var r in rows)
                {
                    if (numbers is not null) numbers[at] = from.Numbers![r];
                    else codes![at] = from.Codes![r];
                    at++;
                }
            }
            columns[c] = new SampledColumn(column.Metadata, column.MissingToken, numbers, codes, column.Categories);
        }
        return new SampledTable(first.Metadata, columns, count);
    }

    private static List<(SampledTable Source, IReadOnlyList<int> Rows)> Segments(List<(SampledTable Source, List<int> Rows)> pending, int count)
    {
        var taken = new List<(SampledTable, IReadOnlyList<int>)>();
        while (count > 0)
        {
            var (source, rows) = pending[0];
            if (rows.Count <= count)
            {
                taken.Add((source, rows));
                count -= rows.Count;
                pending.RemoveAt(0);
            }
            else
            {
                taken.Add((source, rows.GetRange(0, count)));
                rows.RemoveRange(0, count);
                count = 0;
            }
        }
        return taken;
    }

    private static SynthDataException TooFewKept(int rows, int budget, FilterTally tally) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"The privacy filters dropped {tally.TooSimilar + tally.Outliers:N0} of {tally.Candidates:N0} candidate rows " +
            $"({tally.TooSimilar:N0} too close to a training row, {tally.Outliers:N0} outliers), so only {tally.Kept:N0} of the " +
            $"{rows:N0} rows asked for passed within the budget of {budget:N0} candidates."),
        hint: "Check that the reference is the model's training data. A model that copies its training rows needs fewer " +
              "epochs or a differentially private kind; otherwise lower the similarity quantile or raise the outlier quantile.");
}
