namespace SynthFixtures;

/// <summary>
/// Makes objects of <typeparamref name="T"/>. The source generator implements it from a type's attributes; a learned
/// model can implement it too (sampling a <see cref="Sampling.SampledTable"/> in batches and binding rows), and
/// <see cref="Synth{T}.Using"/> swaps one for the other behind the same fluent API.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
public interface ISynthesizer<out T>
{
    /// <summary>
    /// Starts a stream of objects whose every random choice derives from <paramref name="graph"/>'s seed. Streams hold
    /// per-run state (key counters, unique-value sets), so two streams never share it.
    /// </summary>
    ISynthStream<T> Open(SynthGraph graph);

    /// <summary>
    /// What the objects promise about the real rows behind them: the model kind and the ε, δ of its
    /// differential-privacy guarantee. Generated synthesizers state it from the model's schema; a synthesizer that
    /// does not state it has <see cref="Privacy.PrivacyGuarantee.Unknown"/>.
    /// </summary>
    Privacy.PrivacyGuarantee Privacy => SynthFixtures.Privacy.PrivacyGuarantee.Unknown;
}

/// <summary>One generation run of an <see cref="ISynthesizer{T}"/>. Not thread-safe.</summary>
/// <typeparam name="T">The generated type.</typeparam>
public interface ISynthStream<out T>
{
    /// <summary>The next object; every declared constraint holds for it.</summary>
    T Next();
}

/// <summary>
/// A type with a generated synthesizer. The generator adds this interface to every <c>[Synthesize]</c> type, so generic
/// code (such as the xunit <c>SynthData&lt;T&gt;</c> attribute) reaches <c>T.Synth</c> without reflection.
/// </summary>
/// <typeparam name="TSelf">The type itself.</typeparam>
public interface ISynthesizable<TSelf> where TSelf : ISynthesizable<TSelf>
{
    /// <summary>The fluent entry point: <c>T.Synth.WithSeed(42).Take(10)</c>.</summary>
    static abstract Synth<TSelf> Synth { get; }
}
