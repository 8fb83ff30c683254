using SynthFixtures.Generators.Tests.Infrastructure;

namespace SynthFixtures.Generators.Tests;

/// <summary>The generated code of [Text] properties: prompted (written by a text writer) and learned (read from a model's text column).</summary>
public sealed class TextSnapshotTests
{
    /// <summary>What ModelSchema.Write produces for a reviews.csv whose review text and title are learned.</summary>
    public const string ReviewsSchema = """
        synthfixtures-schema 1
        model	gaussiancopula
        privacy	none
        column	Clothing ID	integer	missing=0	min=0	max=1205
        column	Rating	integer	missing=0	min=1	max=5
        column	Class Name	categorical	missing=0	labels=Dresses,Knits,Blouses
        column	Title	text	missing=0.16	generator=learned
        column	Review Text	text	missing=0	generator=learned

        """;

    public static readonly (string, string)[] Files = [("obj/Debug/net10.0/synthfixtures/reviews.synthschema", ReviewsSchema)];

    [Fact]
    public void A_type_with_prompted_properties_writes_them_in_batches_after_its_other_values()
    {
        var outcome = GeneratorHarness.Run(File.ReadAllText(SnapshotTests.FixturePath("Reviews.cs")));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        ApprovedFiles.Verify("Review", outcome.Source("SynthFixtures.Generators.Tests.Fixtures.Review.g.cs"));
    }

    [Fact]
    public void Learned_text_properties_read_the_models_free_text_columns()
    {
        const string source = """
            using System.ComponentModel.DataAnnotations.Schema;
            using SynthFixtures;
            namespace Shop;
            [Synthesize(From = "data/reviews.csv")]
            public partial record ClothingReview
            {
                public int Rating { get; init; }
                public string ClassName { get; init; } = "";
                [Text] public string? Title { get; init; }
                [Text, Column("Review Text")] public string Body { get; init; } = "";
            }
            """;
        var outcome = GeneratorHarness.RunWithFiles([source], Files);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        ApprovedFiles.Verify("ClothingReview.Learned", outcome.Source("Shop.ClothingReview.g.cs"));
    }

    [Fact]
    public void A_model_bound_type_renders_its_prompts_from_the_row_it_read()
    {
        const string source = """
            using SynthFixtures;
            namespace Shop;
            [Synthesize(From = "data/reviews.csv")]
            public partial record RatedReview
            {
                public int Rating { get; init; }
                public string ClassName { get; init; } = "";
                [Text(Prompt = "A {Rating}-star review of a {ClassName}")] public string Summary { get; init; } = "";
            }
            """;
        var outcome = GeneratorHarness.RunWithFiles([source], Files);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        ApprovedFiles.Verify("RatedReview.Learned", outcome.Source("Shop.RatedReview.g.cs"));
    }
}
