using System.Collections.Concurrent;
using System.Globalization;
using SynthFixtures.Generators.Tests.Fixtures;
using SynthFixtures.Sampling.Typed;

namespace SynthFixtures.Generators.Tests.Runtime;

/// <summary>
/// The generated synthesizer of a type with [Text(Prompt = …)] properties (the <see cref="Review"/> fixture), driven
/// with a writer that records what it is asked and answers with the prompt it got, so each text shows which values
/// its prompt was rendered from.
/// </summary>
public sealed class TypedTextTests
{
    /// <summary>Answers each prompt with "[prompt]", and records every request.</summary>
    private sealed class RecordingWriter : ITypedTextWriter
    {
        public ConcurrentQueue<TypedTextRequest> Requests { get; } = new();

        public Task<IReadOnlyList<string>> WriteAsync(TypedTextRequest request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request);
            return Task.FromResult<IReadOnlyList<string>>(request.Prompts.Select(p => "[" + p + "]").ToList());
        }

        public List<TypedTextRequest> For(string property) => Requests.Where(r => r.Property == property).ToList();
    }

    private static string ExpectedBodyPrompt(Review r) =>
        $"A {r.Rating}-star review of {r.Garment} posted on {r.Posted:yyyy-MM-dd}, fit {r.Fit.ToString("0.00", CultureInfo.InvariantCulture)}";

    [Fact]
    public void Each_prompt_is_rendered_from_the_objects_own_values_and_its_text_comes_back_to_that_object()
    {
        var writer = new RecordingWriter();

        var reviews = Review.Synth.WithSeed(42).WithTextWriter(writer).Take(40).ToList();

        var bodyPrompts = writer.For("Body").SelectMany(r => r.Prompts).ToList();
        Assert.Equal(40, bodyPrompts.Count);
        for (var i = 0; i < reviews.Count; i++)
        {
            var r = reviews[i];
            Assert.Equal(ExpectedBodyPrompt(r), bodyPrompts[i]);
            Assert.Equal("[" + ExpectedBodyPrompt(r) + "]", r.Body);
            // The title's prompt is written after the body, from it.
            if (r.Title is not null) Assert.Equal("[A title for: " + r.Body + "]", r.Title);
        }
        // Rows count objects from 0, the seed is the query's, and the attribute's settings arrive.
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), writer.For("Body").SelectMany(r => r.RowNumbers));
        Assert.All(writer.Requests, r => Assert.Equal(42, r.Seed));
        Assert.All(writer.Requests, r => Assert.Equal("SynthFixtures.Generators.Tests.Fixtures.Review", r.TypeName));
        Assert.Equal(new TypedTextSettings(0.7, 120, 1), writer.For("Body")[0].Settings);
        Assert.Equal(new TypedTextSettings(null, null, 3), writer.For("Title")[0].Settings);
    }

    [Fact]
    public void Objects_whose_text_is_drawn_null_are_not_sent_to_the_writer()
    {
        var writer = new RecordingWriter();

        var reviews = Review.Synth.WithSeed(7).WithTextWriter(writer).Take(200).ToList();

        var nulls = reviews.Count(r => r.Title is null);
        Assert.InRange(nulls, 25, 80); // NullRate(0.25) of 200
        var titleRows = writer.For("Title").SelectMany(r => r.RowNumbers).ToList();
        Assert.Equal(reviews.Select((r, i) => (r, i)).Where(x => x.r.Title is not null).Select(x => (long)x.i), titleRows);
    }

    [Fact]
    public void Batches_follow_the_writers_batch_size_and_never_overshoot_the_count()
    {
        var writer = new RecordingWriter();

        _ = Review.Synth.WithSeed(1).WithTextWriter(writer, batchSize: 16).Take(40).ToList();
        var single = new RecordingWriter();
        _ = Review.Synth.WithSeed(1).WithTextWriter(single).Generate();

        Assert.Equal([16, 16, 8], writer.For("Body").Select(r => r.Prompts.Count));
        Assert.Equal([1], single.For("Body").Select(r => r.Prompts.Count));
    }

    [Fact]
    public void Batching_does_not_change_the_objects()
    {
        var one = Review.Synth.WithSeed(5).WithTextWriter(new RecordingWriter(), batchSize: 1).Take(50).ToList();
        var many = Review.Synth.WithSeed(5).WithTextWriter(new RecordingWriter(), batchSize: 32).Take(50).ToList();
        var endless = Review.Synth.WithSeed(5).WithTextWriter(new RecordingWriter(), batchSize: 7).AsEnumerable().Take(50).ToList();

        Assert.Equal(one, many);
        Assert.Equal(one, endless);
        Assert.Equal(one.Take(10), Review.Synth.WithSeed(5).WithTextWriter(new RecordingWriter()).Take(10)); // a prefix, as without prompts
        Assert.NotEqual(one, Review.Synth.WithSeed(6).WithTextWriter(new RecordingWriter()).Take(50).ToList());
    }

    [Fact]
    public void Where_filters_objects_whose_text_was_written_and_rows_keep_counting()
    {
        var writer = new RecordingWriter();

        var fives = Review.Synth.WithSeed(3).WithTextWriter(writer).Where(r => r.Rating == 5).Take(10).ToList();

        Assert.Equal(10, fives.Count);
        Assert.All(fives, r => Assert.Equal("[" + ExpectedBodyPrompt(r) + "]", r.Body));
        var rows = writer.For("Body").SelectMany(r => r.RowNumbers).ToList();
        Assert.Equal(Enumerable.Range(0, rows.Count).Select(i => (long)i), rows);
    }

    [Fact]
    public void A_shared_graph_hands_its_writer_and_seed_to_the_stream()
    {
        var writer = new RecordingWriter();
        var graph = new SynthGraph(11) { TextWriter = writer, TextBatchSize = 4 };

        var reviews = Review.Synth.In(graph).Take(6).ToList();

        Assert.Equal(6, reviews.Count);
        Assert.All(writer.Requests, r => Assert.Equal(11, r.Seed));
        Assert.Equal([4, 2], writer.For("Body").Select(r => r.Prompts.Count));
    }

    [Fact]
    public void Without_a_writer_generation_fails_naming_the_properties_and_how_to_give_one()
    {
        var error = Assert.Throws<SynthDataException>(() => Review.Synth.WithSeed(1).Take(3).ToList());

        Assert.Contains("Review.Body, Review.Title are written by a language model", error.Message, StringComparison.Ordinal);
        Assert.Contains("Review.Synth.WithTextWriter(writer)", error.Message, StringComparison.Ordinal);
        // Types without prompts need none.
        Assert.Equal(3, Patient.Synth.WithSeed(1).Take(3).Count());
    }

    [Fact]
    public void A_writer_that_answers_the_wrong_number_of_texts_is_an_error_naming_the_property()
    {
        var error = Assert.Throws<SynthDataException>(() => Review.Synth.WithTextWriter(new ShortWriter()).Take(3).ToList());

        Assert.Contains("returned 0 texts for 3 prompts of SynthFixtures.Generators.Tests.Fixtures.Review.Body", error.Message, StringComparison.Ordinal);
    }

    private sealed class ShortWriter : ITypedTextWriter
    {
        public Task<IReadOnlyList<string>> WriteAsync(TypedTextRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([]);
    }

    [Fact]
    public void Values_render_the_same_in_every_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // A culture writing numbers and dates the German way (the test host runs in globalization-invariant mode,
            // so it is built from the invariant one).
            var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = ".";
            german.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
            german.DateTimeFormat.DateSeparator = ".";
            CultureInfo.CurrentCulture = german;
            Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture)); // the culture does differ
            Assert.Equal("1.5", PromptedText.Format(1.5, null));
            Assert.Equal("1,234.50", PromptedText.Format(1234.5m, "N2"));
            Assert.Equal("2024-03-01", PromptedText.Format(new DateOnly(2024, 3, 1), null));
            Assert.Equal("2024-03-01", PromptedText.Format(new DateTime(2024, 3, 1), null));
            Assert.Equal("2024-03-01T08:30:00", PromptedText.Format(new DateTime(2024, 3, 1, 8, 30, 0), null));
            Assert.Equal("true", PromptedText.Format(true, null));
            Assert.Equal("Dresses", PromptedText.Format(Garment.Dresses, null));
            Assert.Equal("", PromptedText.Format<int?>(null, null));
            Assert.Equal("03/2024", PromptedText.Format(new DateOnly(2024, 3, 1), "MM/yyyy"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
