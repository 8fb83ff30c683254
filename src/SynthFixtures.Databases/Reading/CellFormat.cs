using System.Globalization;

namespace SynthFixtures.Databases.Reading;

/// <summary>
/// A database value as the text cell a CSV would hold, in the invariant culture: NULL is <c>null</c> (missing),
/// numbers round-trip (<c>0.99</c>, not <c>0,99</c> or <c>0.98999999</c>), date-times read
/// <c>yyyy-MM-dd HH:mm:ss</c> with a fraction only when there is one, dates <c>yyyy-MM-dd</c>, booleans
/// <c>true</c>/<c>false</c>, binary as base64; so the profiler sees a database column as it sees a CSV column.
/// </summary>
internal static class CellFormat
{
    public static string? Invariant(object? value) => value switch
    {
        null or DBNull => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
