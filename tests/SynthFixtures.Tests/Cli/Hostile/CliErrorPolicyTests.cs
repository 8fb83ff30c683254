using System.CommandLine;
using SynthFixtures.Cli;

namespace SynthFixtures.Tests.Cli.Hostile;

/// <summary>
/// The one top-level error policy: bad input and I/O problems on paths exit 2, anything unexpected exits 1; each is one
/// line, and a stack trace appears only with <c>--verbose</c>.
/// </summary>
public sealed class CliErrorPolicyTests
{
    private static CliResult RunFailing(Exception failure, params string[] args)
    {
        var boom = new Command("boom", "Fails as a test asks.");
        boom.SetAction(new Func<ParseResult, int>(_ => throw failure));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(output, error), CancellationToken.None, [boom]);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void An_unexpected_failure_is_exit_1_with_one_line_and_no_trace()
    {
        var result = RunFailing(new InvalidOperationException("the sky fell\nover two lines"), "boom");

        Assert.Equal(CliApp.Failure, result.ExitCode);
        var line = Assert.Single(Lines(result.Error));
        Assert.Contains("unexpected failure (InvalidOperationException): the sky fell over two lines", line);
        Assert.Contains("--verbose", line);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Running_out_of_memory_is_exit_1_with_one_line()
    {
        var result = RunFailing(new OutOfMemoryException(), "boom");

        Assert.Equal(CliApp.Failure, result.ExitCode);
        Assert.Contains("unexpected failure (OutOfMemoryException)", Assert.Single(Lines(result.Error)));
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        var result = RunFailing(new InvalidOperationException("thrown"), "boom", "--verbose");

        Assert.Equal(CliApp.Failure, result.ExitCode);
        Assert.Contains("unexpected failure (InvalidOperationException): thrown", result.Error);
        Assert.Contains("   at ", result.Error);
        Assert.Contains(nameof(CliErrorPolicyTests), result.Error); // the frames name where it was thrown
    }

    [Theory]
    [InlineData(typeof(IOException), "No space left on device : '/data/out.csv'")]
    [InlineData(typeof(UnauthorizedAccessException), "Access to the path '/data/out.csv' is denied.")]
    [InlineData(typeof(DirectoryNotFoundException), "Could not find a part of the path '/data/out.csv'.")]
    public void A_path_the_command_cannot_use_is_bad_input_with_a_hint(Type type, string message)
    {
        var result = RunFailing((Exception)Activator.CreateInstance(type, message)!, "boom");

        Assert.Equal(CliApp.BadInput, result.ExitCode);
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith($"error: {message} Hint: ", line);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Bad_input_is_one_line_even_when_the_message_has_several()
    {
        var result = RunFailing(new SynthDataException("first\nsecond", "in.csv", 3, 2, "do this"), "boom");

        Assert.Equal(CliApp.BadInput, result.ExitCode);
        Assert.Equal("in.csv(3,2): error: first second Hint: do this", Assert.Single(Lines(result.Error)));
    }
}
