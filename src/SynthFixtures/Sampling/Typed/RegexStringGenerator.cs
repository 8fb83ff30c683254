using System.Text;
using SynthFixtures.Randomness;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// Generates strings that fully match a regular expression (the subset described on <see cref="SynthRegexAttribute"/>).
/// Generated synthesizers keep one per pattern in a static field; it is immutable and thread-safe.
/// </summary>
public sealed class RegexStringGenerator
{
    private readonly RegexNode _root;

    private RegexStringGenerator(string pattern, RegexNode root)
    {
        Pattern = pattern;
        _root = root;
    }

    /// <summary>The pattern.</summary>
    public string Pattern { get; }

    /// <summary>Parses <paramref name="pattern"/>.</summary>
    /// <exception cref="SynthDataException">The pattern uses a construct that cannot be generated.</exception>
    public static RegexStringGenerator Create(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var root = RegexPattern.TryParse(pattern, out var error)
                   ?? throw new SynthDataException($"Cannot generate strings for the pattern '{pattern}': {error}.",
                       hint: "Use literals, classes, groups, '|' and quantifiers only.");
        return new RegexStringGenerator(pattern, root);
    }

    /// <summary>A string matching the pattern, drawn from <paramref name="random"/>.</summary>
    public string Generate(SynthRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var text = new StringBuilder();
        Append(_root, text, random);
        return text.ToString();
    }

    /// <summary>Redraws allowed for one length-limited string before giving up.</summary>
    public const int MaxLengthAttempts = 1_000;

    /// <summary>
    /// A string matching the pattern with between <paramref name="minLength"/> and <paramref name="maxLength"/>
    /// characters (redrawn until it fits), for a pattern that also carries a length attribute.
    /// </summary>
    /// <exception cref="SynthDataException">No fitting string after <see cref="MaxLengthAttempts"/> draws.</exception>
    public string Generate(SynthRandom random, int minLength, int maxLength)
    {
        for (var attempt = 0; attempt < MaxLengthAttempts; attempt++)
        {
            var text = Generate(random);
            if (text.Length >= minLength && text.Length <= maxLength) return text;
        }
        throw new SynthDataException(
            $"The pattern '{Pattern}' rarely yields strings of {minLength} to {maxLength} characters ({MaxLengthAttempts} draws failed).",
            hint: "Make the pattern's quantifiers agree with the length attribute.");
    }

    private static void Append(RegexNode node, StringBuilder text, SynthRandom random)
    {
        switch (node)
        {
            case RegexCharSet set:
                text.Append(set.At(random.NextInt(set.Size)));
                break;
            case RegexSequence sequence:
                foreach (var item in sequence.Items) Append(item, text, random);
                break;
            case RegexAlternation alternation:
                Append(alternation.Options[random.NextInt(alternation.Options.Length)], text, random);
                break;
            case RegexRepeat repeat:
                var times = repeat.Min + random.NextInt(repeat.Max - repeat.Min + 1);
                for (var i = 0; i < times; i++) Append(repeat.Item, text, random);
                break;
        }
    }
}
