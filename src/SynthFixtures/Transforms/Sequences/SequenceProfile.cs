using System.Globalization;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;

namespace SynthFixtures.Transforms.Sequences;

/// <summary>
/// What <see cref="SequenceProfiler.Detect"/> found: the sequence metadata (with its context columns and their
/// evidence), the rows grouped into sequences, the sequence lengths, and the index's step and gaps.
/// </summary>
public sealed record SequenceProfile
{
    /// <summary>The entity, index and context columns.</summary>
    public required SequenceMetadata Sequence { get; init; }

    /// <summary>The table's rows grouped by entity and ordered by the index.</summary>
    public required SequenceSet Sequences { get; init; }

    /// <summary>The index's step (regular or irregular) and gaps.</summary>
    public required SequenceIndexSteps Index { get; init; }

    /// <summary>The context columns with their evidence, in table order.</summary>
    public required IReadOnlyList<SequenceContextColumn> Context { get; init; }

    /// <summary>Number of entities.</summary>
    public int EntityCount => Sequences.Entities.Count;

    /// <summary>Entities with a single step (they say nothing about whether a column is constant within an entity).</summary>
    public int SingleStepEntities => Sequences.Entities.Count(e => e.Length == 1);

    /// <summary>The shortest, median (lower middle) and longest sequence length.</summary>
    public (int Min, int Median, int Max) Lengths
    {
        get
        {
            var lengths = Sequences.Entities.Select(e => e.Length).Order().ToArray();
            return lengths.Length == 0 ? (0, 0, 0) : (lengths[0], lengths[(lengths.Length - 1) / 2], lengths[^1]);
        }
    }

    /// <summary>
    /// <paramref name="metadata"/> with this profile's <see cref="Sequence"/> and each context column's evidence added to
    /// the column's own, so the metadata JSON says why a column is context.
    /// </summary>
    public TableMetadata ApplyTo(TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var evidence = Context.ToDictionary(c => c.Name, c => c.Evidence, StringComparer.Ordinal);
        return metadata with
        {
            Sequence = Sequence,
            Columns = metadata.Columns.Select(c => evidence.TryGetValue(c.Name, out var why)
                ? c with { Evidence = string.IsNullOrEmpty(c.Evidence) ? "sequence context: " + why : $"{c.Evidence}; sequence context: {why}" }
                : c).ToList(),
        };
    }

    /// <summary>The profile in lines of text: entities, lengths, the index step, gaps, context columns and their evidence.</summary>
    public IReadOnlyList<string> Describe()
    {
        var (min, median, max) = Lengths;
        var lines = new List<string>
        {
            $"Sequence entity: {string.Join(", ", Sequence.EntityColumns)} ({Count(EntityCount, "entity", "entities")}"
                + (SingleStepEntities > 0 ? $", {Count(SingleStepEntities, "with one step", "with one step")}" : "") + ")",
            $"Sequence lengths: min {Number(min)}, median {Number(median)}, max {Number(max)}",
            $"Sequence index: {Sequence.IndexColumn ?? "(file order)"}, {Index.Describe()}",
        };
        if (Index.IsRegular)
        {
            lines.Add($"Gaps: {Index.DescribeGaps(EntityCount)}");
            foreach (var gap in Index.Gaps.Take(5))
                lines.Add($"  {string.Join(", ", gap.Entity)}: {Number(gap.MissingSteps)} step{(gap.MissingSteps == 1 ? "" : "s")} missing after "
                    + $"{FormatIndex(gap.After)}{(gap.Line is { } line ? $" (line {Number(line)})" : "")}");
            if (Index.Gaps.Count > 5) lines.Add($"  … and {Number(Index.Gaps.Count - 5)} more");
        }
        if (Context.Count == 0) lines.Add("Context columns: none");
        else
        {
            lines.Add("Context columns:");
            foreach (var column in Context) lines.Add($"  {column.Name}{(column.Given ? " (given)" : "")}: {column.Evidence}");
        }
        return lines;
    }

    private string FormatIndex(double value) =>
        Sequence.IndexColumn is { } name && Sequences.Columns.Find(name) is { } column ? ColumnValues.Format(value, column) : Number((long)value);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(int count, string one, string many) => $"{Number(count)} {(count == 1 ? one : many)}";
}
