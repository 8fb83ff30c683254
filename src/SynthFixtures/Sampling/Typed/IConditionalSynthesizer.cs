using System.Linq.Expressions;

namespace SynthFixtures;

/// <summary>
/// A synthesizer that can meet conditions inside its model rather than by rejection: a learned model's synthesizer
/// turns the simple comparisons of a <see cref="Synth{T}.Where"/> predicate on bound columns into model conditions
/// (closed form for a Gaussian copula). The query still checks every object against the whole predicate.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
public interface IConditionalSynthesizer<T> : ISynthesizer<T>
{
    /// <summary>A synthesizer whose objects already meet what it can of <paramref name="predicate"/>; never less than this one's.</summary>
    ISynthesizer<T> Restrict(Expression<Func<T, bool>> predicate);
}
