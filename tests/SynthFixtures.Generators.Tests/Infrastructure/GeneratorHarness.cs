using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SynthFixtures.Generators.Tests.Infrastructure;

/// <summary>Compiles consumer source in memory and runs <see cref="SynthesizerGenerator"/> on it through CSharpGeneratorDriver.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // Everything the test host can load (the framework, SynthFixtures, Bogus, DataAnnotations) except this assembly.
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        .Where(path => Path.GetFileName(path) != typeof(GeneratorHarness).Assembly.GetName().Name + ".dll") // its fixtures would clash
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray());

    // What an SDK project's ImplicitUsings would add.
    private const string GlobalUsings = "global using System; global using System.Collections.Generic; global using System.Linq;";

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create("Consumer",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"Consumer{i}.cs"))
                .Append(CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, path: "GlobalUsings.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null) =>
        CSharpGeneratorDriver.Create(
            [new SynthesizerGenerator().AsSourceGenerator()],
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns what it produced and the diagnostics of the compilation with its output.</summary>
    public static GeneratorOutcome Run(params string[] sources) => RunWithFiles(sources, []);

    /// <summary>Runs the generator with additional files (such as a model's .synthschema) as the build would pass them.</summary>
    public static GeneratorOutcome RunWithFiles(string[] sources, (string Path, string Text)[] files)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver(files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new GeneratorOutcome(result, generatorDiagnostics, compileDiagnostics);
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
        Microsoft.CodeAnalysis.Text.SourceText.From(text);
}

/// <summary>One generator run: generated sources, generator diagnostics, and warnings/errors of the whole compilation.</summary>
internal sealed record GeneratorOutcome(GeneratorRunResult Result, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> CompileDiagnostics)
{
    public string Source(string hintName) =>
        Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}
