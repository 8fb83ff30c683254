using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Text.Llm;

/// <summary>
/// The LLM settings of a sample as a JSON file: the model, how calls are made, capped and
/// priced, and one entry per column. Each setting is defined once here; the command line's single-column options fill
/// the same record. Paths inside are relative to the file.
/// </summary>
public sealed record LlmConfigFile
{
    /// <summary>The model, <c>provider:model-id</c> (e.g. <c>openai:gpt-4o-mini</c>).</summary>
    public string? Model { get; init; }

    /// <summary>The service's base address; <c>null</c>: the provider's (environment variable or default).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The model's price per million tokens; <c>null</c>: costs are not computed.</summary>
    public LlmPrice? Price { get; init; }

    /// <summary>The cap on network spend; <c>null</c>: none.</summary>
    public LlmBudget? Budget { get; init; }

    /// <summary>Calls in flight at once.</summary>
    public int? Concurrency { get; init; }

    /// <summary>Rows per batch (the budget is checked between batches).</summary>
    public int? BatchRows { get; init; }

    /// <summary>Attempts per call for transient errors.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Seconds one call may take.</summary>
    public double? CallTimeoutSeconds { get; init; }

    /// <summary>The columns the LLM writes.</summary>
    public IReadOnlyList<LlmConfigColumn> Columns { get; init; } = [];

    /// <summary>Reads a config file.</summary>
    /// <exception cref="SynthDataException">The file is missing, unreadable or not such a config (unknown keys are refused, with their line).</exception>
    public static LlmConfigFile Read(string path)
    {
        var bytes = InputFiles.ReadAllBytes(path, "LLM config");
        try
        {
            return JsonSerializer.Deserialize(bytes, LlmConfigJsonContext.Default.LlmConfigFile) ?? throw new JsonException("The file holds null.");
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"This is not an LLM config: {e.Message}", path, (int?)e.LineNumber + 1,
                hint: "See docs/text-columns.md, 'LLM-written columns', for its keys.");
        }
    }
}

/// <summary>One LLM column in a config file.</summary>
public sealed record LlmConfigColumn
{
    /// <summary>The column the LLM writes.</summary>
    public string? Column { get; init; }

    /// <summary>The prompt template naming the row's other cells, e.g. <c>Write a {Rating}-star review of a {Class Name}.</c></summary>
    public string? Prompt { get; init; }

    /// <summary>The system prompt.</summary>
    public string? System { get; init; }

    /// <summary>Sampling temperature (0–2).</summary>
    public float? Temperature { get; init; }

    /// <summary>Most tokens per response.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Responses per row, of which the best is kept.</summary>
    public int? Candidates { get; init; }

    /// <summary>Synthetic example texts (written by hand).</summary>
    public IReadOnlyList<string>? Examples { get; init; }

    /// <summary>A text file of synthetic example texts, one per line.</summary>
    public string? ExamplesFile { get; init; }

    /// <summary>Rows of the sample itself to show as examples (its own text for the column, before the LLM rewrites it).</summary>
    public int? ExamplesFromSample { get; init; }

    /// <summary>A CSV of real rows to take examples from; refused unless <see cref="SendRealRowsToLlm"/>.</summary>
    public string? RealExamplesCsv { get; init; }

    /// <summary>How many real rows to take (seeded choice); default 3.</summary>
    public int? RealExamples { get; init; }

    /// <summary>Allows real rows to be sent to the LLM service as examples: they leave the machine.</summary>
    public bool? SendRealRowsToLlm { get; init; }

    /// <summary>Files no candidate may overlap: a CSV (its column of the same name) or a text file (one text per line).</summary>
    public IReadOnlyList<string>? Decontaminate { get; init; }

    /// <summary>Words per decontamination n-gram (default 8).</summary>
    public int? DecontaminationNgram { get; init; }

    /// <summary>The largest fraction of a candidate's n-grams that may occur in those files (default 0.1).</summary>
    public double? MaxSharedNgramFraction { get; init; }
}

/// <summary>camelCase, comments and trailing commas allowed, unknown keys refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(LlmConfigFile))]
internal sealed partial class LlmConfigJsonContext : JsonSerializerContext;
