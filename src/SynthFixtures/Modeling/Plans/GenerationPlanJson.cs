using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Metadata;

namespace SynthFixtures.Modeling.Plans;

/// <summary>
/// Reads a <see cref="GenerationPlan"/> from a small JSON file, meant to be written by hand:
/// <code>
/// { "requests": [ { "count": 1000, "where": "fraud = 1", "name": "fraud" }, { "count": 9000 } ] }
/// </code>
/// Comments and trailing commas are allowed; an unknown property, a missing or negative count or an empty list is an
/// error at its line and column.
/// </summary>
public static class GenerationPlanJson
{
    private static readonly MetadataJsonFormat Format = new(
        "generation plan",
        MissingFileHint: "Check the path of the plan file.",
        ObjectExample: "Write an object: { \"requests\": [ { \"count\": 1000, \"where\": \"fraud = 1\" } ] }.",
        CurrentSchemaVersion: 1,
        UpgradeHint: "Upgrade the SynthFixtures package, or write the plan for this version.",
        ShapeHint: "A plan has requests (and optionally schemaVersion: 1); a request has count, and optionally where and name.");

    /// <summary>Reads and checks the plan file at <paramref name="path"/>.</summary>
    /// <exception cref="SynthDataException">The file is missing, is not JSON, or is not a valid plan (with its line and column).</exception>
    public static GenerationPlan Load(string path) => Parse(MetadataJsonReading.ReadFile(path, Format), path);

    /// <summary>Reads and checks plan JSON; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="SynthDataException">The text is not JSON or not a valid plan (with its line and column).</exception>
    public static GenerationPlan Parse(string json, string? sourceName)
    {
        var (utf8, positions) = MetadataJsonReading.Open(json, Format, sourceName);
        var document = MetadataJsonReading.Deserialize(utf8, GenerationPlanReadJson.Default.GenerationPlanDocument, Format, sourceName)!;
        if (document.Requests is not { Count: > 0 } requests)
        {
            var at = positions.FindFirst("$.requests", "$");
            throw new SynthDataException("The generation plan has no requests.", sourceName, at?.Line, at?.Column,
                "List at least one request: \"requests\": [ { \"count\": 1000 } ].");
        }
        var plan = new List<PlanRequest>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var path = $"$.requests[{i}]";
            var request = requests[i] ?? throw Error(positions, sourceName, path, $"Request {i + 1} is null.", "Write an object with a count.");
            if (request.Count is not { } count)
                throw Error(positions, sourceName, path, $"Request {i + 1} has no count.", "Give the rows it contributes: \"count\": 1000.");
            if (count is < 0 or > int.MaxValue)
                throw Error(positions, sourceName, path + ".count",
                    string.Create(CultureInfo.InvariantCulture, $"Request {i + 1} asks for {count} rows."), $"A count is a whole number from 0 to {int.MaxValue:N0}.");
            if (request.Where is { } where && where.Trim().Length == 0)
                throw Error(positions, sourceName, path + ".where", $"Request {i + 1} has an empty where.", "Write a condition, or leave where out.");
            plan.Add(new PlanRequest((int)count) { Where = request.Where?.Trim(), Name = string.IsNullOrWhiteSpace(request.Name) ? null : request.Name.Trim() });
        }
        return new GenerationPlan(plan);
    }

    private static SynthDataException Error(JsonPositions positions, string? source, string path, string message, string hint)
    {
        var at = positions.Find(path);
        return new SynthDataException(message, source, at?.Line, at?.Column, hint);
    }
}

/// <summary>A plan file as written.</summary>
internal sealed record GenerationPlanDocument
{
    public int? SchemaVersion { get; init; }

    public IReadOnlyList<PlanRequestDocument?>? Requests { get; init; }
}

/// <summary>One request as written.</summary>
internal sealed record PlanRequestDocument
{
    public long? Count { get; init; }

    public string? Where { get; init; }

    public string? Name { get; init; }
}

/// <summary>Comments and trailing commas allowed, names matched case-insensitively, an unknown property an error.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(GenerationPlanDocument))]
internal sealed partial class GenerationPlanReadJson : JsonSerializerContext;
