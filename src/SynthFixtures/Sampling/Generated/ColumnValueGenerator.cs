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
    private readonly int _fakerSeed;
    private Faker? _faker;

    /// <summary>A generator on <paramref name="random"/>: one block of a column (<see cref="GeneratedColumnBlocks"/>).</summary>
    public ColumnValueGenerator(GeneratedColumnSpec spec, SynthRandom random)
    {
        _spec = spec;
        _random = random;
        _fakerSeed = (int)(random.NextUInt64() >> 33);
    }

    // Bogus draws from its own Randomizer and reads the wall clock for dates: seed the one from our stream and fix the
    // other, so the column stays reproducible. Made only for the columns that fake or write prose, as it is not free.
    private Faker Faker => _faker ??= new Faker("en")
    {
        Random = new Randomizer(_fakerSeed),
        DateTimeReference = FakeClock.DefaultReferenceDate,
    };

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
            PiiKind.Email => Faker.Internet.Email(),
            PiiKind.Phone => Faker.Phone.PhoneNumber(),
            PiiKind.CardNumber => Faker.Finance.CreditCardNumber(),
            PiiKind.PersonName => Faker.Name.FullName(),
            PiiKind.StreetAddress => Faker.Address.StreetAddress(),
            _ => Faker.Lorem.Word(),
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
        if (q.Count < 2) return Faker.Lorem.Sentence();
        var position = _random.NextDouble() * (q.Count - 1);
        var i = Math.Min((int)position, q.Count - 2);
        var words = (int)Math.Round(q[i] + (q[i + 1] - q[i]) * (position - i));
        return words <= 0 ? "" : Faker.Lorem.Sentence(words).TrimEnd('.') + ".";
    }
}
