namespace SynthFixtures.EntityFrameworkCore.Tests;

public sealed class CellConversionTests
{
    public static TheoryData<string, Type, object> Converts => new()
    {
        { "42", typeof(int), 42 },
        { "42.0", typeof(int), 42 },
        { "-9000000000", typeof(long), -9_000_000_000L },
        { "12.50", typeof(decimal), 12.50m },
        { "1e3", typeof(double), 1000d },
        { "true", typeof(bool), true },
        { "F", typeof(bool), false },
        { "2024-02-29", typeof(DateOnly), new DateOnly(2024, 2, 29) },
        { "2024-02-29 00:00:00", typeof(DateOnly?), new DateOnly(2024, 2, 29) },
        { "2024-02-29T13:14:15", typeof(DateTime), new DateTime(2024, 2, 29, 13, 14, 15) },
        { "gold", typeof(Tier), Tier.Gold },
        { "2", typeof(Tier?), Tier.Gold },
        { " padded ", typeof(string), " padded " },
    };

    [Theory, MemberData(nameof(Converts))]
    public void Invariant_text_converts_to_the_type(string cell, Type type, object expected)
    {
        Assert.True(CellConversion.TryConvert(cell, type, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4.5", typeof(int))]
    [InlineData("300", typeof(byte))]
    [InlineData("1,5", typeof(decimal))]
    [InlineData("maybe", typeof(bool))]
    [InlineData("2024-02-30", typeof(DateOnly))]
    [InlineData("2024-02-01 10:00:00", typeof(DateOnly))]
    [InlineData("7", typeof(Tier))]
    [InlineData("not-a-guid", typeof(Guid))]
    public void Text_that_is_not_a_value_of_the_type_is_refused(string cell, Type type) =>
        Assert.False(CellConversion.TryConvert(cell, type, out _));
}
