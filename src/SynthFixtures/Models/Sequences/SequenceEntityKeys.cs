using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using SynthFixtures.Randomness;

namespace SynthFixtures.Models.Sequences;

/// <summary>How an entity column's keys are written.</summary>
public enum EntityKeyShape
{
    /// <summary>Whole numbers counting from <see cref="EntityKeyRecipe.Start"/>.</summary>
    Number,

    /// <summary>A shared prefix and a zero-padded number (<c>C-00017</c>).</summary>
    Code,

    /// <summary>
    /// The character classes of a source key (<c>MSFT</c>: four capitals, <c>Seattle</c>: a capital and six small
    /// letters): each letter or digit position is filled from the entity's number, other characters kept.
    /// </summary>
    Template,

    /// <summary>
    /// A low-cardinality member of a composite key (jobs' <c>sex</c> beside <c>job</c>): its labels are learned by the
    /// context model like a context column, so their shares and what depends on them follow the data; the key's other
    /// members are generated so that the tuple is unique.
    /// </summary>
    Labels,
}

/// <summary>
/// One entity column's key recipe: generated from the entity's number in the sample, never learned, so two sampled
/// entities never share a key and no source key is copied (except by chance for short templates). In a composite key a
/// member with few labels is learned instead (<see cref="EntityKeyShape.Labels"/>), and the generated members are then
/// numbered within each combination of those labels (<see cref="EntityKeyNumbering"/>), so only the tuple is unique.
/// </summary>
public sealed record EntityKeyRecipe
{
    /// <summary>The entity column.</summary>
    public required string Column { get; init; }

    /// <summary>The key shape.</summary>
    public required EntityKeyShape Shape { get; init; }

    /// <summary>The first number (<see cref="EntityKeyShape.Number"/>, <see cref="EntityKeyShape.Code"/>).</summary>
    public long Start { get; init; } = 1;

    /// <summary>The prefix of a code.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The digits of a code (zero-padded; more when the number needs them).</summary>
    public int Digits { get; init; } = 1;

    /// <summary>A template: <c>A</c> a capital, <c>a</c> a small letter, <c>9</c> a digit, anything else itself (escaped by <c>\</c>).</summary>
    public string Template { get; init; } = "";

    /// <summary>For <see cref="EntityKeyShape.Labels"/>: the source's labels (the context model draws them).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>
    /// For a generated member of a key with learned members: the share of source entities whose generated key also
    /// appears with other labels (each job of the jobs panel appears for both sexes: 1). A sampled entity reuses the
    /// key of the same rank among the other labels' entities with this probability; 0 (the default, and every key
    /// without learned members) numbers the entities across the whole sample.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double SharedShare { get; init; }

    /// <summary>Whether the context model draws this member's labels.</summary>
    [JsonIgnore]
    public bool IsLearned => Shape == EntityKeyShape.Labels;

    /// <summary>How many distinct keys the shape makes (capped at 2^62); unbounded shapes and labels give <see cref="ulong.MaxValue"/>.</summary>
    [JsonIgnore]
    public ulong KeyCapacity => Shape == EntityKeyShape.Template
        ? Capacity(Template.Where(c => c is 'A' or 'a' or '9').Select(c => c == '9' ? 10UL : 26UL).ToArray())
        : ulong.MaxValue;

