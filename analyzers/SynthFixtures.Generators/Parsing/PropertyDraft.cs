using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>A property while it is being parsed; becomes a <see cref="PropertySpec"/> once ordering is planned. Never leaves the parse step.</summary>
internal sealed class PropertyDraft
{
    public PropertyDraft(IPropertySymbol symbol, string name, Location? location)
    {
        Symbol = symbol;
        Name = name;
        Location = location;
    }

    public IPropertySymbol Symbol { get; }
    public string Name { get; }
    public Location? Location { get; }
    public ITypeSymbol? Underlying { get; set; }
    public string TypeName { get; set; } = "";
    public ValueKind Kind { get; set; }
    public bool IsNullable { get; set; }
    public double NullRate { get; set; }
    public ValueSource Source { get; set; }
    public DomainBounds Bounds { get; set; } = KindInfo.Longs(0, 0);
    public DistributionSpec? Distribution { get; set; }
    public bool Unique { get; set; }
    public KeySpec? Key { get; set; }
    public List<string> Values { get; } = new();
    public List<double> CumulativeWeights { get; } = new();
    public string? Pattern { get; set; }
    public string? FakeCall { get; set; }
    public int MinLength { get; set; }
    public int MaxLength { get; set; }
    public string? PrincipalType { get; set; }
    public string? PrincipalKey { get; set; }

    /// <summary>The principal type's [Synthesize] From and Table (a database-bound foreign key is checked against them).</summary>
    public string? PrincipalFrom { get; set; }
    public string? PrincipalTable { get; set; }

    /// <summary>The GreaterThan/LessThan attribute, if any: its display name, target and location.</summary>
    public string? OrderingAttribute { get; set; }
    public bool OrderingGreater { get; set; }
    public string? OrderingTarget { get; set; }
    public Location? OrderingLocation { get; set; }
    public OrderingSpec? Ordering { get; set; }

    /// <summary>The column named by [Column("…")], if any.</summary>
    public string? ColumnName { get; set; }

    /// <summary>Whether a range attribute was declared (not just the type's own limits).</summary>
    public bool RangeDeclared { get; set; }

    /// <summary>Where the [Text] attribute is, if any.</summary>
    public Location? TextLocation { get; set; }

    /// <summary>[Text] without a prompt: the property reads a learned text column of the bound model.</summary>
    public bool LearnedText { get; set; }

    /// <summary>[Text(Prompt = …)]: the prompt's parts, each with where it is written (for reference errors).</summary>
    public List<PromptDraftPart> PromptParts { get; } = new();
    public double? Temperature { get; set; }
    public int? MaxTokens { get; set; }
    public int Candidates { get; set; } = 1;

    public PropertySpec ToSpec() => new(Name, TypeName, Kind, IsNullable, NullRate, Source, Bounds, Distribution, Ordering, Unique, Key,
        Values.ToEquatableArray(), CumulativeWeights.ToEquatableArray(), Pattern, FakeCall, MinLength, MaxLength, PrincipalType, PrincipalKey,
        ColumnName, RangeDeclared, EnumMembers.ToEquatableArray(),
        Source == ValueSource.Prompt
            ? new PromptSpec(PromptParts.Select(p => new PromptPart(p.Literal, p.Property, p.Format)).ToEquatableArray(), Temperature, MaxTokens, Candidates)
            : null,
        LearnedText, PrincipalFrom, PrincipalTable);

    /// <summary>For enums: the member names, for binding labels of a learned model.</summary>
    public List<string> EnumMembers { get; } = new();
}

/// <summary>A prompt part while parsing: literal text, or a property reference and where it is written.</summary>
internal sealed class PromptDraftPart
{
    public PromptDraftPart(string? literal, string? property, string? format, Location? location)
    {
        Literal = literal;
        Property = property;
        Format = format;
        Location = location;
    }

    public string? Literal { get; }
    public string? Property { get; }
    public string? Format { get; }
    public Location? Location { get; }
}
