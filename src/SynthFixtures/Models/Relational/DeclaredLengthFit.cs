using System.Text.RegularExpressions;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Relational;

/// <summary>
/// Makes generated string cells fit the character length their column declares (<c>NVARCHAR(120)</c>), so a generated
/// database can be written into the schema it was learned from. Learned cells are left alone (they are source values,
/// which fit); generated ones are what can outgrow a column: placeholder prose longer than any source text, fake personal
/// data in another format, counters with more digits at a larger scale.
/// <list type="bullet">
/// <item>prose (<see cref="GeneratorKind.Lorem"/>) is cut after its last whole word that fits, keeping the closing full stop;</item>
/// <item>fake values (<see cref="GeneratorKind.Fake"/>) are drawn again until one fits (a cut e-mail is no e-mail), and cut only
/// when none of <see cref="Redraws"/> fits;</item>
/// <item>identifiers (sequences, prefixed codes, GUIDs) and every key column are never cut, since two cut identifiers can
/// collide: a value that does not fit is an error naming the column.</item>
/// </list>
/// </summary>
internal static partial class DeclaredLengthFit
{
    /// <summary>How many fresh fake values are tried before one is cut.</summary>
    public const int Redraws = 64;

    /// <summary>
    /// The most characters a column of <paramref name="declaredType"/> holds (<c>VARCHAR(5)</c> → 5), or <c>null</c> for a
    /// type without a character length (TEXT, INTEGER, <c>NVARCHAR(MAX)</c>, <c>NUMERIC(10,2)</c>).
    /// </summary>
    public static int? CharacterLimit(string declaredType)
    {
        var match = CharacterType().Match(declaredType);
        return match.Success && int.TryParse(match.Groups["length"].ValueSpan, out var length) ? length : null;
    }

    /// <summary>
    /// Fits the cells of one generated table in place: <paramref name="generated"/> maps a column produced by its model's
    /// recipe to that recipe; <paramref name="keyColumns"/> are the columns keys are made of or copied into.
    /// </summary>
    /// <exception cref="SynthDataException">An identifier or key value is longer than its column.</exception>
    public static void Apply(RelationalTable table, string?[][] cells, IReadOnlyDictionary<string, GeneratedColumnSpec> generated,
        IReadOnlySet<string> keyColumns, SynthRandom random)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            if (CharacterLimit(column.DeclaredType) is not { } limit || !cells[c].Any(v => v is not null && v.Length > limit)) continue;
            var spec = generated.GetValueOrDefault(column.Name);
            if (keyColumns.Contains(column.Name) || spec is null || spec.Generator is not (GeneratorKind.Lorem or GeneratorKind.Fake))
            {
                if (spec is null && !keyColumns.Contains(column.Name)) continue; // a learned value: a source value, left to the writer to judge
                var value = cells[c].First(v => v is not null && v.Length > limit)!;
                throw new SynthDataException(
                    $"Table '{table.Name}', column '{column.Name}' is declared {column.DeclaredType}, but its generated identifier '{value}' has {value.Length} characters; identifiers are never cut, since cut ones could repeat.",
                    hint: "Generate at a smaller scale, or widen the column in the relational metadata.");
            }
            cells[c] = spec.Generator == GeneratorKind.Lorem
                ? cells[c].Select(v => v is null || v.Length <= limit ? v : CutProse(v, limit)).ToArray()
                : Redraw(cells[c], spec, limit, random.Derive($"fit:{table.Name}:{column.Name}"));
        }
    }

    /// <summary>The longest run of whole words that fits with the full stop (when the text had one); a single word too long is cut.</summary>
    internal static string CutProse(string text, int limit)
    {
        var stop = text.EndsWith('.') && limit > 1 ? "." : "";
        var words = text.TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = "";
        foreach (var word in words)
        {
            var next = kept.Length == 0 ? word : kept + " " + word;
            if (next.Length + stop.Length > limit) break;
            kept = next;
        }
        return kept.Length > 0 ? kept + stop : Cut(words.Length > 0 ? words[0] : text, limit);
    }

    private static string?[] Redraw(string?[] cells, GeneratedColumnSpec spec, int limit, SynthRandom random)
    {
        // One generator on its own stream, consumed in row order: the result does not depend on threads.
        var generator = new ColumnValueGenerator(spec with { MissingProbability = 0 }, random);
        var fitted = (string?[])cells.Clone();
        for (var i = 0; i < fitted.Length; i++)
        {
            if (fitted[i] is not { } value || value.Length <= limit) continue;
            string? fits = null;
            for (var attempt = 0; attempt < Redraws && fits is null; attempt++)
                if (generator.Generate(1, i)[0] is { } candidate && candidate.Length <= limit) fits = candidate;
            fitted[i] = fits ?? Cut(value, limit);
        }
        return fitted;
    }

    // Never between the two halves of a surrogate pair.
    private static string Cut(string text, int limit) =>
        text.Length <= limit ? text : limit <= 0 ? "" : char.IsHighSurrogate(text[limit - 1]) ? text[..(limit - 1)] : text[..limit];

    [GeneratedRegex(@"^\s*(?:N?VARCHAR2?|N?CHAR|CHARACTER(?:\s+VARYING)?|VARYING\s+CHARACTER|NATIONAL\s+(?:VARCHAR|CHARACTER(?:\s+VARYING)?|CHAR(?:\s+VARYING)?)|NCHAR\s+VARYING|NATIVE\s+CHARACTER|BPCHAR)\s*\(\s*(?<length>[0-9]+)\s*\)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharacterType();
}