    /// <summary>Learns the recipe from the source's keys of <paramref name="column"/> (one per entity).</summary>
    public static EntityKeyRecipe Fit(string column, IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var values = keys.Select(k => k.Trim()).ToList();
        if (values.Count > 0 && values.All(v => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            return new EntityKeyRecipe { Column = column, Shape = EntityKeyShape.Number, Start = values.Min(v => long.Parse(v, CultureInfo.InvariantCulture)) };
        var prefix = values.Count == 0 ? "" : values.Aggregate(CommonPrefix);
        prefix = new string(prefix.TakeWhile(c => !char.IsAsciiDigit(c)).ToArray());
        if (values.Count > 0 && values.All(v => v.Length > prefix.Length && !v.AsSpan(prefix.Length).ContainsAnyExcept("0123456789")))
            return new EntityKeyRecipe { Column = column, Shape = EntityKeyShape.Code, Prefix = prefix, Digits = values.Max(v => v.Length) - prefix.Length };
        // The most common shape among the keys (ties: the first key's), so "AAPL" and "MSFT" give four capitals.
        var template = values.Count == 0 ? "Aaaaaa" : values.Select(TemplateOf).GroupBy(t => t).OrderByDescending(g => g.Count()).First().Key;
        if (!template.Any(c => c is 'A' or 'a' or '9')) template += "9";
        return new EntityKeyRecipe { Column = column, Shape = EntityKeyShape.Template, Template = template };
    }

    /// <summary>
    /// Refuses a sample of <paramref name="entities"/> entities when a template has fewer distinct key tuples, before
    /// anything is drawn: the template's keys times <paramref name="labelCombinations"/>, the combinations of the key's
    /// learned members each generated key may be reused with (1 when keys are not reused).
    /// </summary>
    /// <exception cref="SynthDataException">The template makes fewer keys than <paramref name="entities"/>.</exception>
    public void CheckRoomFor(long entities, long labelCombinations = 1)
    {
        if (Shape != EntityKeyShape.Template) return;
        var capacity = KeyCapacity;
        var tuples = (UInt128)capacity * (ulong)Math.Max(1, labelCombinations);
        if ((ulong)entities <= tuples) return;
        var message = labelCombinations <= 1
            ? $"The entity column '{Column}' has keys shaped like '{Template}', which make only {capacity:N0} distinct keys, fewer than the {entities:N0} entities asked for."
            : $"The entity column '{Column}' has keys shaped like '{Template}', which make only {capacity:N0} distinct keys, each used with at most {labelCombinations:N0} combinations of the other key columns' labels: fewer than the {entities:N0} entities asked for.";
        throw new SynthDataException(message, hint: "Ask for fewer entities, or give the entity column longer keys or numbers.");
    }

    /// <summary>The keys of entities <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1; <paramref name="random"/> places the template's numbering.</summary>
    /// <exception cref="SynthDataException">A template has fewer distinct keys than the sample has entities.</exception>
    public string[] Keys(long first, int count, SynthRandom random)
    {
        var numbers = new long[count];
        for (var i = 0; i < count; i++) numbers[i] = first + i;
        CheckRoomFor(first + count);
        return KeysOf(numbers, random);
    }

    /// <summary>
    /// The keys numbered <paramref name="numbers"/> (0-based; each number gives one key, distinct numbers distinct
    /// keys); <paramref name="random"/> places the template's numbering.
    /// </summary>
    /// <exception cref="InvalidOperationException">A learned member has no generated keys.</exception>
    /// <exception cref="SynthDataException">A number is beyond the template's keys.</exception>
    public string[] KeysOf(IReadOnlyList<long> numbers, SynthRandom random)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(random);
        if (IsLearned) throw new InvalidOperationException($"The entity column '{Column}' is learned from its labels, not generated.");
        var keys = new string[numbers.Count];
        if (Shape != EntityKeyShape.Template)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var number = Start + numbers[i];
                keys[i] = Shape == EntityKeyShape.Number ? number.ToString(CultureInfo.InvariantCulture)
                    : Prefix + number.ToString(CultureInfo.InvariantCulture).PadLeft(Digits, '0');
            }
            return keys;
        }
        var radices = Template.Where(c => c is 'A' or 'a' or '9').Select(c => c == '9' ? 10UL : 26UL).ToArray();
        var capacity = Capacity(radices);
        // A prime stride walks every number below the capacity once (its prime factors are 2, 5 and 13 only), from an
        // offset the seed chooses, so keys look unrelated to each other yet never repeat.
        var offset = random.Derive("entity-keys").NextUInt64() % capacity;
        const ulong stride = 1_000_000_007UL;
        for (var i = 0; i < keys.Length; i++)
        {
            if ((ulong)numbers[i] >= capacity)
                throw new SynthDataException(
                    $"The entity column '{Column}' has keys shaped like '{Template}', which make only {capacity:N0} distinct keys, and the sample needs more.",
                    hint: "Ask for fewer entities, or give the entity column longer keys or numbers.");
            var number = (ulong)((offset + (UInt128)(ulong)numbers[i] * stride) % capacity);
            keys[i] = Fill(number, radices);
        }
        return keys;
    }

    private string Fill(ulong number, ulong[] radices)
    {
        var digits = new char[radices.Length];
        for (var position = radices.Length - 1; position >= 0; position--)
        {
            var digit = (int)(number % radices[position]);
            number /= radices[position];
            digits[position] = radices[position] == 10 ? (char)('0' + digit) : (char)('a' + digit);
        }
        var builder = new StringBuilder(Template.Length);
        var next = 0;
        for (var i = 0; i < Template.Length; i++)
        {
            var c = Template[i];
            if (c == '\\' && i + 1 < Template.Length) builder.Append(Template[++i]);
            else if (c == 'A') builder.Append(char.ToUpperInvariant(digits[next++]));
            else if (c is 'a' or '9') builder.Append(digits[next++]);
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static ulong Capacity(ulong[] radices)
    {
        // Beyond 2^62 keys the count is capped: no sample comes near it, and the walk stays a bijection on the capped range
        // (a power of two once capped, so any odd stride is coprime to it).
        const ulong cap = 1UL << 62;
        ulong capacity = 1;
        foreach (var radix in radices)
        {
            if (capacity > cap / radix) return cap;
            capacity *= radix;
        }
        return capacity;
    }

    private static string TemplateOf(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (char.IsAsciiLetterUpper(c)) builder.Append('A');
            else if (char.IsLetter(c)) builder.Append('a');
            else if (char.IsAsciiDigit(c)) builder.Append('9');
            else if (c == '\\') builder.Append(@"\\");
            else builder.Append(c);
        }
        return builder.ToString();
    }

    private static string CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return a[..n];
    }
}
