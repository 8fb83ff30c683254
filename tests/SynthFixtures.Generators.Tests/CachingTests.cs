using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SynthFixtures.Generators.Model;
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

    [Fact]
    public void The_spec_holds_no_symbols_syntax_or_compilations()
    {
        var (first, _) = RunTwice(Original, Original);
        var spec = first.TrackedSteps[TrackingNames.Specs].Single().Outputs.Single().Value;

        AssertPure(spec!, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static void AssertPure(object value, HashSet<object> seen)
    {
        if (value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree, $"{value.GetType()} leaked into the spec");
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items) if (item is not null) AssertPure(item, seen);
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0))
            if (property.GetValue(value) is { } child) AssertPure(child, seen);
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
