using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.EntityFrameworkCore;

/// <summary>A dataset table bound to the entity type mapped to it, and its columns to that type's properties.</summary>
/// <param name="Table">The dataset's table.</param>
/// <param name="EntityType">The entity type whose table it is.</param>
/// <param name="Columns">One binding per dataset column.</param>
internal sealed record TableMapping(RelationalTable Table, IEntityType EntityType, IReadOnlyList<ColumnMapping> Columns);

/// <summary>A dataset column bound to an entity property.</summary>
/// <param name="Index">The column's position in the dataset table.</param>
/// <param name="Name">The column's name.</param>
/// <param name="Property">The property mapped to the column.</param>
/// <param name="Converter">The property's configured value conversion (the cell is the stored form), or <c>null</c>.</param>
internal sealed record ColumnMapping(int Index, string Name, IProperty Property, ValueConverter? Converter)
{
    /// <summary>The type the cell text is read as: the converter's provider type, else the property's type.</summary>
    public Type CellType => Converter?.ProviderClrType ?? Property.ClrType;
}

/// <summary>
/// Binds a dataset's tables to a DbContext's entity types by the model's relational metadata: tables by
/// <c>GetTableName()</c> (and schema), columns by <c>GetColumnName(…)</c>; exact names first, then ignoring case when
/// that is unambiguous (SQLite names and CSV file names often differ from the C# model only in case).
/// </summary>
internal static class DatasetMapping
{
    public static IReadOnlyList<TableMapping> Bind(DbContext db, RelationalDataset data)
    {
        var candidates = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is not null)
            .Select(t => (Type: t, Store: StoreObjectIdentifier.Table(t.GetTableName()!, t.GetSchema())))
            .ToList();
        var contextName = db.GetType().Name;
        var mappings = new List<TableMapping>();
        foreach (var (table, _) in data.Tables)
        {
            var matches = Match(candidates, c => Names(c.Store), table.Name);
            if (matches.Count == 0)
                throw new SynthDataException(
                    $"Table '{table.Name}' has no entity type in {contextName}.",
                    hint: $"Map an entity to it (ToTable(\"{table.Name}\")), or seed only the tables the context maps. Mapped tables: {string.Join(", ", candidates.Select(c => Display(c.Store)).Distinct().Order(StringComparer.Ordinal))}.");
            var roots = matches.Select(m => m.Type.GetRootType()).Distinct().ToList();
            if (roots.Count > 1 || roots[0].IsAbstract())
                throw new SynthDataException(
                    $"Table '{table.Name}' is shared by entity types {string.Join(", ", matches.Select(m => m.Type.DisplayName()))} (table splitting or an abstract hierarchy), which seeding from a dataset does not handle.",
                    hint: "Seed these rows through the typed overload, SeedSynthAsync(entities).");
            var entityType = roots[0];
            var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var properties = entityType.GetProperties().Where(p => p.GetColumnName(store) is not null).ToList();
            var columns = new List<ColumnMapping>();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i].Name;
                var found = Match(properties, p => [p.GetColumnName(store)!], column);
                if (found.Count != 1)
                    throw new SynthDataException(
                        found.Count == 0
                            ? $"Column '{column}' of table '{table.Name}' has no property in entity type {entityType.DisplayName()}."
                            : $"Column '{column}' of table '{table.Name}' matches several properties of entity type {entityType.DisplayName()} when case is ignored ({string.Join(", ", found.Select(p => p.Name))}).",
                        columnName: column,
                        hint: $"Mapped columns: {string.Join(", ", properties.Select(p => p.GetColumnName(store)))}.");
                var property = found[0];
                // HasConversion<string>() names only a provider type; the converter then lives in the type mapping.
                var converter = property.GetValueConverter()
                    ?? (property.GetProviderClrType() is not null ? property.FindTypeMapping()?.Converter : null);
                var mapping = new ColumnMapping(i, column, property, converter);
                if (!CellConversion.Supports(mapping.CellType))
                    throw new SynthDataException(
                        $"Column '{column}' of table '{table.Name}' maps to {entityType.DisplayName()}.{property.Name} of type {mapping.CellType.Name}, which seeding cannot read from text.",
                        columnName: column,
                        hint: "Give the property a value converter from a supported type (string, numbers, dates, bool, Guid, enums).");
                columns.Add(mapping);
            }
            mappings.Add(new TableMapping(table, entityType, columns));
        }
        return mappings;
    }

    private static IEnumerable<string> Names(StoreObjectIdentifier store) =>
        store.Schema is null ? [store.Name] : [store.Name, $"{store.Schema}.{store.Name}"];

    private static string Display(StoreObjectIdentifier store) => store.Schema is null ? store.Name : $"{store.Schema}.{store.Name}";

    private static List<T> Match<T>(IEnumerable<T> items, Func<T, IEnumerable<string>> names, string wanted)
    {
        var list = items as IReadOnlyCollection<T> ?? items.ToList();
        var exact = list.Where(i => names(i).Contains(wanted, StringComparer.Ordinal)).ToList();
        return exact.Count > 0 ? exact : list.Where(i => names(i).Contains(wanted, StringComparer.OrdinalIgnoreCase)).ToList();
    }
}
