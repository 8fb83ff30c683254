using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using SynthFixtures.Generators.Tests.Infrastructure;

namespace SynthFixtures.Generators.Tests;

/// <summary>The generated code for the fixture types, compared with approved files, and compiled warning-free.</summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("Patient.cs", "SynthFixtures.Generators.Tests.Fixtures.Patient")]
    [InlineData("Patient.cs", "SynthFixtures.Generators.Tests.Fixtures.Address")]
    [InlineData("Orders.cs", "SynthFixtures.Generators.Tests.Fixtures.Customer")]
    [InlineData("Orders.cs", "SynthFixtures.Generators.Tests.Fixtures.Order")]
    public void Generated_code_matches_the_approved_file(string fixtureFile, string typeName)
    {
        var outcome = GeneratorHarness.Run(File.ReadAllText(FixturePath(fixtureFile)));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics); // nullable enabled, warnings included
        ApprovedFiles.Verify(typeName.Split('.')[^1], outcome.Source(typeName + ".g.cs"));
    }

    [Fact]
    public void Nested_types_in_a_global_namespace_are_wrapped_in_their_partial_containers()
    {
        const string source = """
            using SynthFixtures;
            public static partial class Catalog
            {
                [Synthesize]
                public partial struct Sku
                {
                    [SynthKey(Kind = KeyKind.Sequential, Start = 100)] public string Code { get; set; }
                    [SynthRange(1, 9), Unique] public int Shelf { get; set; }
                    [Distribution(DistributionKind.Exponential, 20)] public decimal Price { get; set; }
                    [Distribution(DistributionKind.LogNormal, 1, 0.5), LessThan(nameof(Max))] public double Min { get; set; }
                    [NullRate(0.3)] public double? Max { get; set; }
                }
            }
            """;
        var outcome = GeneratorHarness.Run(source);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        ApprovedFiles.Verify("Catalog.Sku", outcome.Source("Catalog.Sku.g.cs"));
    }

    [Fact]
    public void Obsolete_properties_compile_in_a_consumer_that_treats_warnings_as_errors()
    {
        const string source = """
            using SynthFixtures;
            [Synthesize]
            public partial class Legacy
            {
                [System.Obsolete] public int Old { get; set; }
                [System.Obsolete("Use Code.")] public string Name { get; set; } = "";
                [SynthRange(1, 9)] public int Code { get; set; }
            }
            """;
        var compilation = GeneratorHarness.Compile(source);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("Legacy.g.cs", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Generated_code_names_the_version_of_the_generator_assembly()
    {
        var informational = typeof(SynthesizerGenerator).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var expected = informational.Split('+')[0]; // the version, without the commit the SDK appends

        var outcome = GeneratorHarness.Run("[SynthFixtures.Synthesize] public partial class V { public int A { get; set; } }");

        Assert.Equal(typeof(SynthesizerGenerator).Assembly.GetName().Version!.ToString(3), expected);
        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"SynthFixtures.Generators\", \"{expected}\")]",
            outcome.Source("V.g.cs"), StringComparison.Ordinal);
    }

    internal static string FixturePath(string file, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", file);
}
