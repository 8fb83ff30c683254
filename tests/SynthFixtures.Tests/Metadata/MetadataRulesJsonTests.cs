using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;
using SynthFixtures.Tests.Models.Rules;

namespace SynthFixtures.Tests.Metadata;

/// <summary>The metadata JSON's <c>"rules"</c>: read and written back unchanged, every bad declaration an error at its line and column.</summary>
public class MetadataRulesJsonTests
{
    [Fact]
    public void Rules_are_read_and_written_back_unchanged()
    {
        var metadata = RuleTable.Metadata;
        Assert.Equal(
            [
                new FixedCombinationRule(["city", "state"]), new InequalityRule("discharged", "admitted", true), new InequalityRule("high", "low", false),
                new DerivedColumnRule("total", [new DerivedTerm(1, ["price", "quantity"]), new DerivedTerm(1, ["fee"])]),
                new IdentifierFormatRule("account", "AC-"),
            ],
            metadata.Rules!);
        Assert.Equal(metadata, MetadataJson.Parse(MetadataJson.Serialize(metadata), "again.json"));
        Assert.Contains("\"derived\": \"total = price * quantity + fee\"", MetadataJson.Serialize(metadata));
    }

    [Fact]
    public void Metadata_without_rules_is_written_as_before()
    {
        var metadata = RuleTable.Metadata with { Rules = null };
        Assert.DoesNotContain("rules", MetadataJson.Serialize(metadata));
    }

    [Theory]
    // The character column points at the problem inside the rule's text.
    [InlineData("{ \"inequality\": \"discharged > admited\" }", "'admited' is not a column.", 35)]
    [InlineData("{ \"derived\": \"total = price * \" }", "Expected a column or a number here.", 35)]
    [InlineData("{ \"inequality\": \"city > state\" }", "compares 'city', a categorical column", 0)]
    [InlineData("{ \"fixedCombination\": [\"city\"] }", "two or more different columns", 0)]
    [InlineData("{ \"identifier\": \"account\", \"checkDigit\": \"verhoeff\" }", "unknown checkDigit 'verhoeff'", 0)]
    [InlineData("{ \"inequality\": \"high > low\", \"derived\": \"total = fee\" }", "more than one rule", 0)]
    [InlineData("{ \"derived\": \"fee = city + price\" }", "uses 'city', a categorical column", 0)]
    [InlineData("{ \"inequality\": \"quantity > total\" }", "reads 'total', which the rule 'total = price * quantity + fee' sets", 0)]
    public void A_bad_rule_is_an_error_at_its_line_and_column(string rule, string message, int column)
    {
        var json = RuleTable.MetadataJson.Replace("{ \"identifier\": \"account\", \"prefix\": \"AC-\" }", rule, StringComparison.Ordinal);
        var error = Assert.Throws<SynthDataException>(() => MetadataJson.Parse(json, "rules.json"));
        Assert.Contains(message, error.Message);
        Assert.Equal("rules.json", error.FilePath);
        Assert.Equal(json.Split('\n').ToList().FindIndex(l => l.Contains(rule, StringComparison.Ordinal)) + 1, error.Line);
        if (column > 0) Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Two_rules_setting_one_column_are_refused()
    {
        var json = RuleTable.MetadataJson.Replace("{ \"identifier\": \"account\", \"prefix\": \"AC-\" }", "{ \"inequality\": \"discharged >= admitted\" }", StringComparison.Ordinal);
        var error = Assert.Throws<SynthDataException>(() => MetadataJson.Parse(json, "rules.json"));
        Assert.Contains("both set 'discharged'", error.Message);
    }

    [Theory]
    [InlineData(CheckDigit.Luhn, "79927398713", true)]
    [InlineData(CheckDigit.Luhn, "79927398710", false)]
    [InlineData(CheckDigit.Mod11, "0306406152", true)]
    [InlineData(CheckDigit.Mod11, "080442957X", true)]
    [InlineData(CheckDigit.Mod11, "0306406153", false)]
    public void Check_digits_follow_their_standard(CheckDigit kind, string number, bool valid) =>
        Assert.Equal(valid, CheckDigits.IsValid(kind, number));
}
