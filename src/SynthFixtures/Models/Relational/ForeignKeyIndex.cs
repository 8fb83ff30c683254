using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Models.Relational;

/// <summary>Finds a foreign key among the metadata's by what it joins (a sum rule carries its own copy of the key).</summary>
internal static class ForeignKeyIndex
{
    /// <summary>The index of the key joining the same columns as <paramref name="key"/>.</summary>
    /// <exception cref="SynthDataException">No foreign key of the metadata matches.</exception>
    public static int Of(RelationalMetadata metadata, ForeignKey key)
    {
        for (var i = 0; i < metadata.ForeignKeys.Count; i++)
            if (SameJoin(metadata.ForeignKeys[i], key)) return i;
        throw new SynthDataException($"The key {key} is not one of the metadata's foreign keys.", hint: "Declare the foreign key, or fix the sum rule that names it.");
    }

    /// <summary>Whether both keys join the same columns of the same tables.</summary>
    public static bool SameJoin(ForeignKey a, ForeignKey b) =>
        a.ChildTable == b.ChildTable && a.ParentTable == b.ParentTable
        && a.ChildColumns.SequenceEqual(b.ChildColumns, StringComparer.Ordinal) && a.ParentColumns.SequenceEqual(b.ParentColumns, StringComparer.Ordinal);
}
