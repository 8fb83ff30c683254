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

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? additionalTexts = null, IReadOnlyDictionary<string, string>? buildProperties = null) =>
        CSharpGeneratorDriver.Create(
            [new SynthesizerGenerator().AsSourceGenerator()],
            additionalTexts: additionalTexts,
            parseOptions: ParseOptions,
            optionsProvider: buildProperties is null ? null : new BuildPropertiesProvider(buildProperties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; returns what it produced and the diagnostics of the compilation with its output.</summary>
    public static GeneratorOutcome Run(params string[] sources) => RunWithFiles(sources, []);

    /// <summary>Runs the generator with additional files (such as a model's .synthschema) as the build would pass them.</summary>
    /// <param name="sources">Consumer source files.</param>
    /// <param name="files">Additional files.</param>
    /// <param name="buildProperties">MSBuild properties made visible to the compiler (CompilerVisibleProperty), by name without the <c>build_property.</c> prefix.</param>
    public static GeneratorOutcome RunWithFiles(string[] sources, (string Path, string Text)[] files, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver(files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)), buildProperties)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new GeneratorOutcome(result, generatorDiagnostics, compileDiagnostics) { Compilation = output };
    }
}

/// <summary>Global analyzer options as the SDK writes MSBuild properties named by CompilerVisibleProperty: <c>build_property.Name</c>.</summary>
internal sealed class BuildPropertiesProvider(IReadOnlyDictionary<string, string> properties) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
{
    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(kv => "build_property." + kv.Key, kv => kv.Value));

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
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
    /// <summary>The consumer's compilation with the generated sources added.</summary>
    public Compilation? Compilation { get; init; }

    public string Source(string hintName) =>
        Result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>
    /// Asserts the run reported exactly one diagnostic, <paramref name="id"/>, whose message holds <paramref name="messagePart"/>,
    /// with its docs help link, located in the consumer's file; returns it for further checks.
    /// </summary>
    public Diagnostic SingleDiagnostic(string id, string messagePart)
    {
        var diagnostic = global::Xunit.Assert.Single(GeneratorDiagnostics);
        global::Xunit.Assert.Equal(id, diagnostic.Id);
        global::Xunit.Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        global::Xunit.Assert.Equal($"https://synthfixtures.dev/diagnostics/{id.ToLowerInvariant()}", diagnostic.Descriptor.HelpLinkUri);
        global::Xunit.Assert.Equal("Consumer0.cs", diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }
}
