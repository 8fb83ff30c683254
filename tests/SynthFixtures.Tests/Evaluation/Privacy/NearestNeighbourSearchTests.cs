using SynthFixtures.Numerics;
using SynthFixtures.Randomness;

namespace SynthFixtures.Tests.Evaluation.Privacy;

public class NearestNeighbourSearchTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(37, 53, 3)]
    [InlineData(300, 5000, 6)] // crosses a reference tile and several query chunks
    public void Distances_equal_a_naive_full_scan(int queryRows, int referenceRows, int columns)
    {
        var random = new SynthRandom(queryRows * 31 + referenceRows);
        var queries = RandomRows(queryRows, columns, random.Derive("q"));
        var reference = RandomRows(referenceRows, columns, random.Derive("r"));

        var fast = NearestNeighbourSearch.Distances(queries, reference, maxDegreeOfParallelism: -1, CancellationToken.None);

        for (var q = 0; q < queryRows; q++)
        {
            var naive = double.PositiveInfinity;
            for (var r = 0; r < referenceRows; r++) naive = Math.Min(naive, DistanceRows.Distance(queries, q, reference, r));
            Assert.Equal(naive, fast[q], 5);
        }
    }

    [Fact]
    public void Distances_do_not_depend_on_the_thread_count()
    {
        var random = new SynthRandom(5);
        var queries = RandomRows(500, 4, random.Derive("q"));
        var reference = RandomRows(3000, 4, random.Derive("r"));

        var one = NearestNeighbourSearch.Distances(queries, reference, 1, CancellationToken.None);
        var many = NearestNeighbourSearch.Distances(queries, reference, -1, CancellationToken.None);

        Assert.Equal(one, many);
    }

    [Fact]
    public void A_capped_search_gives_exact_distances_below_the_cap_and_the_cap_at_or_above_it()
    {
        var random = new SynthRandom(11);
        var queries = RandomRows(400, 6, random.Derive("q"));
        var reference = RandomRows(2000, 6, random.Derive("r"));
        var exact = NearestNeighbourSearch.Distances(queries, reference, -1, CancellationToken.None);
        // A cap near the median: rows below it keep their exact distance, the others get the cap.
        var capSum = (float)(exact.Order().ElementAt(200) * 6);

        var capped = NearestNeighbourSearch.Distances(queries, reference, 2, CancellationToken.None, capSum);

        // The search reports sum / columns in single precision, which rounds monotonically.
        double capDistance = capSum / 6;
        for (var q = 0; q < exact.Length; q++) Assert.Equal(Math.Min(exact[q], capDistance), capped[q]);
        Assert.Contains(capped, d => d == capDistance);
        Assert.Contains(capped, d => d < capDistance);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(150)]
    [InlineData(290)]
    public void Any_below_tells_whether_the_nearest_row_is_below_the_cap(int rank)
    {
        var random = new SynthRandom(13);
        var queries = RandomRows(300, 6, random.Derive("q"));
        var reference = RandomRows(5000, 6, random.Derive("r"));
        var exact = NearestNeighbourSearch.Distances(queries, reference, -1, CancellationToken.None);
        var capSum = (float)(exact.Order().ElementAt(rank) * 6);

        var below = NearestNeighbourSearch.AnyBelow(queries, reference, capSum, 2, CancellationToken.None);

        double capDistance = capSum / 6;
        for (var q = 0; q < exact.Length; q++) Assert.Equal(exact[q] < capDistance, below[q]);
        Assert.Contains(true, below);
        Assert.Contains(false, below);
    }

    [Fact]
    public void A_query_equal_to_a_reference_row_is_at_distance_zero()
    {
        var random = new SynthRandom(9);
        var reference = RandomRows(100, 5, random);
        var queries = DistanceRows.Allocate(1, 5);
        for (var c = 0; c < 5; c++) queries.Data[c * queries.Stride] = reference[42, c];

        Assert.Equal(0.0, NearestNeighbourSearch.Distances(queries, reference, -1, CancellationToken.None)[0]);
    }

    /// <summary>Mixed encoded rows: scaled numbers (some missing) and small category codes.</summary>
    private static DistanceRows RandomRows(int rows, int columns, SynthRandom random)
    {
        var block = DistanceRows.Allocate(rows, columns);
        for (var c = 0; c < columns; c++)
            for (var r = 0; r < rows; r++)
                block.Data[c * block.Stride + r] = c % 2 == 0
                    ? random.NextDouble() < 0.05 ? DistanceRows.MissingNumber : (float)random.NextDouble()
                    : random.NextInt(4);
        return block;
    }
}
