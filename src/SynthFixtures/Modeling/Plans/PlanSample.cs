using SynthFixtures.Randomness;
using SynthFixtures.Sampling;

namespace SynthFixtures.Modeling.Plans;

/// <summary>Draws one request's rows: its count, seed and options (the number of its first row) given.</summary>
/// <param name="request">The request.</param>
/// <param name="seed">The request's own seed.</param>
/// <param name="options">The sample's options with <see cref="SamplingOptions.FirstRowNumber"/> at the request's first row.</param>
internal delegate IEnumerable<SampledTable> RequestDraw(PlanRequest request, long seed, SamplingOptions options);

/// <summary>
/// A plan's rows as one stream of chunks: every request is opened first (so a bad condition in the last request fails
/// before any row is drawn or written), then their chunks follow one another. Request i draws from its own seed,
/// derived from the sample's seed and i, and numbers its generated keys from the rows before it.
/// </summary>
internal static class PlanSample
{
    /// <summary>The seed of request <paramref name="index"/> of a plan sampled with <paramref name="seed"/>.</summary>
    public static long RequestSeed(long seed, int index) => new SynthRandom(seed).Derive("plan request").Derive(index).Seed;

    /// <summary>Opens every request and returns their chunks in order.</summary>
    public static IEnumerable<SampledTable> Chunks(GenerationPlan plan, long seed, SamplingOptions options, RequestDraw draw)
    {
        if (plan.Requests.Count == 0)
            throw new SynthDataException("The generation plan has no requests.", hint: "Give at least one request with its row count.");
        var opened = new List<IEnumerable<SampledTable>>(plan.Requests.Count);
        var firstRow = options.FirstRowNumber;
        for (var i = 0; i < plan.Requests.Count; i++)
        {
            var request = plan.Requests[i];
            if (request.Count < 0)
                throw new SynthDataException($"Request {i + 1} ({request.Describe()}) asks for {request.Count} rows.", hint: "A request's count is zero or more.");
            opened.Add(draw(request, RequestSeed(seed, i), options with { FirstRowNumber = firstRow }));
            firstRow += request.Count;
        }
        return opened.SelectMany(chunks => chunks);
    }

    /// <summary>What each request contributed: its name, rows, the sample row it starts at and, when counted, its candidates.</summary>
    public static IReadOnlyList<PlanRequestOutcome> Outcomes(GenerationPlan plan, IReadOnlyList<ConditionTally>? tallies)
    {
        var outcomes = new List<PlanRequestOutcome>(plan.Requests.Count);
        long first = 0;
        for (var i = 0; i < plan.Requests.Count; i++)
        {
            var request = plan.Requests[i];
            outcomes.Add(new PlanRequestOutcome(request.Describe(), request.Count, first)
            {
                CandidatesExamined = tallies?[i].CandidatesExamined, AcceptanceRate = tallies?[i].AcceptanceRate,
            });
            first += request.Count;
        }
        return outcomes;
    }
}

/// <summary>What one request of a plan contributed to the sample.</summary>
/// <param name="Request">The request's name, or its conditions.</param>
/// <param name="Rows">Rows it wrote (exactly its count).</param>
/// <param name="FirstRow">The 0-based sample row of its first row.</param>
public sealed record PlanRequestOutcome(string Request, int Rows, long FirstRow)
{
    /// <summary>Candidate rows the model drew and checked for this request; <c>null</c> when not counted (under privacy filters).</summary>
    public long? CandidatesExamined { get; init; }

    /// <summary>Rows kept over candidates checked (1 when the model met every condition itself); <c>null</c> when not counted.</summary>
    public double? AcceptanceRate { get; init; }
}
