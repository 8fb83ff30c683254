using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Xunit.Sdk;

namespace SynthFixtures.Xunit;

/// <summary>
/// Feeds a theory with <see cref="Count"/> generated <typeparamref name="T"/> objects, one per test case, all drawn from
/// <see cref="Seed"/> so a failing case reproduces. Reaches <c>T.Synth</c> through <see cref="ISynthesizable{TSelf}"/>,
/// with no reflection: <c>[Theory, SynthData&lt;Patient&gt;(Count = 5, Seed = 7)]</c>. A type with
/// <c>[Text(Prompt = …)]</c> properties names the class that writes their text:
/// <c>[Theory, SynthData&lt;Review&gt;(Count = 5, TextWriter = typeof(ReplayedReviews))]</c>.
/// </summary>
/// <typeparam name="T">A <c>[Synthesize]</c> type.</typeparam>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SynthDataAttribute<T> : DataAttribute where T : ISynthesizable<T>
{
    /// <summary>Objects to generate (test cases); 5 by default.</summary>
    public int Count { get; set; } = 5;

    /// <summary>The seed behind every object; 0 by default.</summary>
    public long Seed { get; set; }

    /// <summary>
    /// A class implementing <see cref="ITypedTextWriter"/> with a public parameterless constructor (for example one that
    /// opens a committed replay cache in locked mode), created once per theory to write the text of <c>[Text(Prompt = …)]</c>
    /// properties (see <c>Synth.WithTextWriter</c>); disposed after the objects are generated when it is disposable.
    /// <c>null</c> (the default): no writer, so a type with prompted properties fails naming them.
    /// </summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    public Type? TextWriter { get; set; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var parameters = testMethod.GetParameters();
        if (parameters.Length != 1 || !parameters[0].ParameterType.IsAssignableFrom(typeof(T)))
            throw new ArgumentException($"[SynthData<{typeof(T).Name}>] needs a theory with one parameter of type {typeof(T).Name}; '{testMethod.Name}' has {parameters.Length}.");
        var query = T.Synth.WithSeed(Seed);
        if (TextWriter is null) return query.Take(Count).Select(item => new object[] { item! });

        var writer = CreateWriter(testMethod);
        try
        {
            // Generated here, while the writer lives, rather than when the theory enumerates its cases.
            return query.WithTextWriter(writer).Take(Count).Select(item => new object[] { item! }).ToList();
        }
        finally
        {
            (writer as IDisposable)?.Dispose();
        }
    }

    private ITypedTextWriter CreateWriter(MethodInfo testMethod)
    {
        var type = TextWriter!;
        var where = $"[SynthData<{typeof(T).Name}>] on '{testMethod.Name}'";
        if (!typeof(ITypedTextWriter).IsAssignableFrom(type))
            throw new ArgumentException($"{where} names TextWriter = typeof({type.Name}), which does not implement ITypedTextWriter.");
        if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"{where} names TextWriter = typeof({type.Name}), which has no public parameterless constructor to create it with.");
        return (ITypedTextWriter)Activator.CreateInstance(type)!;
    }
}
