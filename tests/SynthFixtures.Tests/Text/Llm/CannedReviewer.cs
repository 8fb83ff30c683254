using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SynthFixtures.Tests.Text.Llm;

/// <summary>
/// The loopback server's stand-in for a real model when the example cache is recorded: a short review whose words
/// follow the prompt's rating and garment, varied by the call's seed. (The committed cache holds these, not a real
/// model's text: CI has no network.)
/// </summary>
internal static partial class CannedReviewer
{
    private static readonly string[] Good = ["I love this {0}.", "This {0} is so flattering.", "Beautiful {0}, the colour is even nicer in person.", "The {0} fits true to size."];
    private static readonly string[] Middle = ["The {0} is nice but runs a little large.", "Decent {0} for the price.", "The {0} looked better online."];
    private static readonly string[] Bad = ["The {0} was see-through and I sent it back.", "Poor quality {0}, it pilled after one wash.", "The {0} runs very small."];
    private static readonly string[] Endings = ["Would buy again.", "Size down if you are between sizes.", "The fabric is soft.", "Not worth the price.", "Great for work."];

    public static string Answer(string prompt, JsonObject body)
    {
        var match = PromptPattern().Match(prompt);
        var rating = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 3;
        var garment = match.Success ? Singular(match.Groups[2].Value) : "item";
        var seed = (long?)body["seed"] ?? 0;
        var openings = rating >= 4 ? Good : rating == 3 ? Middle : Bad;
        var ending = Endings[(int)(seed / 7 % Endings.Length)];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, openings[(int)(seed % openings.Length)], garment) + " " + ending;
    }

    /// <summary>Roughly what a tokenizer counts for the whole request: 4/3 tokens a word of every message.</summary>
    public static int PromptTokens(JsonObject body) =>
        (int)Math.Ceiling(body["messages"]!.AsArray().Sum(m => ((string?)m!["content"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) * 4 / 3.0);

    private static string Singular(string garments) => garments.ToLowerInvariant() switch
    {
        "dresses" => "dress",
        "blouses" => "blouse",
        var other => other.TrimEnd('s'),
    };

    [GeneratedRegex(@"a (\d)-star customer review of a ([^ ]+)")]
    private static partial Regex PromptPattern();
}
