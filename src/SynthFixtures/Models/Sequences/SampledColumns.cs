using SynthFixtures.Metadata;
using SynthFixtures.Sampling;

namespace SynthFixtures.Models.Sequences;

/// <summary>Row operations on sampled columns that a sequence sample needs: slices, per-entity repeats, joins.</summary>
internal static class SampledColumns
{
    /// <summary>Rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 of <paramref name="column"/>.</summary>
    public static SampledColumn Slice(SampledColumn column, int start, int count) =>
        new(column.Metadata, column.MissingToken, column.Numbers?.AsSpan(start, count).ToArray(), column.Codes?.AsSpan(start, count).ToArray(),
            column.Categories, column.Texts?.AsSpan(start, count).ToArray());

    /// <summary>Row <paramref name="first"/> + i of <paramref name="column"/> written <paramref name="lengths"/>[i] times, for each i.</summary>
    public static SampledColumn Repeat(SampledColumn column, int first, IReadOnlyList<int> lengths, int total)
    {
        if (column.Numbers is { } numbers) return new(column.Metadata, column.MissingToken, numbers: Expand(numbers, first, lengths, total));
        if (column.Codes is { } codes) return new(column.Metadata, column.MissingToken, codes: Expand(codes, first, lengths, total), categories: column.Categories);
        return new(column.Metadata, column.MissingToken, texts: Expand(column.Texts!, first, lengths, total));
    }

    /// <summary>The cells of each entity written once per step.</summary>
    public static T[] Expand<T>(T[] perEntity, int first, IReadOnlyList<int> lengths, int total)
    {
        var rows = new T[total];
        var row = 0;
        for (var i = 0; i < lengths.Count; i++)
        {
            rows.AsSpan(row, lengths[i]).Fill(perEntity[first + i]);
            row += lengths[i];
        }
        return rows;
    }

    /// <summary>The parts of one column joined in order (labels merged when the parts list them differently).</summary>
    public static SampledColumn Concat(IReadOnlyList<SampledColumn> parts)
    {
        var head = parts[0];
        if (parts.Count == 1) return head;
        if (parts.All(p => p.Numbers is not null)) return new(head.Metadata, head.MissingToken, numbers: parts.SelectMany(p => p.Numbers!).ToArray());
        if (parts.All(p => p.Codes is not null && p.Categories!.SequenceEqual(head.Categories!)))
            return new(head.Metadata, head.MissingToken, codes: parts.SelectMany(p => p.Codes!).ToArray(), categories: head.Categories);
        if (parts.All(p => p.Codes is not null))
        {
            var labels = parts.SelectMany(p => p.Categories!).Distinct().ToList();
            var codeOf = labels.Select((label, code) => (label, code)).ToDictionary(x => x.label ?? "\0missing", x => x.code, StringComparer.Ordinal);
            var codes = parts.SelectMany(p => p.Codes!.Select(c => codeOf[p.Categories![c] ?? "\0missing"])).ToArray();
            return new(head.Metadata, head.MissingToken, codes: codes, categories: labels);
        }
        return new(head.Metadata, head.MissingToken, texts: parts.SelectMany(p => p.Cells()).ToArray());
    }

    /// <summary>A column of no rows in the representation its kind samples in.</summary>
    public static SampledColumn Empty(ColumnMetadata column) => column.IsNumeric && column.IsModelled
        ? new(column, null, numbers: [])
        : new(column, null, texts: []);
}
