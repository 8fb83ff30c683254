using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SynthFixtures.Data;

namespace SynthFixtures.EntityFrameworkCore;

/// <summary>One dataset row as a new entity of its table's entity type, with every mapped column's value set.</summary>
internal static class RowEntities
{
    /// <summary>A detached entry for row <paramref name="row"/> of <paramref name="rows"/>, its values set.</summary>
    /// <exception cref="SynthDataException">A cell that does not convert, or a missing value for a required property.</exception>
    public static EntityEntry Create(DbContext db, TableMapping table, Table rows, int row)
    {
        var entry = db.Entry(NewInstance(table.EntityType.ClrType));
        foreach (var column in table.Columns)
            entry.Property(column.Property).CurrentValue = Value(table, column, rows[row, column.Index], row);
        return entry;
    }

    private static object? Value(TableMapping table, ColumnMapping column, string? cell, int row)
    {
        var missing = cell is null || (column.CellType != typeof(string) && string.IsNullOrWhiteSpace(cell));
        if (missing)
        {
            if (column.Property.IsNullable) return null;
            throw new SynthDataException(
                $"Table '{table.Table.Name}', column '{column.Name}', row {row + 1}: the value is missing, but {table.EntityType.DisplayName()}.{column.Property.Name} is required.",
                columnName: column.Name,
                hint: "Make the property nullable, or generate the column without missing values.");
        }
        if (!CellConversion.TryConvert(cell!, column.CellType, out var value))
            throw new SynthDataException(
                $"Table '{table.Table.Name}', column '{column.Name}', row {row + 1}: '{cell}' is not {Describe(column.CellType)} ({table.EntityType.DisplayName()}.{column.Property.Name}).",
                columnName: column.Name,
                hint: "Check that the entity property's type matches the column's type in the model the data came from.");
        if (column.Converter is null) return value;
        try
        {
            return column.Converter.ConvertFromProvider(value);
        }
        // A converter is the user's code (or EF Core's, which throws InvalidOperationException for an unknown enum name):
        // whatever it throws for this cell means the cell is not the stored form it reads.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new SynthDataException(
                $"Table '{table.Table.Name}', column '{column.Name}', row {row + 1}: '{cell}' does not convert to {Describe(column.Property.ClrType)} through the value converter of {table.EntityType.DisplayName()}.{column.Property.Name} ({e.Message})",
                columnName: column.Name,
                hint: "Check that the column holds the stored form the converter reads.",
                inner: e);
        }
    }

    private static string Describe(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsEnum ? $"a member of {plain.Name}" : $"a {plain.Name}";
    }

    // Entity types usually have a parameterless constructor (EF Core binds others to properties, which are set next).
    private static object NewInstance(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.NonPublicConstructors)] Type type) =>
        type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes) is { } constructor
            ? constructor.Invoke(null)
            : RuntimeHelpers.GetUninitializedObject(type);
}
