using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Tests.Metadata;

public class PiiDetectorTests
{
    [Theory]
    [InlineData("luisg@embraer.com.br", true)]
    [InlineData("o'brien+tag@mail.example.org", true)]
    [InlineData("not an email", false)]
    [InlineData("a@b", false)]
    public void Email(string value, bool expected) => Assert.Equal(expected, PiiDetector.IsEmail(value));

    [Theory]
    [InlineData("+55 (12) 3923-5555", true)]
    [InlineData("+49 0711 2842222", true)]
    [InlineData("(650) 253-0000", true)]
    [InlineData("555-123-4567", true)]
    [InlineData("94043-1351", false)]     // a ZIP+4 code
    [InlineData("2012-01-01", false)]     // a date
    [InlineData("01-31-2012", false)]     // a date with a 4-digit last group
    [InlineData("5551234567", false)]     // bare digits, unless the column is called phone
    [InlineData("+1 234", false)]         // too few digits
    [InlineData("+1 234 567 890 123 456", false)] // too many digits
    public void Phone(string value, bool expected) => Assert.Equal(expected, PiiDetector.IsPhone(value));

    [Fact]
    public void Bare_digits_are_a_phone_in_a_phone_named_column() => Assert.True(PiiDetector.IsPhone("5551234567", nameSuggestsPhone: true));

    [Theory]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("4111-1111-1111-1111", true)]
    [InlineData("5500005555555559", true)]
    [InlineData("4111 1111 1111 1112", false)] // fails Luhn
    [InlineData("411111111111", false)]        // 12 digits
    public void Card_number(string value, bool expected) => Assert.Equal(expected, PiiDetector.IsCardNumber(value));

    [Fact]
    public void Flags_a_column_when_80_percent_match()
    {
        var values = Enumerable.Range(0, 8).Select(i => $"user{i}@example.com").Concat(["n/a", "unknown"]).ToArray();
        Assert.Equal(PiiKind.Email, PiiDetector.Detect("contact", values, out var share));
        Assert.Equal(0.8, share, 3);
        Assert.Equal(PiiKind.None, PiiDetector.Detect("contact", values.Append("nobody").ToArray(), out _));
    }

    [Fact]
    public void Profiler_marks_pii_and_says_so_in_the_evidence()
    {
        var cards = new[] { "4111 1111 1111 1111", "5500 0055 5555 5559", "4012 8888 8888 1881" };
        var metadata = TableProfiler.Profile(new Table(["card"], [cards]));
        Assert.Equal(PiiKind.CardNumber, metadata.Columns[0].Pii);
        Assert.Contains("PII CardNumber", metadata.Columns[0].Evidence);
        Assert.False(metadata.Columns[0].IsModelled);
        var off = TableProfiler.Profile(new Table(["card"], [cards]), new ProfileOptions { DetectPii = false });
        Assert.Equal(PiiKind.None, off.Columns[0].Pii);
    }
}
