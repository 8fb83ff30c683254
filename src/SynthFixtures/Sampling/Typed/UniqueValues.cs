namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// The values a <see cref="UniqueAttribute"/> property has produced in one stream. Generated code redraws while
/// <see cref="Add"/> reports a collision and calls <see cref="ThrowIfExhausted"/> each time, so an exhausted domain
/// (e.g. 50 unique values asked of <c>[Range(1, 10)]</c>) fails with a clear message instead of looping forever.
/// </summary>
/// <typeparam name="T">The property type.</typeparam>
/// <param name="propertyName">Named in the error message.</param>
public sealed class UniqueValues<T>(string propertyName)
{
    /// <summary>Redraws allowed for one object before giving up.</summary>
    public const int MaxAttempts = 1_000;

    private readonly HashSet<T> _seen = [];

    /// <summary>Remembers <paramref name="value"/>; false when it was produced before.</summary>
    public bool Add(T value) => _seen.Add(value);

    /// <summary>Throws once <paramref name="attempt"/> collisions in a row exceed <see cref="MaxAttempts"/>.</summary>
    public void ThrowIfExhausted(int attempt)
    {
        if (attempt < MaxAttempts) return;
        throw new SynthDataException(
            $"No new unique value for '{propertyName}' after {MaxAttempts} draws ({_seen.Count} distinct values so far).",
            hint: "Widen the property's range, pattern or list of values, or generate fewer objects.");
    }
}
