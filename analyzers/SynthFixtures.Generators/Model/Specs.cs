namespace SynthFixtures.Generators.Model;

/// <summary>Everything the emitter needs for one [Synthesize] type: strings and numbers only, never a symbol.</summary>
internal sealed record TypeSpec(
    string? Namespace,
    string Name,
    string FullyQualifiedName,
    string Keyword,
    EquatableArray<ContainerSpec> Containers,
    EquatableArray<PropertySpec> Properties,
    string? From)
{
    /// <summary>Stable hint name: the metadata name with nesting and generics flattened.</summary>
    public string HintName => (Namespace is null ? "" : Namespace + ".") +
                              string.Concat(System.Linq.Enumerable.Select(Containers, c => c.Name + ".")) + Name + ".g.cs";
}

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
    EquatableArray<string> EnumMembers);

/// <summary>Inclusive bounds in the kind's drawing unit (integers, or doubles for floating kinds).</summary>
internal sealed record DomainBounds(long LongMin, long LongMax, double DoubleMin, double DoubleMax);

/// <summary>A non-uniform shape: kind 1 = Normal, 2 = LogNormal, 3 = Exponential (the runtime enum's values).</summary>
internal sealed record DistributionSpec(int Kind, double Parameter1, double Parameter2);

/// <summary>This property is greater (or less) than <see cref="Other"/>, which is drawn first.</summary>
internal sealed record OrderingSpec(bool Greater, string Other, bool OtherIsNullable);

/// <summary>How a key is made: sequential from <see cref="Start"/>, or a random GUID.</summary>
internal sealed record KeySpec(bool Guid, long Start);
