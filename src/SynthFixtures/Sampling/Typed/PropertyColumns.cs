// Shared with the source generator (linked into analyzers/SynthFixtures.Generators) and read by the build's trainer, so
// the column a bound property reads and the column an attribute's rule names are found the same way. Keep it
// netstandard2.0-compatible.
using System;
using System.Collections.Generic;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// Which column of a learned model a property of a bound type reads: the one its <c>[Column("…")]</c> names (exactly,
/// else by <see cref="LabelMatching.SameName"/>), or the one named like the property (ignoring case and separators).
/// </summary>
public static class PropertyColumns
{
    /// <summary>The column of <paramref name="columns"/> that <paramref name="property"/> reads, or <c>null</c>.</summary>
    /// <param name="property">The property's name.</param>
    /// <param name="columnAttribute">The name its <c>[Column]</c> attribute gives, or <c>null</c>.</param>
    /// <param name="columns">The model's columns.</param>
    public static string? ColumnFor(string property, string? columnAttribute, IReadOnlyList<string> columns)
    {
        if (columns is null) throw new ArgumentNullException(nameof(columns));
        var wanted = columnAttribute ?? property;
        if (columnAttribute is not null)
            foreach (var column in columns)
                if (column == columnAttribute) return column;
        foreach (var column in columns)
            if (LabelMatching.SameName(column, wanted)) return column;
        return null;
    }
}
