namespace SynthFixtures.Models.Sequences;

/// <summary>
/// The columns the context model learns besides the context columns: each entity's length and, with an index, where
/// its index starts. Their names are chosen not to clash with the source's columns.
/// </summary>
/// <param name="LengthColumn">The integer column of sequence lengths.</param>
/// <param name="StartColumn">The column of index starts (the index column's kind and format), or <c>null</c> without an index.</param>
/// <param name="MinLength">The shortest source sequence: sampled lengths are kept within the source's range.</param>
/// <param name="MaxLength">The longest source sequence.</param>
public sealed record SequenceContextLayout(string LengthColumn, string? StartColumn, int MinLength, int MaxLength)
{
    /// <summary>A column name starting with <paramref name="wanted"/> that is none of <paramref name="taken"/>.</summary>
    public static string FreeName(string wanted, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var names = taken.ToHashSet(StringComparer.Ordinal);
        var name = wanted;
        while (names.Contains(name)) name += "_";
        return name;
    }
}
