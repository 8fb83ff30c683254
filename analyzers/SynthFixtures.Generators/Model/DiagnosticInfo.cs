using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SynthFixtures.Generators.Model;

/// <summary>A diagnostic as data: descriptor id, message arguments and a location without a syntax tree, so it caches.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id, LocationInfo.From(location), arguments.ToEquatableArray());
}

/// <summary>A trimmed <see cref="Microsoft.CodeAnalysis.Location"/>.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan Lines)
{
    public static LocationInfo? From(Location? location) =>
        location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public Location ToLocation() => Location.Create(FilePath, Span, Lines);
}

/// <summary>The parse step's output: a spec when the type can be generated, and the diagnostics either way.</summary>
internal sealed record ParseResult(TypeSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, BindingSite? Site = null);
