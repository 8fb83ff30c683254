using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SynthFixtures.Generators.Tests.Infrastructure;

namespace SynthFixtures.Generators.Tests;

/// <summary>The pipeline caches on its equatable spec: unrelated edits do not re-run the emit step.</summary>
public sealed class CachingTests
{
    private const string Original = """
        using SynthFixtures;
        namespace Shop;
        [Synthesize]
        public partial record Item
        {
            [SynthKey] public int Id { get; init; }
            [SynthRange(1, 100)] public int Stock { get; init; }
        }
        """;

    [Fact]
    public void Adding_an_unrelated_method_leaves_the_spec_and_the_source_output_unchanged()
    {
        var (first, second) = RunTwice(Original, Original.Replace("public partial record Item\n{", "public partial record Item\n{\n    public int Twice() => Stock * 2;\n"));

        Assert.Single(first.GeneratedSources);
        Assert.All(Reasons(second, TrackingNames.Specs), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(Reasons(second, "SourceOutput"), r => Assert.Contains(r, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void Changing_a_constraint_modifies_the_spec_and_regenerates()
    {
        var (_, second) = RunTwice(Original, Original.Replace("SynthRange(1, 100)", "SynthRange(1, 200)"));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, TrackingNames.Specs));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(second, "SourceOutput"));
        Assert.Contains("200L", second.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    private static (GeneratorRunResult First, GeneratorRunResult Second) RunTwice(string before, string after)
    {
        var compilation = GeneratorHarness.Compile(before);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(after, GeneratorHarness.ParseOptions, tree.FilePath));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();
        return (first, second);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step)
    {
        var steps = step == "SourceOutput" ? result.TrackedOutputSteps : result.TrackedSteps;
        var reasons = steps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.NotEmpty(reasons);
        return reasons;
    }
}
