namespace SynthFixtures.Metadata.Sequences;

/// <summary>
/// Whether a <see cref="SequenceMetadata"/> fits a table's columns: every named column exists, the index holds
/// datetimes or integers, and no column plays two parts. The metadata JSON reader reports a problem at its place in the
/// file; a caller naming the columns itself (the profiler's detection) reports it with the column.
/// </summary>
public static class SequenceColumnsCheck
{
    /// <summary>The first problem of <paramref name="sequence"/> against <paramref name="columns"/>, or <c>null</c>.</summary>
    public static SequenceColumnProblem? FirstProblem(SequenceMetadata sequence, IReadOnlyList<ColumnMetadata> columns)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentNullException.ThrowIfNull(columns);
        var names = string.Join(", ", columns.Select(c => c.Name));
        if (sequence.EntityColumns.Count == 0)
            return new(SequenceRole.Entity, -1, null, "A sequence needs at least one entity column.",
                "Name the column whose value says whose history a row belongs to (a customer, device or symbol id).");

        var roles = new List<(SequenceRole Role, int Position, string Name)>();
        roles.AddRange(sequence.EntityColumns.Select((n, i) => (SequenceRole.Entity, i, n)));
        if (sequence.IndexColumn is { } index) roles.Add((SequenceRole.Index, 0, index));
        roles.AddRange(sequence.ContextColumns.Select((n, i) => (SequenceRole.Context, i, n)));

        var seen = new Dictionary<string, SequenceRole>(StringComparer.Ordinal);
        foreach (var (role, position, name) in roles)
        {
            var column = columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
            if (column is null)
                return new(role, position, name, $"The sequence's {Word(role)} column '{name}' is not one of the columns.",
                    $"Name one of the columns ({names}).");
            if (seen.TryGetValue(name, out var earlier))
                return new(role, position, name, earlier == role
                        ? $"The column '{name}' is named twice as a sequence {Word(role)} column."
                        : $"The column '{name}' is both a sequence {Word(earlier)} column and its {Word(role)} column.",
                    earlier == role ? "Name it once." : RoleHint(earlier, role));
            seen.Add(name, role);
            if (role == SequenceRole.Index && column.Kind is not (ColumnKind.DateTime or ColumnKind.Integer))
                return new(role, position, name, $"The sequence index '{name}' is a {MetadataJson.JsonName(column.Kind)} column; it must hold datetimes or integers.",
                    "Name a date/time or integer column that orders each entity's rows, or leave the index out for the file's order.");
        }
        return null;
    }

    private static string Word(SequenceRole role) => role switch
    {
        SequenceRole.Entity => "entity",
        SequenceRole.Index => "index",
        _ => "context",
    };

    private static string RoleHint(SequenceRole earlier, SequenceRole role) => (earlier, role) switch
    {
        (SequenceRole.Entity, SequenceRole.Context) =>
            "An entity column names the entity; context columns are the other values constant within it. Remove it from the context.",
        (_, SequenceRole.Context) => "The index changes from step to step, so it cannot be a context column. Remove it from the context.",
        _ => "The index orders an entity's steps, so it cannot also name the entity. Name another index column.",
    };
}

/// <summary>A problem of a <see cref="SequenceMetadata"/> against a table's columns.</summary>
/// <param name="Role">The list the offending column is in.</param>
/// <param name="Position">Its position in that list (0 for the index; -1 when the entity list is empty).</param>
/// <param name="Column">The offending column name, if any.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it.</param>
public sealed record SequenceColumnProblem(SequenceRole Role, int Position, string? Column, string Message, string Hint);
