namespace SynthFixtures.Modeling.Plans;

/// <summary>
/// Several requests sampled into one output, in order: request i's rows follow request i − 1's. Each request draws from
/// its own random stream, derived from the sample's seed and the request's position, so appending a request leaves the
/// rows of the earlier ones as they were; generated keys are numbered across the whole output, so they stay unique.
/// </summary>
/// <param name="Requests">The requests, in output order (at least one).</param>
public sealed record GenerationPlan(IReadOnlyList<PlanRequest> Requests)
{
    /// <summary>Rows of the whole output: the requests' counts added up.</summary>
    public long TotalRows => Requests.Sum(r => (long)r.Count);

    /// <summary>Value equality over the request list (records compare lists by reference otherwise).</summary>
    public bool Equals(GenerationPlan? other) => other is not null && Requests.SequenceEqual(other.Requests);

    /// <inheritdoc />
    public override int GetHashCode() => Requests.Count;
}
