using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthFixtures.Metadata.Rules;

/// <summary>
/// Writes a <see cref="TableRule"/> in the hand-editable form of the metadata JSON (<c>{ "inequality": "a &gt; b" }</c>)
/// and reads it back where metadata is read whole by the serializer (a model file's header; hand-written metadata
/// files are read through <see cref="RuleDocumentReader"/>, which places errors). The columns are checked by the
/// metadata reader afterwards.
/// </summary>
internal sealed class TableRuleJsonConverter : JsonConverter<TableRule>
{
    public override TableRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var element = JsonDocument.ParseValue(ref reader);
        var root = element.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new JsonException("A rule must be an object.");
        var document = new RuleDocument();
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "fixedCombination": document.FixedCombination = property.Value.EnumerateArray().Select(v => v.GetString()).ToList(); break;
                case "inequality": document.Inequality = property.Value.GetString(); break;
                case "derived": document.Derived = property.Value.GetString(); break;
                case "identifier": document.Identifier = property.Value.GetString(); break;
                case "prefix": document.Prefix = property.Value.GetString(); break;
                case "digits": document.Digits = property.Value.GetInt32(); break;
                case "checkDigit": document.CheckDigit = property.Value.GetString(); break;
                default: throw new JsonException($"A rule has no property '{property.Name}'.");
            }
        }
        // The column names are not known here: take every word the text names as a column, and let the metadata check them.
        try
        {
            if (document.FixedCombination is { Count: >= 2 } members && members.All(m => m is not null)) return new FixedCombinationRule(members!);
            if (document.Inequality is { } inequality) return RuleText.ParseInequality(inequality, Words(inequality));
            if (document.Derived is { } derived) return RuleText.ParseDerived(derived, Words(derived));
            if (document.Identifier is { } identifier)
                return new IdentifierFormatRule(identifier, document.Prefix, document.Digits,
                    document.CheckDigit is { } check ? MetadataJson.TryParseName<CheckDigit>(check, out var c) ? c : throw new JsonException($"Unknown checkDigit '{check}'.") : null);
        }
        catch (RuleTextException e)
        {
            throw new JsonException(e.Message, e);
        }
        throw new JsonException("A rule must be one of fixedCombination, inequality, derived or identifier.");
    }

    public override void Write(Utf8JsonWriter writer, TableRule value, JsonSerializerOptions options)
    {
        var document = RuleDocument.Of(value);
        writer.WriteStartObject();
        if (document.FixedCombination is { } members)
        {
            writer.WriteStartArray("fixedCombination");
            foreach (var member in members) writer.WriteStringValue(Readable(member ?? ""));
            writer.WriteEndArray();
        }
        if (document.Inequality is { } inequality) writer.WriteString("inequality", Readable(inequality));
        if (document.Derived is { } derived) writer.WriteString("derived", Readable(derived));
        if (document.Identifier is { } identifier) writer.WriteString("identifier", Readable(identifier));
        if (document.Prefix is { } prefix) writer.WriteString("prefix", Readable(prefix));
        if (document.Digits is { } digits) writer.WriteNumber("digits", digits);
        if (document.CheckDigit is { } check) writer.WriteString("checkDigit", check);
        writer.WriteEndObject();
    }

    // The file is edited by hand: "a > b" stays readable rather than "a \u003E b" (quotes and control characters are still escaped).
    private static JsonEncodedText Readable(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    // Written rules quote every name holding an operator or a space in backticks, so the bare words and quoted names are the columns.
    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var parts = text.Split('`');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1) words.Add(parts[i]);
            else foreach (var word in parts[i].Split([' ', '+', '-', '*', '=', '<', '>'], StringSplitOptions.RemoveEmptyEntries))
                    if (!double.TryParse(word, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _)) words.Add(word);
        }
        return words;
    }
}
