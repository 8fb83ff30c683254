using System.Runtime.CompilerServices;
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

    internal static string FixturePath(string file, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", file);
}
