namespace SynthFixtures.Generators.Parsing;

/// <summary>Metadata names of the attributes the parser reads: ours, and the DataAnnotations ones it honours.</summary>
internal static class AttributeNames
{
    public const string Synthesize = "SynthFixtures.SynthesizeAttribute";
    public const string Ignore = "SynthFixtures.SynthIgnoreAttribute";
    public const string Key = "SynthFixtures.SynthKeyAttribute";
    public const string Range = "SynthFixtures.SynthRangeAttribute";
    public const string OneOf = "SynthFixtures.OneOfAttribute";
    public const string Unique = "SynthFixtures.UniqueAttribute";
    public const string GreaterThan = "SynthFixtures.GreaterThanAttribute";
    public const string LessThan = "SynthFixtures.LessThanAttribute";
    public const string Regex = "SynthFixtures.SynthRegexAttribute";
    public const string StringLength = "SynthFixtures.SynthStringLengthAttribute";
    public const string Fake = "SynthFixtures.FakeAttribute";
    public const string Distribution = "SynthFixtures.DistributionAttribute";
    public const string NullRate = "SynthFixtures.NullRateAttribute";
    public const string ForeignKey = "SynthFixtures.SynthForeignKeyAttribute";
    public const string Text = "SynthFixtures.TextAttribute";
    public const string Derived = "SynthFixtures.DerivedAttribute";
    public const string IdentifierFormat = "SynthFixtures.IdentifierFormatAttribute";
    public const string FixedCombination = "SynthFixtures.FixedCombinationAttribute";
    public const string Steps = "SynthFixtures.StepsAttribute";

    private const string Da = "System.ComponentModel.DataAnnotations.";
    public const string DaKey = Da + "KeyAttribute";
    public const string DaRange = Da + "RangeAttribute";
    public const string DaStringLength = Da + "StringLengthAttribute";
    public const string DaMaxLength = Da + "MaxLengthAttribute";
    public const string DaMinLength = Da + "MinLengthAttribute";
    public const string DaLength = Da + "LengthAttribute";
    public const string DaRegularExpression = Da + "RegularExpressionAttribute";
    public const string DaEmailAddress = Da + "EmailAddressAttribute";
    public const string DaPhone = Da + "PhoneAttribute";
    public const string DaUrl = Da + "UrlAttribute";
    public const string DaRequired = Da + "RequiredAttribute";
    public const string DaAllowedValues = Da + "AllowedValuesAttribute";
    /// <summary>EF Core's column mapping, which also binds a property to a column of the model learned from a CSV.</summary>
    public const string DaColumn = Da + "Schema.ColumnAttribute";
}

/// <summary>Patterns for the DataAnnotations format attributes; each value also passes that attribute's own validator.</summary>
internal static class BuiltInPatterns
{
    public const string Email = @"[a-z]{3,10}(\.[a-z]{2,8})?@[a-z]{3,10}\.(com|org|net|io)";
    public const string Phone = @"\+1 \d{3}-\d{3}-\d{4}";
    public const string Url = @"https://[a-z]{3,12}\.(com|org|net)/[a-z]{0,10}";
}
