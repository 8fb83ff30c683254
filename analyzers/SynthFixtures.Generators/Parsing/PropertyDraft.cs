using System.Collections.Generic;
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

    public PropertySpec ToSpec() => new(Name, TypeName, Kind, IsNullable, NullRate, Source, Bounds, Distribution, Ordering, Unique, Key,
        Values.ToEquatableArray(), CumulativeWeights.ToEquatableArray(), Pattern, FakeCall, MinLength, MaxLength, PrincipalType, PrincipalKey,
        ColumnName, RangeDeclared, EnumMembers.ToEquatableArray());

    /// <summary>For enums: the member names, for binding labels of a learned model.</summary>
    public List<string> EnumMembers { get; } = new();
}
