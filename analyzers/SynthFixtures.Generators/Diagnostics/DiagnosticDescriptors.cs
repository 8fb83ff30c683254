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

    public static readonly DiagnosticDescriptor ModelNotDeclared = Error("SF0015", "No model for the type's CSV",
        "[Synthesize(From = \"{0}\")] on '{1}' has no trained model; add <SynthModel Include=\"{0}\" /> to an ItemGroup of the project file (with the SynthFixtures package or build/SynthFixtures.targets imported) and build");

    public static readonly DiagnosticDescriptor UnboundProperty = Warning("SF0016", "Property matches no column",
        "Property '{0}' matches no column of {1} and is generated from its type alone; bind it with [Column(\"name\")] (columns: {2}), describe it with an attribute ([Fake], [SynthRange], [OneOf], …), or mark it [SynthIgnore]");

    public static readonly DiagnosticDescriptor ColumnNotFound = Error("SF0017", "Column not found",
        "[Column(\"{0}\")] on '{1}' names no column of {2}; the columns are: {3}");

    public static readonly DiagnosticDescriptor ColumnTypeMismatch = Error("SF0018", "Column does not fit the property type",
        "Property '{0}' of type '{1}' cannot hold column '{2}' of {3}, which is {4}; change the property's type or bind it to another column");

    public static readonly DiagnosticDescriptor MissingValuesNotNullable = Error("SF0019", "Column has missing values",
        "Column '{1}' of {2} has missing values ({3} of rows) but property '{0}' cannot be null; make it '{4}'");

    public static readonly DiagnosticDescriptor DataContradictsConstraint = Error("SF0020", "The data contradicts a constraint",
        "{0} on '{1}' contradicts {2}: column '{3}' holds {4}; widen the constraint or fix the data");

    public static readonly DiagnosticDescriptor LabelWithoutMember = Error("SF0021", "Label has no enum member",
        "Column '{0}' of {1} holds the label '{2}', which matches no member of '{3}' (bound to '{4}'); add a member named like it (case and separators are ignored, a unique prefix also matches)");

    public static readonly DiagnosticDescriptor OrderingAcrossBinding = Error("SF0022", "Ordering between a bound and a generated property",
        "'{0}' is bound to a column of {2} but its GreaterThan/LessThan names '{1}', which is generated; bind '{1}' to a column too, or put the constraint on '{1}'");

    public static readonly DiagnosticDescriptor AbovePrivacyCap = Error("SF0023", "Model exceeds the project's privacy cap",
        "'{0}' is bound to the model learned from {1}, which {2}, but the project caps ε at {3} (SynthFixturesMaxEpsilon); train it with a differentially private model within the cap, e.g. <SynthModel Include=\"{1}\" Model=\"dp-marginals\" Epsilon=\"{3}\" />, or raise the cap");

    public static readonly DiagnosticDescriptor PromptNamesUnknownProperty = Error("SF0024", "Prompt names no property",
        "The prompt of [Text] on '{0}' names '{1}', which is not a generated property of '{2}'; the names it can use are: {3}");

    public static readonly DiagnosticDescriptor PromptDependsOnItself = Error("SF0025", "Prompt depends on its own text",
        "The prompt of [Text] on '{0}' depends on its own text ({1}); a text is written from the object's other values, so name other properties");

    public static readonly DiagnosticDescriptor PromptPositionMismatch = Error("SF0026", "Prompt placeholders and Uses do not match",
        "[Text] on '{0}': {1}; placeholder {{i}} stands for Uses[i], so give one name per index and use every name");

    public static readonly DiagnosticDescriptor MalformedPrompt = Error("SF0027", "Malformed prompt",
        "The prompt of [Text] on '{0}' is malformed: {1}; write {{Name}} or {{0}} for a value, {{Name:format}} to format it, and {{{{ or }}}} for a literal brace");

    public static readonly DiagnosticDescriptor TextOnNonString = Error("SF0028", "[Text] on a property that is not a string",
        "[Text] on '{0}' needs a string property, but '{0}' is '{1}'; make it 'string' (or 'string?'), or remove [Text]");

    public static readonly DiagnosticDescriptor LearnedTextWithoutModel = Error("SF0029", "Learned text without a model",
        "[Text] without a Prompt on '{0}' reads a learned text column, but '{1}' is made from attributes alone and has no model to learn text from; bind the type to the model of a CSV whose text column it learned ([Synthesize(From = \"reviews.csv\")]), give [Text] a Prompt to have a language model write it, or use [Fake(\"Lorem.Sentence\")] for placeholder text");

    public static readonly DiagnosticDescriptor NotLearnedTextColumn = Error("SF0030", "No free-text column for [Text]",
        "[Text] on '{0}' reads a free-text column of {1}, but {2}");

    public static readonly DiagnosticDescriptor PlaceholderTextColumn = Warning("SF0031", "[Text] column holds placeholder text",
        "[Text] on '{0}' reads column '{1}' of {2}, which the model writes as placeholder prose, not learned text; learn it with TextModel=\"learned\" TextColumns=\"{1}\" on the <SynthModel Include=\"{2}\" /> item, or remove [Text] to accept placeholder text");

    public static readonly DiagnosticDescriptor DatabaseNotDeclared = Error("SF0040", "No learned database for the type's table",
        "[Synthesize(From = \"{0}\", Table = \"{2}\")] on '{1}' names a database the project does not learn; add <SynthDatabase Include=\"{0}\" /> (a folder of CSVs or a SQLite file) to an ItemGroup of the project file (with the SynthFixtures package or build/SynthFixtures.targets imported) and build");

    public static readonly DiagnosticDescriptor UnknownTable = Error("SF0041", "Unknown table",
        "'{0}' is bound to table '{1}', which the database learned from {2} does not have; its tables are: {3}");

    public static readonly DiagnosticDescriptor ForeignKeyWithoutProperty = Warning("SF0042", "Foreign key without a property",
        "Table '{0}' has the foreign key {1}, which no property of '{2}' holds, so its objects do not reference their parents; add a property for column '{3}' marked [SynthForeignKey(typeof(X))] with the type bound to table '{4}'");

    public static readonly DiagnosticDescriptor ForeignKeyMismatch = Error("SF0043", "Foreign-key property does not match the table's key",
        "'{0}' holds column '{1}' of {2}, but {3}");

    public static readonly DiagnosticDescriptor InvalidTableBinding = Error("SF0044", "Invalid table binding",
        "[Synthesize] on '{0}' cannot bind to a table: {1}");

    public static readonly DiagnosticDescriptor UnknownStepColumn = Error("SF0045", "Step property matches no step column",
        "'{0}' is a property of the steps of '{1}', but {2} has no per-step column named like it; {3}");

    public static readonly DiagnosticDescriptor StepColumnTypeMismatch = Error("SF0046", "Step property type does not fit its column",
        "Step property '{0}' has type '{1}', but column '{2}' of {3} is {4}; change the property's type (or read it as a string)");

    public static readonly DiagnosticDescriptor EntityPropertyOnStepColumn = Error("SF0047", "Entity property bound to a per-step column",
        "'{0}' matches column '{1}' of {2}, which changes from step to step; an entity holds only its entity and context columns ({3}); move '{0}' to the step type{4}, or mark it [SynthIgnore]");

    public static readonly DiagnosticDescriptor StepsPropertyMissing = Error("SF0048", "No [Steps] property on a sequence-bound type",
        "'{0}' is bound to the sequence model learned from {1}, but has no [Steps] property for its steps; add one, e.g. [Steps] public List<Step> Steps {{ get; set; }} = new(); with a step type whose properties are the step columns ({2})");

    public static readonly DiagnosticDescriptor NotASequenceModel = Error("SF0049", "[Steps] without a sequence model",
        "[Steps] on '{0}' needs a sequence model, but {1}; learn the CSV as sequences with Entity=\"…\" (and SequenceIndex=\"…\") on its <SynthModel> item, or remove [Steps]");

    public static readonly DiagnosticDescriptor InvalidStepsProperty = Error("SF0050", "Invalid [Steps] property",
        "[Steps] on '{0}' is invalid: {1}");

    public static readonly DiagnosticDescriptor OrderingNotKept = Warning("SF0051", "GreaterThan/LessThan not kept by the model",
        "'{0}' declares {1}, which the model learned from {2} does not keep, so sampled rows breaking it are skipped; to have the model keep it by construction, let this project train it (<SynthModel Include=\"{2}\" />, which reads the attribute; a differentially private model also needs Metadata=\"…\") or declare {3} in the rules of its metadata");

    public static readonly DiagnosticDescriptor RuleNotKept = Error("SF0052", "Rule attribute not kept by the model",
        "'{0}' declares {1}, which the model learned from {2} does not keep, and nothing else makes it hold; let this project train the model (<SynthModel Include=\"{2}\" />, which reads the attribute; a differentially private model also needs Metadata=\"…\"), or declare the rule in the rules of its metadata");

    public static readonly DiagnosticDescriptor RuleWithoutModel = Error("SF0053", "Rule attribute on a type without a learned model",
        "{1} on '{0}' is a rule a learned model keeps, but '{2}' is made from attributes alone; bind it to a model with [Synthesize(From = \"….csv\")], or remove the attribute");

    /// <summary>All descriptors, by id.</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        TypeNotPartial, UnsupportedPropertyType, InvalidRange, InvalidOrderingTarget, OrderingCycle, OneOfValueNotConvertible,
        InvalidPattern, UnknownFakePath, ConflictingAttributes, InvalidForeignKey, UnsatisfiableOrdering, GenericType,
        InvalidSetting, NoConstructor, ModelNotDeclared, UnboundProperty, ColumnNotFound, ColumnTypeMismatch, MissingValuesNotNullable,
        DataContradictsConstraint, LabelWithoutMember, OrderingAcrossBinding, AbovePrivacyCap,
        PromptNamesUnknownProperty, PromptDependsOnItself, PromptPositionMismatch, MalformedPrompt, TextOnNonString, LearnedTextWithoutModel,
        NotLearnedTextColumn, PlaceholderTextColumn,
        DatabaseNotDeclared, UnknownTable, ForeignKeyWithoutProperty, ForeignKeyMismatch, InvalidTableBinding,
        UnknownStepColumn, StepColumnTypeMismatch, EntityPropertyOnStepColumn, StepsPropertyMissing, NotASequenceModel, InvalidStepsProperty,
        OrderingNotKept, RuleNotKept, RuleWithoutModel,
    }.ToDictionary(d => d.Id);

    /// <summary>The docs page for a diagnostic id.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id.ToLowerInvariant();

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
