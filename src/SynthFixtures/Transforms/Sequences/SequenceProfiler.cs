using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Transforms.Sequences;

/// <summary>
/// Reads a table as sequences once its entity and index columns are known: groups the rows, analyses the index, and
/// finds the context columns. A column is detected as context when its cells (a missing cell counting as a value) are
/// the same on every step of every entity that has more than one step, and at least one entity has more than one step
/// — a column that varies in even one entity is a per-step column, because learning it once per entity would flatten
/// that entity's history. Context columns the caller names are checked instead of detected, and one that varies
/// within an entity is an error naming the entity, both values and their lines.
/// </summary>
public static class SequenceProfiler
{
    /// <summary>Profiles <paramref name="table"/> as sequences of <paramref name="entityColumns"/> ordered by <paramref name="indexColumn"/>.</summary>
    /// <param name="table">The rows (checked against <paramref name="metadata"/>, so index cells parse).</param>
    /// <param name="metadata">The table's columns.</param>
    /// <param name="entityColumns">The column(s) naming the entity.</param>
    /// <param name="indexColumn">The datetime or integer column ordering each entity's steps, or <c>null</c> for the file's order.</param>
    /// <param name="givenContext">Context columns to use instead of detecting them, or <c>null</c> to detect.</param>
    /// <exception cref="SynthDataException">A named column is missing or plays two parts, the index is not datetime or
    /// integer, an entity or index cell is empty or unreadable, or a given context column varies within an entity.</exception>
    public static SequenceProfile Detect(Table table, TableMetadata metadata, IReadOnlyList<string> entityColumns, string? indexColumn,
        IReadOnlyList<string>? givenContext = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(entityColumns);
        var named = new SequenceMetadata { EntityColumns = entityColumns, IndexColumn = indexColumn, ContextColumns = givenContext ?? [] };
        if (SequenceColumnsCheck.FirstProblem(named, metadata.Columns) is { } problem)
            throw new SynthDataException(problem.Message, table.SourcePath, table.SourcePath is null ? null : 1,
                problem.Column is { } c && table.HasColumn(c) ? table.IndexOf(c) + 1 : null, problem.Hint, problem.Column);

        var sequences = SequenceSet.From(table, metadata, named);
        var multiStep = sequences.Entities.Where(e => e.Length > 1).ToList();
        var rows = multiStep.Sum(e => e.Length);
        var scope = $"{Number(multiStep.Count)} entit{(multiStep.Count == 1 ? "y" : "ies")}"
            + (multiStep.Count < sequences.Entities.Count ? " with more than one step" : "")
            + $" ({Number(rows)} rows)";

        List<SequenceContextColumn> context;
        if (givenContext is not null)
        {
            foreach (var name in givenContext) CheckConstant(sequences, name);
            context = metadata.Columns.Where(c => givenContext.Contains(c.Name, StringComparer.Ordinal))
                .Select(c => new SequenceContextColumn(c.Name, true,
                    multiStep.Count == 0 ? "given; every entity has one step" : $"given; constant within all {scope}")).ToList();
        }
        else
        {
            context = multiStep.Count == 0 ? []
                : metadata.Columns.Where(c => !named.IsEntityLevel(c.Name) && FirstVariation(sequences, c.Name) is null)
                    .Select(c => new SequenceContextColumn(c.Name, false, $"constant within all {scope}")).ToList();
        }

        var sequence = named with { ContextColumns = context.Select(c => c.Name).ToList() };
        var grouped = SequenceSet.From(table, metadata, sequence);
        return new SequenceProfile { Sequence = sequence, Sequences = grouped, Index = SequenceIndexSteps.Analyze(grouped), Context = context };
    }

    private static void CheckConstant(SequenceSet sequences, string name)
    {
        if (FirstVariation(sequences, name) is not { } variation) return;
        var table = sequences.Table;
        var position = table.IndexOf(name);
        string Cell(int row) => table[row, position] is { } cell ? $"'{cell}'" : "an empty cell";
        string Line(int row) => table.SourceLine(row) is { } line ? $" on line {line.ToString(CultureInfo.InvariantCulture)}" : $" in row {row + 1}";
        throw new SynthDataException(
            $"The context column '{name}' is not constant within the entity '{string.Join(", ", variation.Entity.Key)}': "
            + $"{Cell(variation.FirstRow)}{Line(variation.FirstRow)} and {Cell(variation.OtherRow)}{Line(variation.OtherRow)}.",
            table.SourcePath, table.SourceLine(variation.OtherRow), position + 1,
            "A context column holds one value per entity. Make its cells agree within each entity, or leave it out of the context so it is learned per step.",
            name);
    }

    private static (SequenceEntity Entity, int FirstRow, int OtherRow)? FirstVariation(SequenceSet sequences, string name)
    {
        var table = sequences.Table;
        var position = table.IndexOf(name);
        foreach (var entity in sequences.Entities)
        {
            // File order, so the reported pair is the first change a reader of the file meets.
            var rows = entity.Rows.Order().ToArray();
            var first = table[rows[0], position];
            foreach (var row in rows.AsSpan(1))
                if (!string.Equals(table[row, position], first, StringComparison.Ordinal))
                    return (entity, rows[0], row);
        }
        return null;
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
