using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences.Conditions;

/// <summary>Which of an entity's steps a <see cref="StepCondition"/> speaks about.</summary>
public enum StepScope
{
    /// <summary>The entity's first step. Met exactly: the context and length are reweighted by how likely the first step is to meet it.</summary>
    First,

    /// <summary>Every step. The first step as <see cref="First"/>; each later step drawn from the model's step-by-step conditional restricted to the condition.</summary>
    Every,

    /// <summary>At least one step. Met exactly by drawing whole entities until one meets it.</summary>
    Some,

    /// <summary>The entity's last step. Met exactly by drawing whole entities until one meets it.</summary>
    Last,
}

/// <summary>
/// A condition on a sequence model's per-step column, with the steps it applies to: <c>first:life_expect&gt;=70</c>,
/// <c>every:state=high</c>, <c>some:reading=5..10</c>, <c>last:reading&lt;0</c>. The condition itself is written as
/// for context columns (<see cref="Condition.Parse"/>); several step conditions must all hold.
/// </summary>
/// <param name="Scope">The steps the condition applies to.</param>
/// <param name="Condition">The requirement on the column's value at those steps.</param>
public sealed record StepCondition(StepScope Scope, Condition Condition)
{
    /// <summary>The scope names as written before the colon.</summary>
    public static IReadOnlyList<string> ScopeNames { get; } = ["first", "every", "some", "last"];

    /// <summary>The condition as written: scope, colon, condition.</summary>
    public override string ToString() => $"{ScopeNames[(int)Scope]}:{Condition}";

    /// <summary>Parses <c>scope:condition</c>, the scope one of <see cref="ScopeNames"/>.</summary>
    /// <exception cref="SynthDataException">No known scope before the colon, or a condition that does not parse.</exception>
    public static StepCondition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scope = colon < 0 ? -1 : IndexOf(text[..colon].Trim());
        if (scope < 0)
            throw new SynthDataException($"The step condition '{text}' does not start with a scope.",
                hint: $"Write scope:condition with the scope one of {string.Join(", ", ScopeNames)}, e.g. first:reading>=70 or every:state=high.");
        return new StepCondition((StepScope)scope, Condition.Parse(text[(colon + 1)..]));
    }

    private static int IndexOf(string scope)
    {
        for (var i = 0; i < ScopeNames.Count; i++)
            if (string.Equals(ScopeNames[i], scope, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
