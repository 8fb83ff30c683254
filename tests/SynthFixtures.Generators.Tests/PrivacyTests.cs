using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using SynthFixtures.Generators.Tests.Fixtures;
using SynthFixtures.Generators.Tests.Infrastructure;
using SynthFixtures.Privacy;

namespace SynthFixtures.Generators.Tests;

/// <summary>
/// The model's privacy guarantee from its schema to the typed API (<c>P.Synth.Privacy</c>), and the project's ε cap
/// (<c>SynthFixturesMaxEpsilon</c>, a compiler-visible property): a type bound to a model without a guarantee, or above
/// the cap, is error SF0023 at its [Synthesize] attribute.
/// </summary>
public sealed class PrivacyTests
{
    /// <summary>The id these tests cover (DiagnosticTests checks every id has cases somewhere).</summary>
    public const string CapId = "SF0023";

    private const string Source = "using SynthFixtures;\n[Synthesize(From = \"data/people.csv\")] public partial class P { public int Age { get; set; } public string Sex { get; set; } = \"\"; }";

    /// <summary>A schema as ModelSchema.Write produces it for a model of <paramref name="kind"/> with the given privacy line.</summary>
    private static string Schema(string kind, string? privacyLine) => $"""
        synthfixtures-schema 1
        model	{kind}
        {(privacyLine is null ? "" : privacyLine + "\n")}column	age	integer	missing=0	min=17	max=90
        column	sex	categorical	missing=0	labels=F,M

        """;

    private static (string, string)[] Files(string schema) => [("obj/Debug/net10.0/synthfixtures/people.synthschema", schema)];

    private static Dictionary<string, string> Cap(string value) => new() { ["SynthFixturesMaxEpsilon"] = value };

    public static TheoryData<string, string?, string, string> Violations => new()
    {
        { "gaussiancopula", "privacy\tnone", "3", "which is gaussiancopula, with no differential-privacy guarantee, but the project caps ε at 3" },
        { "ctgan", null, "3", "which is ctgan, with no differential-privacy guarantee" }, // a schema that states nothing is no guarantee
        { "dp-marginals", "privacy\tepsilon=5\tdelta=1E-09", "3", "which is dp-marginals with ε = 5, above the cap, but the project caps ε at 3" },
        { "dp-tvae", "privacy\tepsilon=1.0001\tdelta=1E-07", "1", "ε = 1.0001, above the cap" },
        { "dp-marginals", "privacy\tepsilon=0.6\tdelta=1E-09", " 0.5 ", "caps ε at 0.5" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void A_type_bound_to_a_model_without_a_guarantee_or_above_the_cap_is_an_error_at_its_attribute(string kind, string? privacy, string cap, string messagePart)
    {
        var outcome = GeneratorHarness.RunWithFiles([Source], Files(Schema(kind, privacy)), Cap(cap));

        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(CapId, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains(messagePart, message, StringComparison.Ordinal);
        Assert.Contains("'P' is bound to the model learned from data/people.csv", message, StringComparison.Ordinal);
        Assert.Contains("Model=\"dp-marginals\" Epsilon=\"", message, StringComparison.Ordinal); // says what to change
        Assert.Equal("https://synthfixtures.dev/diagnostics/sf0023", diagnostic.Descriptor.HelpLinkUri);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Consumer0.cs", span.Path);
        Assert.Equal(1, span.StartLinePosition.Line); // the [Synthesize] line
        Assert.Empty(outcome.CompileDiagnostics.Where(d => d.Id.StartsWith("CS", StringComparison.Ordinal)));
    }

    public static TheoryData<string, string?, string?> Allowed => new()
    {
        { "dp-marginals", "privacy\tepsilon=3\tdelta=1E-09", "3" },                    // at the cap
        { "dp-marginals", "privacy\tepsilon=3.0000000000004\tdelta=1E-09", "3" },      // the plan meets its target only to ~1e-12
        { "dp-ctgan", "privacy\tepsilon=0.5\tdelta=1E-07", "1" },
        { "gaussiancopula", "privacy\tnone", null },                                    // no cap: nothing to check
        { "gaussiancopula", "privacy\tnone", "" },
        { "gaussiancopula", "privacy\tnone", "three" },                                 // not a cap: the build reports it (SF1004)
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void A_model_within_the_cap_or_a_project_without_one_reports_nothing(string kind, string? privacy, string? cap)
    {
        var outcome = GeneratorHarness.RunWithFiles([Source], Files(Schema(kind, privacy)), cap is null ? null : Cap(cap));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void The_cap_does_not_touch_a_type_made_from_attributes_alone()
    {
        var outcome = GeneratorHarness.RunWithFiles(["using SynthFixtures;\n[Synthesize] public partial class Q { [SynthRange(1, 9)] public int A { get; set; } }"], [], Cap("0.1"));

        Assert.Empty(outcome.GeneratorDiagnostics);
    }

    [Fact]
    public void A_bound_type_states_its_models_kind_epsilon_and_delta()
    {
        var schema = Schema("dp-marginals", "privacy\tepsilon=1.0000000000002\tdelta=2.4106E-07");
        var outcome = GeneratorHarness.RunWithFiles([Source], Files(schema));
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);

        var privacy = PrivacyOf(outcome, "P");

        Assert.Equal("dp-marginals", privacy.Model);
        Assert.Equal(1.0000000000002, privacy.Epsilon); // every digit the schema holds
        Assert.Equal(2.4106E-07, privacy.Delta);
        Assert.True(privacy.IsDifferentiallyPrivate);
        ApprovedFiles.Verify("P.DpMarginals", outcome.Source("P.g.cs"));
    }

    [Theory]
    [InlineData("privacy\tnone")]
    [InlineData(null)]
    public void A_type_bound_to_a_model_without_a_guarantee_states_the_kind_and_no_epsilon(string? privacyLine)
    {
        var outcome = GeneratorHarness.RunWithFiles([Source], Files(Schema("gaussiancopula", privacyLine)));

        var privacy = PrivacyOf(outcome, "P");

        Assert.Equal("gaussiancopula", privacy.Model);
        Assert.Null(privacy.Epsilon);
        Assert.Null(privacy.Delta);
        Assert.False(privacy.IsDifferentiallyPrivate);
    }

    [Fact]
    public void Fixture_types_compiled_by_the_generator_state_their_guarantee_through_the_query()
    {
        // Attributes alone read no rows; a type holding another synthesized type states nothing of its own.
        Assert.Same(PrivacyGuarantee.NoData, Address.Synth.Privacy);
        Assert.Equal(0, Address.Synth.WithSeed(4).Take(3).Privacy.Epsilon);
        Assert.Same(PrivacyGuarantee.Unknown, Patient.Synth.Privacy);
        Assert.Null(Patient.Synth.Privacy.Epsilon);
    }

    /// <summary>Emits the consumer with its generated code, loads it in its own context, and reads <c>type.Synth.Privacy</c>.</summary>
    private static PrivacyGuarantee PrivacyOf(GeneratorOutcome outcome, string typeName)
    {
        using var image = new MemoryStream();
        var emitted = outcome.Compilation!.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("privacy-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var type = context.LoadFromStream(image).GetType(typeName)!;
            var synth = type.GetProperty("Synth", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            return (PrivacyGuarantee)synth.GetType().GetProperty("Privacy")!.GetValue(synth)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
