namespace SynthFixtures.Metadata.Relational;

/// <summary>Turns <see cref="RelationalMetadata"/> into the records <see cref="RelationalMetadataJson"/> writes, in a fixed property order.</summary>
internal static class RelationalMetadataWriter
{
    public static RelationalMetadataOutput ToOutput(RelationalMetadata metadata) => new(
        metadata.SchemaVersion,
        metadata.Tables.Select(Table).ToList(),
        metadata.ForeignKeys.Select(k => new ForeignKeyOutput(k.ChildTable, k.ChildColumns, k.ParentTable, k.ParentColumns, k.Evidence)).ToList(),
        metadata.SumRules.Select(r => new SumRuleOutput(r.Key.ParentTable, r.Column, r.Key.ChildTable, r.Key.ChildColumns, r.Factors)).ToList());

    private static RelationalTableOutput Table(RelationalTable table) =>
        new(table.Name, table.PrimaryKey, table.Evidence, table.Columns.Select(c => Column(c, table.Profile?.Find(c.Name))).ToList());

    private static RelationalColumnOutput Column(SqlColumn column, ColumnMetadata? profile) => profile is null
        ? new(column.Name, column.DeclaredType, column.Nullable, null, null, null, null, null, null)
        : new(column.Name, column.DeclaredType, column.Nullable, MetadataJson.JsonName(profile.Kind), profile.DateTimeFormat, profile.DecimalPlaces,
            profile.Pii == PiiKind.None ? null : MetadataJson.JsonName(profile.Pii), profile.TextModel, profile.Evidence);
}
