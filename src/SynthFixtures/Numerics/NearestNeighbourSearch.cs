using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SynthFixtures.Numerics;

/// <summary>
/// Exact nearest-neighbour distances (the DCR) by brute force, made fast enough for 32k × 32k mixed rows:
/// reference rows are compared a SIMD vector at a time, column by column, and the comparison of a vector of rows stops
/// as soon as every lane's partial sum already reaches the query's best (the sum only grows, so those rows cannot be
/// closer). Queries are processed in chunks in parallel, and each chunk walks the reference in cache-sized tiles.
/// </summary>
/// <remarks>
/// Exact: the early exit only skips rows that cannot lower the minimum, so the result equals the full scan's. Sums are
/// single precision (about seven significant digits), accumulated in column order per row, so the result is the same
/// to the bit whatever the thread count or vector width.
/// </remarks>
internal static class NearestNeighbourSearch
{
    private const int ChunkRows = 64;

    // 4096 rows × 15 columns × 4 bytes ≈ 240 KB: a tile stays in L2 while a chunk of queries walks over it.
    private const int TileRows = 4096;

    /// <summary>For each query row, the distance (mean over columns) to the nearest reference row.</summary>
    /// <param name="queries">The rows to find neighbours for.</param>
    /// <param name="reference">The rows to search.</param>
    /// <param name="maxDegreeOfParallelism">Threads (-1: all cores); the result does not depend on it.</param>
    /// <param name="ct">Stops the search.</param>
    /// <param name="capSum">
    /// A cap on the column sum: a row whose nearest neighbour's sum is at or above it gets exactly <c>capSum / columns</c>,
    /// found sooner (every reference row is ruled out once it reaches the cap). For callers that only need to know that
    /// the nearest row is at least that far; rows below the cap get their exact distance.
    /// </param>
    public static double[] Distances(DistanceRows queries, DistanceRows reference, int maxDegreeOfParallelism, CancellationToken ct,
        float capSum = float.PositiveInfinity)
    {
        var sums = Search(queries, reference, maxDegreeOfParallelism, ct, capSum, firstHit: false);
        var result = new double[sums.Length];
        for (var q = 0; q < sums.Length; q++) result[q] = sums[q] / queries.Columns;
        return result;
    }

    /// <summary>
    /// For each query row, whether some reference row's column sum is below <paramref name="capSum"/> (its distance below
    /// <c>capSum / columns</c>). The search of a row stops at the first such reference row, so a row with a near
    /// neighbour is settled fast; which row is found first does not matter, so the answer is as exact as the full scan.
    /// </summary>
    public static bool[] AnyBelow(DistanceRows queries, DistanceRows reference, float capSum, int maxDegreeOfParallelism, CancellationToken ct) =>
        Search(queries, reference, maxDegreeOfParallelism, ct, capSum, firstHit: true).Select(sum => sum < capSum).ToArray();

    private static float[] Search(DistanceRows queries, DistanceRows reference, int maxDegreeOfParallelism, CancellationToken ct,
        float capSum, bool firstHit)
    {
        if (queries.Columns != reference.Columns) throw new ArgumentException("Both blocks must have the same columns.", nameof(reference));
        var result = new float[queries.Rows];
        if (queries.Rows == 0) return result;
        var columns = queries.Columns;
        var chunks = (queries.Rows + ChunkRows - 1) / ChunkRows;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = ct };
        Parallel.For(0, chunks, options, () => new Vector<float>[columns], (chunk, _, query) =>
        {
            var start = chunk * ChunkRows;
            var end = Math.Min(start + ChunkRows, queries.Rows);
            Span<float> best = stackalloc float[ChunkRows];
            best.Fill(capSum);
            for (var tile = 0; tile < reference.Stride; tile += TileRows)
            {
                var tileEnd = Math.Min(tile + TileRows, reference.Stride);
                for (var q = start; q < end; q++)
                {
                    if (firstHit && best[q - start] < capSum) continue;
                    for (var c = 0; c < columns; c++) query[c] = new Vector<float>(queries[q, c]);
                    best[q - start] = Scan(query, reference, tile, tileEnd, best[q - start], firstHit);
                }
            }
            for (var q = start; q < end; q++) result[q] = best[q - start];
            return query;
        }, _ => { });
        return result;
    }

    private static float Scan(Vector<float>[] query, DistanceRows reference, int start, int end, float best, bool firstHit)
    {
        var width = Vector<float>.Count;
        var columns = query.Length;
        var stride = (nuint)reference.Stride;
        ref var data = ref MemoryMarshal.GetArrayDataReference(reference.Data);
        var one = Vector<float>.One;
        var bestVector = new Vector<float>(best);
        for (var row = start; row < end; row += width)
        {
            ref var cell = ref Unsafe.Add(ref data, row);
            var sum = Vector.Min(Vector.Abs(query[0] - Vector.LoadUnsafe(ref cell)), one);
            var c = 1;
            for (; c < columns; c++)
            {
                sum += Vector.Min(Vector.Abs(query[c] - Vector.LoadUnsafe(ref cell, (nuint)c * stride)), one);
                if (Vector.GreaterThanOrEqualAll(sum, bestVector)) break;
            }
            if (c < columns || !Vector.LessThanAny(sum, bestVector)) continue;
            for (var lane = 0; lane < width; lane++) best = Math.Min(best, sum[lane]);
            if (firstHit) return best;
            bestVector = new Vector<float>(best);
        }
        return best;
    }
}
