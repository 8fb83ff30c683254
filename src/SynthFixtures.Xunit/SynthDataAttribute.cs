using System.Reflection;
using Xunit.Sdk;

namespace SynthFixtures.Xunit;

/// <summary>
/// Feeds a theory with <see cref="Count"/> generated <typeparamref name="T"/> objects, one per test case, all drawn from
/// <see cref="Seed"/> so a failing case reproduces. Reaches <c>T.Synth</c> through <see cref="ISynthesizable{TSelf}"/>,
/// with no reflection: <c>[Theory, SynthData&lt;Patient&gt;(Count = 5, Seed = 7)]</c>.
/// </summary>
/// <typeparam name="T">A <c>[Synthesize]</c> type.</typeparam>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SynthDataAttribute<T> : DataAttribute where T : ISynthesizable<T>
{
    /// <summary>Objects to generate (test cases); 5 by default.</summary>
    public int Count { get; set; } = 5;

    /// <summary>The seed behind every object; 0 by default.</summary>
    public long Seed { get; set; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var parameters = testMethod.GetParameters();
        if (parameters.Length != 1 || !parameters[0].ParameterType.IsAssignableFrom(typeof(T)))
            throw new ArgumentException($"[SynthData<{typeof(T).Name}>] needs a theory with one parameter of type {typeof(T).Name}; '{testMethod.Name}' has {parameters.Length}.");
        return T.Synth.WithSeed(Seed).Take(Count).Select(item => new object[] { item! });
    }
}
