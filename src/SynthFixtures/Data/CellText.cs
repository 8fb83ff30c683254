namespace SynthFixtures.Data;

/// <summary>How cell text is compared when padding must not matter (adult writes <c>" State-gov"</c>).</summary>
public static class CellText
{
    /// <summary>The cell as compared: surrounding whitespace removed. Output keeps the raw text.</summary>
    public static string Normalize(string cell) => cell.Trim();
}
