using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Emitting;

/// <summary>C# text for names, numbers and the conversions between a kind's drawing units and its type.</summary>
internal static class Literals
{
    private const string TicksPerSecond = "global::System.TimeSpan.TicksPerSecond";

    public static string Long(long value) => value switch
    {
        long.MinValue => "long.MinValue",
        long.MaxValue => "long.MaxValue",
        _ => value.ToString(CultureInfo.InvariantCulture) + "L",
    };

    public static string Double(double value) => value switch
    {
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        double.MaxValue => "double.MaxValue",
        double.MinValue => "double.MinValue",
        _ => value.ToString("R", CultureInfo.InvariantCulture) + "D",
    };

    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A local or parameter name for a property, escaped when it is a keyword.</summary>
    public static string Local(string propertyName)
    {
        var name = char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }

    /// <summary>A field name stem for a property.</summary>
    public static string Stem(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

    /// <summary>The property value for <paramref name="units"/>, an expression of type long in the kind's drawing units.</summary>
    public static string FromUnits(PropertySpec property, string units) => property.Kind switch
    {
        ValueKind.Decimal => $"{units} / 100M",
        ValueKind.DateTime => $"new global::System.DateTime({units} * {TicksPerSecond})",
        ValueKind.DateTimeOffset => $"new global::System.DateTimeOffset({units} * {TicksPerSecond}, global::System.TimeSpan.Zero)",
        ValueKind.DateOnly => $"global::System.DateOnly.FromDayNumber((int){units})",
        ValueKind.TimeOnly => $"new global::System.TimeOnly({units} * {TicksPerSecond})",
        ValueKind.TimeSpan => $"new global::System.TimeSpan({units} * {TicksPerSecond})",
        ValueKind.Int64 => units,
        _ => $"({property.TypeName}){units}",
    };

    /// <summary>The drawing units (a long) of a value of the kind.</summary>
    public static string ToUnits(ValueKind kind, string value) => kind switch
    {
        ValueKind.Decimal => $"(long)({value} * 100M)",
        ValueKind.DateTime or ValueKind.TimeOnly or ValueKind.TimeSpan => $"{value}.Ticks / {TicksPerSecond}",
        ValueKind.DateTimeOffset => $"{value}.UtcTicks / {TicksPerSecond}",
        ValueKind.DateOnly => $"(long){value}.DayNumber",
        _ => $"(long){value}",
    };
}
