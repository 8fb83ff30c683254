using System.Globalization;
using System.Reflection;
using SynthFixtures.Generators.Tests.Fixtures;
using SynthFixtures.Xunit;

namespace SynthFixtures.Generators.Tests.Runtime;

/// <summary><c>[SynthData&lt;T&gt;(TextWriter = typeof(…))]</c>: a theory over a type with prompted text properties.</summary>
public sealed class SynthDataTextWriterTests
{
    /// <summary>Answers each prompt with "echo: prompt"; counts the writers made and disposed.</summary>
    public sealed class EchoWriter : ITypedTextWriter, IDisposable
    {
        public static int Created;
        public static int Disposed;

        public EchoWriter() => Interlocked.Increment(ref Created);

        public Task<IReadOnlyList<string>> WriteAsync(TypedTextRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(request.Prompts.Select(p => "echo: " + p).ToList());

        public void Dispose() => Interlocked.Increment(ref Disposed);
    }

    /// <summary>Not a writer.</summary>
    public sealed class NotAWriter;

    /// <summary>A writer with no parameterless constructor.</summary>
    public sealed class NeedsArguments(string answer) : ITypedTextWriter
    {
        public Task<IReadOnlyList<string>> WriteAsync(TypedTextRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(request.Prompts.Select(_ => answer).ToList());
    }

    [Theory, SynthData<Review>(Count = 4, Seed = 3, TextWriter = typeof(EchoWriter))]
    public void Theories_receive_objects_whose_prompted_text_the_named_writer_wrote(Review review)
    {
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"echo: A {review.Rating}-star review of {review.Garment} posted on {review.Posted:yyyy-MM-dd}, fit {review.Fit:0.00}"), review.Body);
        if (review.Title is not null) Assert.Equal("echo: A title for: " + review.Body, review.Title);
    }

    private static MethodInfo Theory => typeof(SynthDataTextWriterTests).GetMethod(nameof(Theories_receive_objects_whose_prompted_text_the_named_writer_wrote))!;

    [Fact]
    public void The_cases_are_those_of_the_same_query_with_the_writer_and_the_writer_is_disposed_after_them()
    {
        var disposedBefore = EchoWriter.Disposed;

        var cases = new SynthDataAttribute<Review> { Count = 6, Seed = 9, TextWriter = typeof(EchoWriter) }.GetData(Theory).ToList();

        Assert.Equal(Review.Synth.WithSeed(9).WithTextWriter(new EchoWriter()).Take(6), cases.Select(c => (Review)c[0]));
        Assert.Equal(disposedBefore + 1, EchoWriter.Disposed);
    }

    [Theory]
    [InlineData(typeof(NotAWriter), "names TextWriter = typeof(NotAWriter), which does not implement ITypedTextWriter")]
    [InlineData(typeof(NeedsArguments), "names TextWriter = typeof(NeedsArguments), which has no public parameterless constructor")]
    public void A_type_that_cannot_write_text_is_an_error_naming_it(Type writer, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new SynthDataAttribute<Review> { TextWriter = writer }.GetData(Theory).ToList());
        Assert.Contains("[SynthData<Review>] on 'Theories_receive_objects_whose_prompted_text_the_named_writer_wrote'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Without_a_writer_a_type_with_prompted_text_still_fails_naming_its_properties()
    {
        var error = Assert.Throws<SynthDataException>(() => new SynthDataAttribute<Review> { Count = 2 }.GetData(Theory).ToList());
        Assert.Contains("Body", error.Message);
    }
}
