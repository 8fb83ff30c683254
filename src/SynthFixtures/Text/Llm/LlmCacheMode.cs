namespace SynthFixtures.Text.Llm;

/// <summary>How the replay cache is used.</summary>
public enum LlmCacheMode
{
    /// <summary>Every response comes from a call, and is stored (replacing a cached one).</summary>
    Record,

    /// <summary>A cached response is used; a miss is called and stored.</summary>
    Replay,

    /// <summary>Only cached responses are used; a miss is an error naming the row, column and cache file, never a call.</summary>
    Locked,
}
