namespace SynthFixtures;

/// <summary>
/// Strings generated to match a regular expression (a full match). Supported: literals and escapes, <c>.</c>,
/// character classes (<c>[a-z0-9_]</c>, <c>[^…]</c>, <c>\d \w \s</c>), groups with <c>|</c>, and the quantifiers
/// <c>? * + {n} {n,} {n,m}</c>; anchors are accepted and ignored. Unbounded repeats stop at 8 extra repetitions.
/// Checked at compile time. <c>System.ComponentModel.DataAnnotations.RegularExpressionAttribute</c> is honoured the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SynthRegexAttribute : Attribute
{
    /// <summary>The pattern every value matches.</summary>
    public SynthRegexAttribute(string pattern) => Pattern = pattern;

    /// <summary>The pattern every value matches.</summary>
    public string Pattern { get; }
}
