namespace SynthFixtures;

/// <summary>
/// Asks the SynthFixtures source generator for a seeded, reflection-free synthesizer of this type, exposed as a static
/// <c>Synth</c> property. The type must be <c>partial</c>; every settable property is generated unless marked
/// <see cref="SynthIgnoreAttribute"/>, honouring the constraint attributes on it.
/// </summary>
/// <remarks>
/// Our attribute names never clash with <c>System.ComponentModel.DataAnnotations</c> (and its <c>.Schema</c>) when both
/// namespaces are imported: where DataAnnotations already has a name, ours carries a <c>Synth</c> prefix —
/// <c>[Key]</c> ↔ <see cref="SynthKeyAttribute"/>, <c>[Range]</c> ↔ <see cref="SynthRangeAttribute"/>,
/// <c>[StringLength]</c> ↔ <see cref="SynthStringLengthAttribute"/>, <c>[RegularExpression]</c> ↔ <see cref="SynthRegexAttribute"/>,
/// <c>[ForeignKey]</c> ↔ <see cref="SynthForeignKeyAttribute"/>. The DataAnnotations attributes themselves are honoured too,
/// so existing entity classes work unchanged.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class SynthesizeAttribute : Attribute
{
    /// <summary>
    /// A reference CSV (relative to the project) whose learned model backs this type; without it generation is
    /// schema-based, from the attributes alone.
    /// </summary>
    public string? From { get; set; }

    /// <summary>
    /// With <see cref="From"/> naming a database learned at build time (a <c>&lt;SynthDatabase&gt;</c> item: a folder of
    /// CSVs or a SQLite file), the table of that database this type is bound to. Objects of every type bound to the
    /// same database and generated in one <see cref="SynthGraph"/> are rows of one sample of the whole database, so
    /// their foreign keys point at parents of the same graph.
    /// </summary>
    public string? Table { get; set; }
}
