namespace SynthFixtures.Text.Llm;

/// <summary>
/// One stored response. <see cref="Key"/> is what is looked up; the rest of the fields besides the response and its
/// usage are there so a person reading a diff of the cache sees what changed.
/// </summary>
/// <param name="Key">The SHA-256 (hex) of the call: model, messages, parameters, seed, candidate index.</param>
/// <param name="Model">The model as named in settings.</param>
/// <param name="Column">The column the response was for.</param>
/// <param name="Row">The sample row it was for.</param>
/// <param name="Candidate">Which of the row's candidates.</param>
/// <param name="Prompt">The rendered user prompt.</param>
/// <param name="Text">The response text.</param>
/// <param name="InputTokens">Prompt tokens the call cost.</param>
/// <param name="OutputTokens">Completion tokens the call cost.</param>
public sealed record LlmCacheEntry(string Key, string Model, string Column, long Row, int Candidate, string Prompt, string Text,
    long InputTokens, long OutputTokens);

/// <summary>The cache file: a format line and the entries sorted by key.</summary>
/// <param name="Format">Always <see cref="LlmReplayCache.Format"/>.</param>
/// <param name="Entries">The stored responses, sorted by key.</param>
public sealed record LlmCacheFile(string Format, IReadOnlyList<LlmCacheEntry> Entries);
