using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SynthFixtures.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable (tracked in AnalyzerReleases.*.md); each message says what to
/// do, and each help link is built from the id so the docs page can be found without a table.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "SynthFixtures";
    private const string HelpLinkBase = "https://synthfixtures.dev/diagnostics/";

    public static readonly DiagnosticDescriptor TypeNotPartial = Error("SF0001", "Synthesized type must be partial",
        "Type '{0}' has [Synthesize] but is not partial; add the 'partial' modifier to '{0}' and every type containing it");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error("SF0002", "Unsupported property type",
        "Property '{0}' has type '{1}', which SynthFixtures cannot generate; use a number, bool, string, enum, date/time, Guid, a nullable of those or a [Synthesize] type, or mark it [SynthIgnore]");

    public static readonly DiagnosticDescriptor InvalidRange = Error("SF0003", "Invalid range",
        "Range on '{0}' is invalid: {1}");

    public static readonly DiagnosticDescriptor InvalidOrderingTarget = Error("SF0004", "Invalid ordering constraint",
        "{0} on '{1}' names '{2}', which {3}");

    public static readonly DiagnosticDescriptor OrderingCycle = Error("SF0005", "Ordering constraints form a cycle",
        "GreaterThan/LessThan constraints on '{0}' form a cycle ({1}); remove one of them");

    public static readonly DiagnosticDescriptor OneOfValueNotConvertible = Error("SF0006", "OneOf value does not fit the property",
        "OneOf on '{0}': {1}");

    public static readonly DiagnosticDescriptor InvalidPattern = Error("SF0007", "Pattern cannot be generated",
        "Pattern '{0}' on '{1}' cannot be generated: {2}; use literals, classes, groups, '|' and quantifiers only");

    public static readonly DiagnosticDescriptor UnknownFakePath = Error("SF0008", "Unknown Fake path",
        "Fake path '{0}' on '{1}' {2}; use 'Dataset.Method' naming a Bogus dataset method with no required arguments that returns '{3}', e.g. \"Name.FullName\"");

    public static readonly DiagnosticDescriptor ConflictingAttributes = Error("SF0009", "Conflicting attributes",
        "Property '{0}' has {1} and {2}, which conflict; keep one");

    public static readonly DiagnosticDescriptor InvalidForeignKey = Error("SF0010", "Invalid foreign key",
        "ForeignKey on '{0}' points at '{1}', which {2}");

    public static readonly DiagnosticDescriptor UnsatisfiableOrdering = Error("SF0011", "Ordering constraints leave no values",
        "After GreaterThan/LessThan constraints, '{0}' has no values left in its range ({1}); widen the ranges");

    public static readonly DiagnosticDescriptor GenericType = Error("SF0012", "Generic types cannot be synthesized",
        "Type '{0}' has type parameters; put [Synthesize] on a non-generic type");

    public static readonly DiagnosticDescriptor InvalidSetting = Error("SF0013", "Invalid attribute setting",
        "{0} on '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor NoConstructor = Error("SF0014", "No usable constructor",
        "Type '{0}' needs an accessible parameterless constructor so its properties can be set; add one or make the record's parameters properties with init accessors");

    /// <summary>All descriptors, by id.</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        TypeNotPartial, UnsupportedPropertyType, InvalidRange, InvalidOrderingTarget, OrderingCycle, OneOfValueNotConvertible,
        InvalidPattern, UnknownFakePath, ConflictingAttributes, InvalidForeignKey, UnsatisfiableOrdering, GenericType,
        InvalidSetting, NoConstructor,
    }.ToDictionary(d => d.Id);

    /// <summary>The docs page for a diagnostic id.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id.ToLowerInvariant();

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
