using System.Reflection;
using Microsoft.CodeAnalysis;
using SynthFixtures.Generators.Tests.Infrastructure;

namespace SynthFixtures.Generators.Tests;

/// <summary>
/// Incremental caching compares step outputs by value, so an output holding a symbol, a syntax node or a compilation
/// would pin the whole compilation in memory and never compare equal. Every tracked step's output, for every shape of
/// spec, is walked field by field (private ones included) and must hold none.
/// </summary>
public sealed class PipelinePurityTests
{
    private const string Usings = "using System; using SynthFixtures;\n";

    public static TheoryData<string, string> Shapes => new()
    {
        { "enum", "public enum Tier { Basic, Gold } [Synthesize] public partial record Member { [OneOf(Tier.Gold)] public Tier Tier { get; init; } public Tier? Other { get; init; } }" },
        { "nested", "[Synthesize] public partial record Address { [SynthRange(1, 99)] public int Number { get; init; } } [Synthesize] public partial record Home { public Address Address { get; init; } = new(); [NullRate(0.5)] public Address? Second { get; init; } }" },
        { "nested in a container", "public static partial class Outer { [Synthesize] public partial struct Inner { [SynthRange(1, 3), Unique] public int X { get; set; } } }" },
        { "foreign key", "[Synthesize] public partial class Parent { [SynthKey] public int Id { get; set; } } [Synthesize] public partial class Child { [SynthKey(Kind = KeyKind.Guid)] public Guid Id { get; set; } [SynthForeignKey(typeof(Parent))] public int ParentId { get; set; } }" },
        { "pattern", "[Synthesize] public partial class Code { [SynthRegex(\"[A-Z]{3}-[0-9]{4}\")] public string Value { get; set; } = \"\"; [System.ComponentModel.DataAnnotations.EmailAddress] public string Mail { get; set; } = \"\"; }" },
        { "ordering, fake and distribution", "[Synthesize] public partial class Stay { [SynthRange(\"2024-01-01\", \"2024-12-31\")] public DateOnly In { get; set; } [GreaterThan(nameof(In)), NullRate(0.1)] public DateOnly? Out { get; set; } [Fake(\"Name.FullName\")] public string Name { get; set; } = \"\"; [Distribution(DistributionKind.Normal, 70, 15)] public double Kg { get; set; } }" },
        { "bound to a model", "[Synthesize(From = \"data/people.csv\")] public partial record Person { public int Id { get; init; } [SynthRange(0, 120)] public int Age { get; init; } public string Sex { get; init; } = \"\"; public decimal? Income { get; init; } public int Shoe { get; init; } }" },
        { "prompted text", "[Synthesize] public partial record Note { [SynthRange(1, 5)] public int Stars { get; init; } [Text(Prompt = \"A {0}-star note\", Uses = new[] { nameof(Stars) }, Temperature = 0.2)] public string Body { get; init; } = \"\"; [Text(Prompt = \"Title of {Body}\"), NullRate(0.5)] public string? Title { get; init; } }" },
        { "steps", "[Synthesize(From = \"data/people.csv\")] public partial class Visitor { public int Age { get; set; } [Steps] public System.Collections.Generic.List<Visit> Visits { get; set; } = new(); } public sealed record Visit(DateTime Joined, int? Age);" },
        { "learned text", "[Synthesize(From = \"data/people.csv\")] public partial record Remark { public int Age { get; init; } [Text] public string Note { get; init; } = \"\"; }" },
        { "text diagnostics", "[Synthesize] public partial class BadPrompt { [Text(Prompt = \"{Nope}\")] public string A { get; set; } = \"\"; }" },
        { "with diagnostics", "[Synthesize] public class NotPartial { public int A { get; set; } } [Synthesize] public partial class BadRange { [SynthRange(9, 1)] public int B { get; set; } }" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void No_step_output_holds_a_symbol_syntax_or_compilation(string shape, string source)
    {
        var compilation = GeneratorHarness.Compile(Usings + source);
        var driver = GeneratorHarness.CreateDriver([new InMemoryText("obj/people.synthschema", BindingTests.PeopleSchema)]).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.Contains(TrackingNames.Parse, result.TrackedSteps.Keys);
        // A step that produced nothing for this shape is not tracked; the_shapes_give_every_step_something_to_check covers it.
        foreach (var step in StepNames().Where(result.TrackedSteps.ContainsKey))
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(run => run.Outputs))
                AssertPure(output.Value, $"{shape}: {step}", new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
        // The source outputs' own values are Roslyn's (generated text, diagnostics with locations); what feeds them
        // must be one of the named steps walked above, so no unnamed step escapes the walk.
        foreach (var (name, runs) in result.TrackedOutputSteps)
            foreach (var input in runs.SelectMany(run => run.Inputs))
                Assert.True(StepNames().Contains(input.Source.Name), $"{shape}: {name} is fed by the unnamed step '{input.Source.Name}'");
    }

    [Fact]
    public void The_shapes_give_every_step_something_to_check()
    {
        var compilation = GeneratorHarness.Compile(Shapes.Select(row => Usings + "namespace N" + ((string)row[0]).Replace(' ', '_') + " { " + (string)row[1] + " }").ToArray());
        var driver = GeneratorHarness.CreateDriver([new InMemoryText("obj/people.synthschema", BindingTests.PeopleSchema)]).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.All(StepNames(), step => Assert.NotEmpty(result.TrackedSteps.GetValueOrDefault(step, []).SelectMany(run => run.Outputs)));
    }

    [Fact]
    public void The_walk_finds_a_symbol_however_deeply_it_is_held()
    {
        var symbol = GeneratorHarness.Compile("class C { }").GetTypeByMetadataName("C")!;
        var buried = new { Outer = new List<object> { new KeyValuePair<string, object>("k", new[] { (object)symbol }) } };

        Assert.ThrowsAny<Exception>(() => AssertPure(buried, "probe", new HashSet<object>(ReferenceEqualityComparer.Instance)));
        Assert.ThrowsAny<Exception>(() => AssertPure(new Holder(symbol), "probe", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    /// <summary>Every name in TrackingNames, so a new step is walked without editing this test.</summary>
    private static IEnumerable<string> StepNames() =>
        typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static void AssertPure(object? value, string where, HashSet<object> seen)
    {
        if (value is null or string or Type || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal) return;
        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        Assert.False(value is ISymbol or SyntaxNode or SyntaxToken or SyntaxTrivia or SyntaxTree or Compilation or SemanticModel
            or Location or AdditionalText or Delegate, $"{where}: a {value.GetType()} is held in the step output");
        if (value is Array array)
        {
            foreach (var item in array) AssertPure(item, where, seen);
            return;
        }
        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                AssertPure(field.GetValue(value), where, seen);
    }

    private sealed class Holder(object hidden)
    {
        public override string ToString() => hidden.GetType().Name;
    }
}
