using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Emitting;
using SynthFixtures.Generators.Model;
using SynthFixtures.Generators.Parsing;

namespace SynthFixtures.Generators;

/// <summary>
/// Generates a seeded, reflection-free synthesizer for every <c>[Synthesize]</c> type. Source and diagnostics are
/// separate outputs, so a diagnostic moving (an edit above a property) never regenerates source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SynthesizerGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.Synthesize,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (ctx, ct) => TypeParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parse);

        var specs = parsed
            .Select(static (result, _) => result.Spec)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.Specs);

        var diagnostics = parsed
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(specs, static (spc, spec) =>
            spc.AddSource(spec!.HintName, SourceText.From(Emit(spec), System.Text.Encoding.UTF8)));
        context.RegisterSourceOutput(diagnostics, static (spc, info) =>
            spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ById[info.Id], info.Location?.ToLocation(), [.. info.Arguments])));
    }

    private static string Emit(TypeSpec spec) => SynthesizerEmitter.Emit(spec);
}
