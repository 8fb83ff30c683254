using System.Text.RegularExpressions;
using CsCheck;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling.Typed;

namespace SynthFixtures.Generators.Tests.Runtime;

/// <summary>The runtime half of [SynthRegex]: generated strings fully match their pattern.</summary>
public sealed class RegexStringGeneratorTests
{
    [Theory]
    [InlineData(@"MRN-\d{6}")]
    [InlineData(@"^[A-Z][a-z]{2,5}( [A-Z][a-z]+)?$")]
    [InlineData(@"(cat|dog|bird)s?")]
    [InlineData(@"[^a-z]{3}\.\w+")]
    [InlineData(@"\+1 \d{3}-\d{3}-\d{4}")]
    [InlineData(@"[a-z]{3,10}(\.[a-z]{2,8})?@[a-z]{3,10}\.(com|org|net|io)")]
    [InlineData(@"x*y+z?(?:ab){2,}")]
    [InlineData(@"[\d\-_]{1,4}\S\D\W")]
    public void Generated_strings_match_the_pattern(string pattern)
    {
        var generator = RegexStringGenerator.Create(pattern);
        var regex = new Regex("^(?:" + pattern.TrimStart('^').TrimEnd('$') + ")$");

        Gen.Long.Sample(seed =>
        {
            var random = new SynthRandom(seed);
            for (var i = 0; i < 20; i++)
            {
                var text = generator.Generate(random);
                Assert.Matches(regex, text);
            }
        }, iter: 50);
    }

    [Theory]
    [InlineData(@"(a)\1", "back-references")]
    [InlineData(@"(?<=a)b", "look-around")]
    [InlineData(@"a\bc", "boundaries")]
    [InlineData(@"[z-a]", "reversed")]
    public void Patterns_that_cannot_be_generated_are_rejected_with_the_reason(string pattern, string reason)
    {
        var ex = Assert.Throws<SynthDataException>(() => RegexStringGenerator.Create(pattern));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
