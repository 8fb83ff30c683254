namespace SynthFixtures;

/// <summary>
/// A free-text string property. Without <see cref="Prompt"/>, on a type bound to a model
/// (<c>[Synthesize(From = "reviews.csv")]</c>), it reads the model's learned text column of the same name (or the one
/// <c>[Column("…")]</c> names); the generator checks that the column exists and is free text. With <see cref="Prompt"/>,
/// a language model writes the text: the template is rendered from the object's other, already generated property
/// values, e.g. <c>[Text(Prompt = "A {Rating}-star review of a {ClassName}")]</c>, or positionally with the names
/// given through <c>nameof</c>:
/// <c>[Text(Prompt = "A {0}-star review of a {1}", Uses = new[] { nameof(Rating), nameof(ClassName) })]</c>.
/// The query then needs a writer (<c>Synth.WithTextWriter(…)</c>, an <see cref="ITypedTextWriter"/>).
/// </summary>
/// <remarks>
/// A placeholder is <c>{Name}</c> or <c>{0}</c>, optionally with a format after a colon (<c>{Admitted:yyyy-MM}</c>);
/// write <c>{{</c> and <c>}}</c> for literal braces. Values are rendered with the invariant culture (dates as ISO 8601,
/// booleans as <c>true</c>/<c>false</c>, a null as nothing).
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class TextAttribute : Attribute
{
    /// <summary>The prompt template; unset for a learned text column of the bound model.</summary>
    public string? Prompt { get; set; }

    /// <summary>The properties <c>{0}</c>, <c>{1}</c>, … stand for, in order; write them with <c>nameof</c>.</summary>
    public string[]? Uses { get; set; }

    /// <summary>Sampling temperature for the writer (0 or more); unset: the writer's default.</summary>
    public double Temperature { get; set; }

    /// <summary>Most tokens one text may use (at least 1); unset: the writer's default.</summary>
    public int MaxTokens { get; set; }

    /// <summary>Candidates the writer makes per object, of which it keeps the best (at least 1; default 1).</summary>
    public int Candidates { get; set; } = 1;
}
