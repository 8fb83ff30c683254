using Microsoft.CodeAnalysis;
using SynthFixtures.Generators.Tests.Infrastructure;

namespace SynthFixtures.Generators.Tests;

/// <summary>
/// [Synthesize(From = "x.csv")] types against the schema of the model trained from x.csv (the x.synthschema additional
/// file the build targets write): every binding diagnostic, and the generated code of a bound type.
/// </summary>
public sealed class BindingTests
{
    private const string Usings = "using System; using SynthFixtures; using System.ComponentModel.DataAnnotations.Schema;\n";

    /// <summary>What ModelSchema.Write produces for a small people.csv.</summary>
    public const string PeopleSchema = """
        synthfixtures-schema 1
        model	gaussiancopula
        column	id	identifier	missing=0	generator=sequence
        column	age	integer	missing=0	min=17	max=90
        column	sex	categorical	missing=0	labels=F,M
        column	income	decimal	missing=0.1	min=0.5	max=99.5
        column	joined	datetime	missing=0	min=2020-01-01	max=2024-12-31
        column	note	text	missing=0	generator=lorem
        column	hours-per-week	integer	missing=0	min=1	max=99
        column	smoker	boolean	missing=0.05	labels=false,true

        """;

    private static readonly (string, string)[] Files = [("obj/Debug/net10.0/synthfixtures/people.synthschema", PeopleSchema)];

