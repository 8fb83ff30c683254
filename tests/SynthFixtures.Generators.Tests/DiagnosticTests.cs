using SynthFixtures.Generators.Diagnostics;
using SynthFixtures.Generators.Tests.Infrastructure;

namespace SynthFixtures.Generators.Tests;

/// <summary>Each diagnostic id, produced by a small test compilation, with its message and help link.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = "using System; using SynthFixtures;\n";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "SF0001", "[Synthesize] public class P { public int A { get; set; } }", "add the 'partial' modifier" },
        { "SF0001", "public class Outer { [Synthesize] public partial class P { public int A { get; set; } } }", "'Outer'" },
        { "SF0002", "[Synthesize] public partial class P { public System.Collections.Generic.List<int> A { get; set; } = new(); }", "mark it [SynthIgnore]" },
        { "SF0053", "[Synthesize] public partial class P { public int A { get; set; } [Derived(\"A * 2\")] public int B { get; set; } }", "[Derived(\"A * 2\")] on 'P.B' is a rule a learned model keeps, but 'P' is made from attributes alone" },
        { "SF0003", "[Synthesize] public partial class P { [SynthRange(10, 1)] public int A { get; set; } }", "the minimum 10 is greater than the maximum 1" },
        { "SF0003", "[Synthesize] public partial class P { [SynthRange(0, 300)] public byte A { get; set; } }", "outside what byte can hold" },
        { "SF0003", "[Synthesize] public partial class P { [SynthRange(0, 5)] public DateOnly A { get; set; } }", "text such as" },
        { "SF0004", "[Synthesize] public partial class P { [GreaterThan(\"Missing\")] public int A { get; set; } }", "is not a generated property" },
        { "SF0004", "[Synthesize] public partial class P { public long B { get; set; } [GreaterThan(nameof(B))] public int A { get; set; } }", "has a different type" },
        { "SF0005", "[Synthesize] public partial class P { [GreaterThan(nameof(B))] public int A { get; set; } [GreaterThan(nameof(A))] public int B { get; set; } }", "A → B → A" },
        { "SF0006", "[Synthesize] public partial class P { [OneOf(\"x\", 2)] public string A { get; set; } = \"\"; }", "the value 2 cannot be converted to 'string'" },
        { "SF0006", "[Synthesize] public partial class P { [OneOf(1, 2, Weights = new[] { 1.0 })] public int A { get; set; } }", "1 weights are given for 2 values" },
        { "SF0007", "[Synthesize] public partial class P { [SynthRegex(\"(?=a)b\")] public string A { get; set; } = \"\"; }", "look-around" },
        { "SF0007", "[Synthesize] public partial class P { [SynthRegex(\"[a-\")] public string A { get; set; } = \"\"; }", "not a valid regular expression" },
        { "SF0008", "[Synthesize] public partial class P { [Fake(\"Name.NoSuchThing\")] public string A { get; set; } = \"\"; }", "names no method 'NoSuchThing'" },
        { "SF0008", "[Synthesize] public partial class P { [Fake(\"Date.Past\")] public string A { get; set; } = \"\"; }", "returns 'System.DateTime'" },
        { "SF0009", "[Synthesize] public partial class P { [OneOf(\"a\"), Fake(\"Name.FirstName\")] public string A { get; set; } = \"\"; }", "has [OneOf] and [Fake]" },
        { "SF0009", "[Synthesize] public partial class P { [OneOf(1, 2), SynthRange(0, 5)] public int A { get; set; } }", "has [OneOf] and [Range]" },
        { "SF0009", "[Synthesize] public partial class P { [SynthRegex(\"[a-z]{10}\"), SynthStringLength(1, 5)] public string A { get; set; } = \"\"; }", "has [SynthRegex] and [SynthStringLength]" },
        { "SF0010", "[Synthesize] public partial class Parent { public int Id { get; set; } } [Synthesize] public partial class P { [SynthForeignKey(typeof(Parent))] public int ParentId { get; set; } }", "has no [SynthKey] or [Key] property" },
        { "SF0010", "public class Parent { } [Synthesize] public partial class P { [SynthForeignKey(typeof(Parent))] public int ParentId { get; set; } }", "has no [Synthesize] attribute" },
        { "SF0011", "[Synthesize] public partial class P { [SynthRange(0, 5)] public int A { get; set; } [GreaterThan(nameof(A)), SynthRange(0, 0)] public int B { get; set; } }", "has no values left" },
        { "SF0012", "[Synthesize] public partial class P<T> { public int A { get; set; } }", "has type parameters" },
        { "SF0013", "[Synthesize] public partial class P { [NullRate(0.5)] public int A { get; set; } }", "the property is not nullable" },
        { "SF0013", "[Synthesize] public partial class P { [SynthKey] public double A { get; set; } }", "keys must be integers, strings or Guids" },
        { "SF0013", "[Synthesize] public partial class P { public P? Child { get; set; } }", "a type containing itself must be nullable with a [NullRate] above 0" },
        { "SF0014", "[Synthesize] public partial class P { public P(int a) { A = a; } public int A { get; set; } }", "parameterless constructor" },
        { "SF0024", "[Synthesize] public partial class P { public int Rating { get; set; } [Text(Prompt = \"A {Stars}-star review\")] public string A { get; set; } = \"\"; }", "names 'Stars', which is not a generated property of 'P'; the names it can use are: Rating" },
        { "SF0024", "[Synthesize] public partial class P { public int Rating { get; set; } [Text(Prompt = \"A {0}-star review\", Uses = new[] { \"Stars\" })] public string A { get; set; } = \"\"; }", "names 'Stars'" },
        { "SF0025", "[Synthesize] public partial class P { [Text(Prompt = \"More of {A}\")] public string A { get; set; } = \"\"; }", "it names 'A' itself" },
        { "SF0025", "[Synthesize] public partial class P { [Text(Prompt = \"After {B}\")] public string A { get; set; } = \"\"; [Text(Prompt = \"After {A}\")] public string B { get; set; } = \"\"; }", "(A → B → A)" },
        { "SF0026", "[Synthesize] public partial class P { public int R { get; set; } [Text(Prompt = \"{0} and {1}\", Uses = new[] { nameof(R) })] public string A { get; set; } = \"\"; }", "the placeholder {1} has no Uses entry (Uses has 1 name)" },
        { "SF0026", "[Synthesize] public partial class P { public int R { get; set; } public int S { get; set; } [Text(Prompt = \"{0} stars\", Uses = new[] { nameof(R), nameof(S) })] public string A { get; set; } = \"\"; }", "Uses[1] ('S') is never used: the prompt has no {1}" },
        { "SF0027", "[Synthesize] public partial class P { public int R { get; set; } [Text(Prompt = \"A {R review\")] public string A { get; set; } = \"\"; }", "the '{' at position 2 is never closed" },
        { "SF0027", "[Synthesize] public partial class P { public int R { get; set; } [Text(Prompt = \"A } review {R}\")] public string A { get; set; } = \"\"; }", "the '}' at position 2 closes no placeholder" },
        { "SF0027", "[Synthesize] public partial class P { public int R { get; set; } [Text(Prompt = \"A {R,5} review\")] public string A { get; set; } = \"\"; }", "'{R,5}' at position 2 is not a placeholder" },
        { "SF0028", "[Synthesize] public partial class P { [Text(Prompt = \"A number\")] public int A { get; set; } }", "needs a string property, but 'P.A' is 'int'" },
        { "SF0029", "[Synthesize] public partial class P { [Text] public string A { get; set; } = \"\"; }", "'P' is made from attributes alone and has no model to learn text from" },
        { "SF0009", "[Synthesize] public partial class P { [Text(Prompt = \"x\"), Fake(\"Name.FullName\")] public string A { get; set; } = \"\"; }", "has [Fake] and [Text]" },
        { "SF0013", "[Synthesize] public partial class P { [Text(Prompt = \"x\", Temperature = -1)] public string A { get; set; } = \"\"; }", "Temperature must be a finite number, 0 or more" },
        { "SF0013", "[Synthesize] public partial class P { [Text(Prompt = \"x\", Candidates = 0)] public string A { get; set; } = \"\"; }", "Candidates must be at least 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_problem_is_reported_with_its_id_a_message_saying_what_to_do_and_a_help_link(string id, string source, string messagePart)
    {
        var outcome = GeneratorHarness.Run(Usings + source);

        var diagnostic = outcome.SingleDiagnostic(id, messagePart);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.DoesNotContain(outcome.Result.GeneratedSources, s => s.HintName == "P.g.cs");
    }

    [Theory]
    [InlineData("A {Stars}-star review", "{Stars}")]
    [InlineData("A {R review", "{")]
    public void Prompt_problems_point_at_the_placeholder_inside_the_prompt(string prompt, string marked)
    {
        var source = Usings + "[Synthesize] public partial class P { public int R { get; set; } [Text(Prompt = \"" + prompt + "\")] public string A { get; set; } = \"\"; }";

        var diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics);

        Assert.Equal(marked, source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void A_uses_entry_naming_no_property_points_at_that_entry()
    {
        var source = Usings + "[Synthesize] public partial class P { public int R { get; set; } [Text(Prompt = \"{0} of {1}\", Uses = new[] { nameof(R), \"Nope\" })] public string A { get; set; } = \"\"; }";

        var diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics);

        Assert.Equal("SF0024", diagnostic.Id);
        Assert.Equal("\"Nope\"", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void Every_descriptor_has_a_test_case_and_is_tracked_in_the_release_file()
    {
        var tested = Cases.Concat(BindingTests.Cases).Concat(DatabaseBindingTests.Cases).Concat(SequenceBindingTests.Cases).Select(row => (string)row[0]).Append(PrivacyTests.CapId).ToHashSet();
        var releases = File.ReadAllText(Path.Combine(Path.GetDirectoryName(SnapshotTests.FixturePath("x"))!, "..", "..", "..",
            "analyzers", "SynthFixtures.Generators", "AnalyzerReleases.Unshipped.md"));

        foreach (var id in DiagnosticDescriptors.ById.Keys)
        {
            Assert.Contains(id, tested);
            Assert.Contains(id + " |", releases, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Both_attribute_namespaces_can_be_imported_in_one_file_without_ambiguity()
    {
        const string source = """
            using System.ComponentModel.DataAnnotations;
            using System.ComponentModel.DataAnnotations.Schema;
            using SynthFixtures;
            [Synthesize]
            public partial class Both
            {
                [Key] public int Id { get; set; }
                [SynthRange(1, 5)] public int Stars { get; set; }
                [Range(1, 5)] public int Rating { get; set; }
                [StringLength(12), Unique] public string Name { get; set; } = "";
                [SynthRegex("[a-z]{4}")] public string Word { get; set; } = "";
            }
            """;
        var outcome = GeneratorHarness.Run(source);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
    }
}
