using System.Globalization;
using Bogus;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;
using SynthFixtures.Randomness;

namespace SynthFixtures.Sampling.Generated;

/// <summary>Produces one generated column's cells for a sample, from its recipe and its own random stream.</summary>
internal sealed class ColumnValueGenerator
{
    private readonly GeneratedColumnSpec _spec;
    private readonly SynthRandom _random;
    private readonly Faker _faker;

    public ColumnValueGenerator(GeneratedColumnSpec spec, SynthRandom random)
    {
        _spec = spec;
        _random = random;
        // Bogus draws from its own Randomizer and reads the wall clock for dates: seed the one from our stream and fix
        // the other, so the column stays reproducible.
        _faker = new Faker("en")
        {
            Random = new Randomizer((int)(random.NextUInt64() >> 33)),
            DateTimeReference = FakeClock.DefaultReferenceDate,
        };
    }

    /// <summary>
    /// One generator per generated column, column g on stream <c>generated:&lt;name&gt;</c> of <paramref name="root"/>, so
    /// each column is the same whatever the model kind or thread count.
    /// </summary>
    public static ColumnValueGenerator[] CreateAll(IReadOnlyList<GeneratedColumnSpec> specs, SynthRandom root) =>
        specs.Select(spec => new ColumnValueGenerator(spec, root.Derive("generated:" + spec.Name))).ToArray();

    /// <summary>
    /// The next <paramref name="rows"/> cells of every generated column, numbered from <paramref name="firstRow"/>. Each
    /// generator continues its own stream, so consecutive calls give the cells one call for all the rows would.
    /// </summary>
    public static string?[][] GenerateAll(ColumnValueGenerator[] generators, int rows, long firstRow, ParallelOptions parallel)
    {
        var generated = new string?[generators.Length][];
        Parallel.For(0, generators.Length, parallel, g => generated[g] = generators[g].Generate(rows, firstRow));
        return generated;
    }

    /// <summary>Cells for <paramref name="count"/> rows numbered from <paramref name="firstRow"/> (keys count from there).</summary>
    public string?[] Generate(int count, long firstRow = 0)
    {
        var cells = new string?[count];
        for (var row = 0; row < count; row++)
        {
            if (_spec.MissingProbability > 0 && _random.NextDouble() < _spec.MissingProbability) continue;
            cells[row] = Next(firstRow + row);
        }
        return cells;
    }

    private string Next(long row) => _spec.Generator switch
    {
        GeneratorKind.Sequence => ((_spec.Start ?? 1) + row).ToString(CultureInfo.InvariantCulture),
        GeneratorKind.Guid => NextGuid().ToString(_spec.GuidFormat ?? "D", CultureInfo.InvariantCulture),
        GeneratorKind.Pattern => Pattern(row),
        GeneratorKind.Lorem => Lorem(),
        GeneratorKind.Fake => _spec.Pii switch
        {
            PiiKind.Email => _faker.Internet.Email(),
            PiiKind.Phone => _faker.Phone.PhoneNumber(),
            PiiKind.CardNumber => _faker.Finance.CreditCardNumber(),
            PiiKind.PersonName => _faker.Name.FullName(),
            PiiKind.StreetAddress => _faker.Address.StreetAddress(),
            _ => _faker.Lorem.Word(),
        },
        _ => throw new InvalidOperationException($"Unknown generator {_spec.Generator}."),
    };

    private string Pattern(long row)
    {
        var check = _spec.CheckDigit ?? CheckDigit.None;
        var body = ((_spec.Start ?? 1) + row).ToString(CultureInfo.InvariantCulture).PadLeft((_spec.Digits ?? 1) - (check == CheckDigit.None ? 0 : 1), '0');
        return (_spec.Prefix ?? "") + (check == CheckDigit.None ? body : body + CheckDigits.Compute(check, body));
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, _random.NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], _random.NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private string Lorem()
    {
        var q = _spec.WordCountQuantiles ?? [];
        if (q.Count < 2) return _faker.Lorem.Sentence();
        var position = _random.NextDouble() * (q.Count - 1);
        var i = Math.Min((int)position, q.Count - 2);
        var words = (int)Math.Round(q[i] + (q[i + 1] - q[i]) * (position - i));
        return words <= 0 ? "" : _faker.Lorem.Sentence(words).TrimEnd('.') + ".";
    }
}
