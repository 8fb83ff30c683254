using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Text.Llm;

/// <summary>
/// What the LLM step of one sample did, written beside the sample as <c>&lt;name&gt;.run.json</c> (with the sample, whole or
/// not at all) for the evaluation report: per column and in total the calls, replayed calls, tokens and cost, whether
/// every cell was written, and per row what its cell cost.
/// </summary>
/// <param name="Format">Always <see cref="LlmRunRecordJson.Format"/>.</param>
/// <param name="Model">The model as named in settings.</param>
/// <param name="Seed">The sampling seed the calls' seeds derive from.</param>
/// <param name="Complete">Whether every LLM cell was written (no budget stop, no rejected rows).</param>
/// <param name="StoppedBy">Why the run stopped early (<c>budget</c>), or <c>null</c>.</param>
/// <param name="Budget">The cap, or <c>null</c> for none.</param>
/// <param name="Cache">The replay cache file and its mode, or <c>null</c> without one.</param>
/// <param name="Columns">Per LLM column, in the order they were written.</param>
/// <param name="Total">All columns together.</param>
/// <param name="RowUsage">Per row and column: what its cell cost.</param>
public sealed record LlmRunRecord(string Format, string Model, long Seed, bool Complete, string? StoppedBy, LlmBudget? Budget,
    LlmCacheUse? Cache, IReadOnlyList<LlmColumnOutcome> Columns, LlmTotal Total, IReadOnlyList<LlmRowUsage> RowUsage);

/// <summary>The replay cache a run used.</summary>
/// <param name="Path">The cache file.</param>
/// <param name="Mode">record, replay or locked.</param>
public sealed record LlmCacheUse(string Path, string Mode);

/// <summary>What happened to one LLM column.</summary>
/// <param name="Usage">Cells, calls, tokens and cost (replayed calls count what they cost when recorded).</param>
/// <param name="RequestedRows">Rows of the sample.</param>
/// <param name="RejectedRows">Rows whose every candidate the scorer rejected (left missing).</param>
/// <param name="SkippedRows">Rows left missing because the run stopped (budget) before them.</param>
/// <param name="StoppedAtRow">The first 0-based row not written because of the stop, or <c>null</c>.</param>
/// <param name="Candidates">Responses asked for per row.</param>
/// <param name="SpentInputTokens">Prompt tokens of calls made over the network in this run (what the budget counts).</param>
/// <param name="SpentOutputTokens">Completion tokens of those calls.</param>
public sealed record LlmColumnOutcome(LlmUsage Usage, int RequestedRows, int RejectedRows, int SkippedRows, long? StoppedAtRow,
    int Candidates, long SpentInputTokens, long SpentOutputTokens);

/// <summary>All LLM columns of a run together.</summary>
/// <param name="Rows">Cells written.</param>
/// <param name="Calls">Calls made over the network.</param>
/// <param name="ReplayedCalls">Responses from the cache.</param>
/// <param name="InputTokens">Prompt tokens (including replayed).</param>
/// <param name="OutputTokens">Completion tokens (including replayed).</param>
/// <param name="Cost">Money at the configured prices, or <c>null</c>.</param>
/// <param name="SpentCost">Money of the network calls of this run alone, or <c>null</c>.</param>
/// <param name="Currency">The prices' currency, or <c>null</c>.</param>
public sealed record LlmTotal(int Rows, int Calls, int ReplayedCalls, long InputTokens, long OutputTokens, decimal? Cost, decimal? SpentCost, string? Currency);

/// <summary>What one cell cost.</summary>
/// <param name="Column">The column.</param>
/// <param name="Row">The 0-based sample row.</param>
/// <param name="Calls">Calls made over the network for it.</param>
/// <param name="ReplayedCalls">Responses from the cache.</param>
/// <param name="InputTokens">Prompt tokens over its candidates.</param>
/// <param name="OutputTokens">Completion tokens over its candidates.</param>
/// <param name="Cost">Money at the configured prices, or <c>null</c>.</param>
/// <param name="Kept">Which candidate was kept, or <c>null</c> when none was (rejected or skipped).</param>
public sealed record LlmRowUsage(string Column, long Row, int Calls, int ReplayedCalls, long InputTokens, long OutputTokens, decimal? Cost, int? Kept);

/// <summary>The run record as JSON.</summary>
public static class LlmRunRecordJson
{
    /// <summary>The format line of the record.</summary>
    public const string Format = "synthfixtures-llm-run 1";

    /// <summary>Where the record of a sample written to <paramref name="samplePath"/> goes: <c>s.csv</c> → <c>s.run.json</c>.</summary>
    public static string DefaultPathFor(string samplePath) =>
        Path.Combine(Path.GetDirectoryName(samplePath) ?? "", Path.GetFileNameWithoutExtension(samplePath) + ".run.json");

    /// <summary>The record as indented JSON with <c>'\n'</c> line ends.</summary>
    public static string Write(LlmRunRecord record) => JsonSerializer.Serialize(record, LlmRunJsonContext.Default.LlmRunRecord) + "\n";

    /// <summary>Reads a record written by <see cref="Write"/>.</summary>
    /// <exception cref="SynthDataException">The file is missing, unreadable or not a run record.</exception>
    public static LlmRunRecord Read(string path)
    {
        var bytes = InputFiles.ReadAllBytes(path, "LLM run record");
        try
        {
            var record = JsonSerializer.Deserialize(bytes, LlmRunJsonContext.Default.LlmRunRecord) ?? throw new JsonException("The file holds null.");
            return record.Format == Format ? record : throw new JsonException($"Its format is '{record.Format}', not '{Format}'.");
        }
        catch (JsonException e)
        {
            throw new SynthDataException($"This is not an LLM run record: {e.Message}", path, (int?)e.LineNumber + 1,
                hint: "Give the .run.json file written beside a sample whose text an LLM wrote.");
        }
    }
}

/// <summary>camelCase, indented, strict on reading.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(LlmRunRecord))]
internal sealed partial class LlmRunJsonContext : JsonSerializerContext;
