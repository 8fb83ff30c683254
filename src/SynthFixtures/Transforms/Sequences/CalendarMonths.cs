namespace SynthFixtures.Transforms.Sequences;

/// <summary>
/// Datetime index values as whole milliseconds and calendar months: the index is read as seconds since 0001-01-01 (a
/// double), which is exact to the millisecond for any real date, so steps are compared on milliseconds, not on doubles.
/// </summary>
internal static class CalendarMonths
{
    public static long ToMilliseconds(double seconds) => (long)Math.Round(seconds * 1000.0, MidpointRounding.ToEven);

    public static double ToSeconds(long milliseconds) => milliseconds * TimeSpan.TicksPerMillisecond / (double)TimeSpan.TicksPerSecond;

    public static DateTime ToDateTime(long milliseconds) =>
        new(Math.Clamp(milliseconds, 0, DateTime.MaxValue.Ticks / TimeSpan.TicksPerMillisecond) * TimeSpan.TicksPerMillisecond);

    public static long ToMilliseconds(DateTime time) => time.Ticks / TimeSpan.TicksPerMillisecond;

    /// <summary>Months since January of year 1 (January 1 = 0).</summary>
    public static long MonthNumber(DateTime time) => (time.Year - 1) * 12L + time.Month - 1;

    /// <summary>The given month number's date on <paramref name="day"/> (clamped to the month's length, or its last day).</summary>
    public static DateTime OnDay(long monthNumber, int? day, TimeSpan timeOfDay)
    {
        monthNumber = Math.Clamp(monthNumber, 0, 9999L * 12 - 1);
        var year = (int)(monthNumber / 12) + 1;
        var month = (int)(monthNumber % 12) + 1;
        var length = DateTime.DaysInMonth(year, month);
        return new DateTime(year, month, day is { } d ? Math.Min(d, length) : length).Add(timeOfDay);
    }

    public static bool IsMonthEnd(DateTime time) => time.Day == DateTime.DaysInMonth(time.Year, time.Month);

    public static long FloorModulo(long value, long divisor) => ((value % divisor) + divisor) % divisor;

    public static long GreatestCommonDivisor(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
