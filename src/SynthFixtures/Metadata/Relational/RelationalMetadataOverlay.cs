namespace SynthFixtures.Metadata.Relational;

/// <summary>
/// Adds what a relational metadata file declares to what a database's schema declares: the keys a schema leaves out
/// (an application that never declared <c>Customer.SupportRepId</c> as a foreign key) and the sum rules no schema can
/// state (<c>Invoice.Total = SUM(InvoiceLine.UnitPrice * InvoiceLine.Quantity)</c>). The schema stays the authority for
/// tables, columns and the keys it declares: the file may add to them, never contradict them.
/// </summary>
public static class RelationalMetadataOverlay
{
    /// <summary>
    /// <paramref name="schema"/> with the primary keys it lacks, the foreign keys and the sum rules of
    /// <paramref name="declared"/> added. Column lists and profiles of the file are ignored: the database's types hold.
    /// </summary>
    /// <param name="schema">What the database declares.</param>
    /// <param name="declared">What the file declares (the <c>relations</c> output, edited).</param>
    /// <param name="declaredPath">The file, named in errors.</param>
    /// <exception cref="SynthDataException">
    /// The file names a table the database lacks, declares a primary key other than the database's, or a foreign key
    /// from the same columns to another parent than the database's.
    /// </exception>
    public static RelationalMetadata Apply(RelationalMetadata schema, RelationalMetadata declared, string declaredPath)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(declared);
        var tables = schema.Tables.ToList();
        foreach (var table in declared.Tables)
        {
            var index = tables.FindIndex(t => string.Equals(t.Name, table.Name, StringComparison.Ordinal));
            if (index < 0)
                throw new SynthDataException($"The relational metadata names table '{table.Name}', which the database does not have.", declaredPath,
                    hint: $"The database's tables are {string.Join(", ", schema.Tables.Select(t => t.Name))}; remove the table or fix its name.");
            var own = tables[index];
            if (table.PrimaryKey.Count == 0 || table.PrimaryKey.SequenceEqual(own.PrimaryKey, StringComparer.Ordinal)) continue;
            if (own.PrimaryKey.Count > 0)
                throw new SynthDataException(
                    $"The relational metadata gives table '{table.Name}' the primary key ({string.Join(", ", table.PrimaryKey)}), but the database declares ({string.Join(", ", own.PrimaryKey)}).",
                    declaredPath, hint: "Leave the primary key as the database declares it, or drop it from the file.");
            tables[index] = own with { PrimaryKey = table.PrimaryKey, Evidence = $"primary key declared in {Path.GetFileName(declaredPath)}" };
        }

        var keys = schema.ForeignKeys.ToList();
        foreach (var key in declared.ForeignKeys)
        {
            var same = keys.FirstOrDefault(k => string.Equals(k.ChildTable, key.ChildTable, StringComparison.Ordinal)
                && k.ChildColumns.SequenceEqual(key.ChildColumns, StringComparer.Ordinal));
            if (same is null)
            {
                keys.Add(key with { Evidence = $"declared in {Path.GetFileName(declaredPath)}" });
                continue;
            }
            if (!string.Equals(same.ParentTable, key.ParentTable, StringComparison.Ordinal) || !same.ParentColumns.SequenceEqual(key.ParentColumns, StringComparer.Ordinal))
                throw new SynthDataException($"The relational metadata declares {key}, but the database declares {same}.", declaredPath,
                    hint: "Leave the key as the database declares it, or drop it from the file.");
        }
        return schema with { Tables = tables, ForeignKeys = keys, SumRules = [.. schema.SumRules, .. declared.SumRules] };
    }
}
