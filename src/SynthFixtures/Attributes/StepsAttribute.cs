namespace SynthFixtures;

/// <summary>
/// The list of an entity's steps on a type bound to a sequence model (<c>[Synthesize(From = "weather.csv")]</c> where
/// the <c>&lt;SynthModel&gt;</c> item names an <c>Entity</c>): the property is a <c>List&lt;T&gt;</c>,
/// <c>IReadOnlyList&lt;T&gt;</c>, <c>IList&lt;T&gt;</c>, <c>ICollection&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c> or
/// <c>T[]</c> of a step type whose properties bind to the model's per-step columns (and its sequence index), by name or
/// <c>[Column("…")]</c>. Each generated entity gets its learned number of steps, in index order:
/// <code>
/// [Synthesize(From = "data/weather.csv")]
/// public partial class Location
/// {
///     [Column("location")] public string Name { get; set; } = "";
///     [Steps] public List&lt;Reading&gt; Readings { get; set; } = new();
/// }
/// public sealed record Reading(DateOnly Date, double TempMax, double TempMin, string Weather);
/// </code>
/// The step type needs no attribute: a positional record (its primary constructor takes every step value) or a type
/// with a parameterless constructor and settable (or init) properties.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class StepsAttribute : Attribute;
