using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthFixtures.Metadata;

/// <summary>
/// Writes and reads an enum as its camelCase member name (<c>dateTime</c>, <c>leakyRelu</c>), never as a number. A
/// generic converter with a parameterless constructor, so source-generated contexts can name it in
/// <see cref="JsonSourceGenerationOptionsAttribute.Converters"/> (the non-generic factory needs reflection).
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
