namespace SynthFixtures.Generators.Model;

/// <summary>Everything the emitter needs for one [Synthesize] type: strings and numbers only, never a symbol.</summary>
internal sealed record TypeSpec(
    string? Namespace,
    string Name,
    string FullyQualifiedName,
    string Keyword,
    EquatableArray<ContainerSpec> Containers,
    EquatableArray<PropertySpec> Properties,
    string? From,
    string? Table = null,
    EquatableArray<RuleAttributeSpec> RuleAttributes = default, StepsSpec? Steps = null)
{
    /// <summary>Stable hint name: the metadata name with nesting and generics flattened.</summary>
    public string HintName => (Namespace is null ? "" : Namespace + ".") +
                              string.Concat(System.Linq.Enumerable.Select(Containers, c => c.Name + ".")) + Name + ".g.cs";
}

/// <summary>
/// The [Steps] property of a type bound to a sequence model: the collection it is (<see cref="IsArray"/>: <c>T[]</c>,
/// otherwise a <c>List&lt;T&gt;</c> assigned to whichever list interface the property declares) and its step type,
/// made through its constructor (<see cref="Positional"/>: the parameters, in <see cref="Properties"/>' order) or a
/// parameterless constructor and an object initializer.
/// </summary>
internal sealed record StepsSpec(string Property, string StepType, string StepTypeName, bool IsArray, bool Positional, EquatableArray<PropertySpec> Properties);

/// <summary>A type the [Synthesize] type is nested in.</summary>
internal sealed record ContainerSpec(string Keyword, string Name);

/// <summary>Where a property's values come from; exactly one applies.</summary>
internal enum ValueSource
{
    /// <summary>The kind's own draw (range, distribution, letters, coin, enum member, GUID).</summary>
    Default,
    Key,
    OneOf,
    Fake,
    Pattern,
    Nested,
    ForeignKey,
    /// <summary>[Text(Prompt = …)]: written by the query's text writer from the object's other values.</summary>
    Prompt,
}

/// <summary>One generated property, in generation order (ordering dependencies first).</summary>
internal sealed record PropertySpec(
    string Name,
    string TypeName,
    ValueKind Kind,
    bool IsNullable,
    double NullRate,
    ValueSource Source,
    DomainBounds Bounds,
    DistributionSpec? Distribution,
    OrderingSpec? Ordering,
    bool Unique,
    KeySpec? Key,
    EquatableArray<string> Values,
    EquatableArray<double> CumulativeWeights,
    string? Pattern,
    string? FakeCall,
    int MinLength,
    int MaxLength,
    string? PrincipalType,
    string? PrincipalKey,
    string? ColumnName,
    bool RangeDeclared,
    EquatableArray<string> EnumMembers,
    PromptSpec? Prompt = null,
    bool LearnedText = false,
    string? PrincipalFrom = null,
    string? PrincipalTable = null);

/// <summary>
/// An LLM-written property's prompt: its parts in order (literal text, or a property whose value is rendered there)
/// and the settings handed to the text writer; a null setting is the writer's default.
/// </summary>
internal sealed record PromptSpec(EquatableArray<PromptPart> Parts, double? Temperature, int? MaxTokens, int Candidates)
{
    /// <summary>The properties the prompt renders, each once, in order of first use.</summary>
    public EquatableArray<string> References =>
        System.Linq.Enumerable.Distinct(System.Linq.Enumerable.Select(System.Linq.Enumerable.Where(Parts, p => p.Property is not null), p => p.Property!)).ToEquatableArray();
}

/// <summary>One part of a prompt: <see cref="Literal"/> text, or <see cref="Property"/>'s value in an optional <see cref="Format"/>.</summary>
internal sealed record PromptPart(string? Literal, string? Property, string? Format);

/// <summary>Inclusive bounds in the kind's drawing unit (integers, or doubles for floating kinds).</summary>
internal sealed record DomainBounds(long LongMin, long LongMax, double DoubleMin, double DoubleMax);

/// <summary>A non-uniform shape: kind 1 = Normal, 2 = LogNormal, 3 = Exponential (the runtime enum's values).</summary>
internal sealed record DistributionSpec(int Kind, double Parameter1, double Parameter2);

/// <summary>This property is greater (or less) than <see cref="Other"/>, which is drawn first.</summary>
internal sealed record OrderingSpec(bool Greater, string Other, bool OtherIsNullable);

/// <summary>How a key is made: sequential from <see cref="Start"/>, or a random GUID.</summary>
internal sealed record KeySpec(bool Guid, long Start);

/// <summary>
/// A rule attribute only a learned model keeps: <c>[Derived]</c> or <c>[IdentifierFormat]</c> on <see cref="Property"/>,
/// <c>[FixedCombination]</c> on the type (<see cref="Property"/> null). <see cref="Properties"/> are the other
/// properties it names (a derived expression's operands, the combined properties); <see cref="Display"/> is the
/// attribute as written, for messages.
/// </summary>
internal sealed record RuleAttributeSpec(RuleAttributeKind Kind, string? Property, EquatableArray<string> Properties, string Display);

/// <summary>The rule attributes only a learned model keeps.</summary>
internal enum RuleAttributeKind
{
    Derived,
    IdentifierFormat,
    FixedCombination,
}