    public static TheoryData<string, string, string> Cases => new()
    {
        { "SF0015", "[Synthesize(From = \"data/nosuch.csv\")] public partial class P { public int Age { get; set; } }", "add <SynthModel Include=\"data/nosuch.csv\" />" },
        { "SF0016", "[Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } public int Shoe { get; set; } }", "'P.Shoe' matches no column of data/people.csv" },
        { "SF0017", "[Synthesize(From = \"data/people.csv\")] public partial class P { [Column(\"years\")] public int Age { get; set; } }", "names no column of data/people.csv; the columns are: id, age" },
        { "SF0018", "[Synthesize(From = \"data/people.csv\")] public partial class P { public int Note { get; set; } }", "cannot hold column 'note' of data/people.csv, which is a text column" },
        { "SF0019", "[Synthesize(From = \"data/people.csv\")] public partial class P { public decimal Income { get; set; } }", "make it 'decimal?'" },
        { "SF0020", "[Synthesize(From = \"data/people.csv\")] public partial class P { [SynthRange(0, 60)] public int Age { get; set; } }", "[Range] on 'P.Age' contradicts data/people.csv: column 'age' holds values from 17 to 90" },
        { "SF0020", "[Synthesize(From = \"data/people.csv\")] public partial class P { [OneOf(\"F\")] public string Sex { get; set; } = \"\"; }", "holds the label 'M'" },
        { "SF0021", "public enum Gender { Woman, Man } [Synthesize(From = \"data/people.csv\")] public partial class P { public Gender Sex { get; set; } }", "holds the label 'F', which matches no member of 'Gender'" },
        { "SF0022", "[Synthesize(From = \"data/people.csv\")] public partial class P { [SynthRange(0, 10)] public int Shoe { get; set; } [GreaterThan(nameof(Shoe))] public int Age { get; set; } }", "'P.Age' is bound to a column of data/people.csv but its GreaterThan/LessThan names 'Shoe'" },
        { "SF0051", "[Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } [GreaterThan(nameof(Age))] public int HoursPerWeek { get; set; } }", "'P.HoursPerWeek' declares [GreaterThan(nameof(Age))], which the model learned from data/people.csv does not keep, so sampled rows breaking it are skipped; to have the model keep it by construction, let this project train it (<SynthModel Include=\"data/people.csv\" />" },
        { "SF0052", "[Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } [Derived(\"Age * 2\")] public int HoursPerWeek { get; set; } }", "'P.HoursPerWeek' declares [Derived(\"Age * 2\")], which the model learned from data/people.csv does not keep, and nothing else makes it hold" },
        { "SF0052", "[FixedCombination(nameof(Age), nameof(Sex))] [Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } public string Sex { get; set; } = \"\"; }", "'P' declares [FixedCombination(nameof(Age), nameof(Sex))], which the model learned from data/people.csv does not keep" },
        { "SF0031", "[Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } [Text] public string Note { get; set; } = \"\"; }", "reads column 'note' of data/people.csv, which the model writes as placeholder prose, not learned text; learn it with TextModel=\"learned\" TextColumns=\"note\"" },
        { "SF0030", "[Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } [Text] public string Sex { get; set; } = \"\"; }", "column 'sex' is a categorical column (labels F, M), not free text" },
        { "SF0030", "[Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } [Text] public string Review { get; set; } = \"\"; }", "it has no column named like 'Review'; bind one with [Column(\"name\")] (columns: id, age" },
        { "SF0030", "[Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } [Text, Column(\"remarks\")] public string Note { get; set; } = \"\"; }", "[Column(\"remarks\")] names no column of it" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_binding_problem_is_reported_where_it_is_and_says_what_to_do(string id, string source, string messagePart)
    {
        var outcome = GeneratorHarness.RunWithFiles([Usings + source], Files);

        outcome.SingleDiagnostic(id, messagePart);
        // The code still compiles: a type with binding errors gets its attribute-only synthesizer.
        Assert.DoesNotContain(outcome.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bound_type_binds_by_name_ignoring_case_and_separators_and_compiles_warning_free()
    {
        const string source = """
            using System;
            using SynthFixtures;
            namespace People;
            public enum Sex { Female, Male }
            [Synthesize(From = "data/people.csv")]
            public partial record Person
            {
                public int Id { get; init; }
                [SynthRange(0, 120)] public int Age { get; init; }
                public Sex Sex { get; init; }
                public decimal? Income { get; init; }
                public DateOnly Joined { get; init; }
                public string Note { get; init; } = "";
                public short HoursPerWeek { get; init; }
                public bool? Smoker { get; init; }
                [Fake("Name.FullName")] public string Name { get; init; } = "";
                [GreaterThan(nameof(Joined)), NullRate(0.2)] public DateOnly? Left { get; init; }
            }
            """;
        var outcome = GeneratorHarness.RunWithFiles([source], Files);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        ApprovedFiles.Verify("Person.Learned", outcome.Source("People.Person.g.cs"));
    }

    [Fact]
    public void A_schema_edit_rebinds_and_an_unrelated_edit_leaves_the_bound_output_cached()
    {
        var source = Usings + "[Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } }";
        var compilation = GeneratorHarness.Compile(source);
        var driver = GeneratorHarness.CreateDriver([new InMemoryText("people.synthschema", PeopleSchema)]).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public class Unrelated { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[TrackingNames.Bound].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    /// <summary>A model trained with the stays type's rule attributes: its schema lists the rules it keeps.</summary>
    private const string StaysSchema = """
        synthfixtures-schema 1
        model	gaussiancopula
        column	admitted	datetime	missing=0	min=2024-01-01	max=2024-12-31
        column	discharged	datetime	missing=0
        column	price	decimal	missing=0	min=1.5	max=99.5
        column	quantity	integer	missing=0	min=1	max=9
        column	total	decimal	missing=0
        rule	inequality	greater=discharged	lesser=admitted	strict=true
        rule	derived	target=total	operands=price,quantity

        """;

    private const string Stay = """
        using System;
        using SynthFixtures;
        namespace Hospital;
        [Synthesize(From = "data/stays.csv")]
        public partial record Stay
        {
            public DateTime Admitted { get; init; }
            [GreaterThan(nameof(Admitted))] public DateTime Discharged { get; init; }
            public decimal Price { get; init; }
            public int Quantity { get; init; }
            [Derived("Price * Quantity")] public decimal Total { get; init; }
        }
        """;

    [Fact]
    public void A_rule_the_model_keeps_is_not_checked_again_on_the_sampled_rows()
    {
        var outcome = GeneratorHarness.RunWithFiles([Stay], [("obj/Debug/net10.0/synthfixtures/stays.synthschema", StaysSchema)]);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        var source = outcome.Source("Hospital.Stay.g.cs");
        // No row is checked or skipped: the model keeps both rules on every row it samples.
        Assert.DoesNotContain("continue;", source);
        Assert.DoesNotContain("MaxRejectedRows", source);
        ApprovedFiles.Verify("Stay.KeptRules", source);
    }

    [Fact]
    public void A_greater_than_the_model_does_not_keep_is_checked_on_every_row_and_reported()
    {
        var schema = string.Join("\n", StaysSchema.Split('\n').Where(l => !l.StartsWith("rule\tinequality", StringComparison.Ordinal)));
        var outcome = GeneratorHarness.RunWithFiles([Stay], [("obj/Debug/net10.0/synthfixtures/stays.synthschema", schema)]);

        outcome.SingleDiagnostic("SF0051", "declare { \"inequality\": \"discharged > admitted\" } in the rules of its metadata");
        Assert.Contains("if (!(discharged > admitted)) continue;", outcome.Source("Hospital.Stay.g.cs"));
    }
}
