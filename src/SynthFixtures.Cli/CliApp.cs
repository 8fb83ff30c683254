using System.CommandLine;
using System.CommandLine.Help;
using SynthFixtures.Cli.Commands;

namespace SynthFixtures.Cli;

/// <summary>
/// The <c>synthfixtures</c> command line. Results go to standard output, progress and errors to standard error.
/// Exit codes: 0 success, 2 bad input (a bad CSV, metadata, model file, condition or command line, or a path that
/// cannot be read or written), 3 a synthetic dataset rejected by <c>evaluate --fail-under</c>, 130 cancelled (Ctrl+C),
/// 1 anything else. Every error is one line on standard error; a stack trace only with <c>--verbose</c>.
/// </summary>
public static class CliApp
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug, or the machine ran out of memory): one line, the stack trace only with <c>--verbose</c>.</summary>
    public const int Failure = 1;

    /// <summary>The input was wrong; the message says where and what to do.</summary>
    public const int BadInput = 2;

    /// <summary>The evaluation ran and at least one <c>--fail-under</c> check scored below its minimum, or an audit's ε lower bound refuted the claimed ε.</summary>
    public const int ThresholdFailed = 3;

    /// <summary>The command was cancelled (Ctrl+C or SIGTERM) and stopped; 130 is the shell's code for an interrupt.</summary>
    public const int Cancelled = 130;

    /// <summary>The command users type (the dotnet tool's ToolCommandName), shown in help and usage.</summary>
    public const string CommandName = "synthfixtures";

    /// <summary>Runs the command line with the given writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, new CliConsole(output, error), CancellationToken.None);

    /// <summary>Runs the command line on <paramref name="console"/>; <paramref name="cancellationToken"/> stops the command (Program cancels it on Ctrl+C).</summary>
    public static int Run(string[] args, CliConsole console, CancellationToken cancellationToken) => Run(args, console, cancellationToken, []);

    /// <summary>As <see cref="Run(string[], CliConsole, CancellationToken)"/> with <paramref name="extraCommands"/> beside the verbs (tests add failing ones to check the error policy).</summary>
    internal static int Run(string[] args, CliConsole console, CancellationToken cancellationToken, IEnumerable<Command> extraCommands)
    {
        ArgumentNullException.ThrowIfNull(console);
        var error = console.Error;
        var verbose = new Option<bool>("--verbose") { Description = "On an unexpected failure, also print the stack trace.", Recursive = true };
        // Not RootCommand: it names itself after the entry assembly (SynthFixtures.Cli), while users type the tool command.
        var root = new Command(CommandName, "SynthFixtures: learn a table from a CSV and sample realistic, privacy-safe synthetic rows.")
        {
            new HelpOption(),
            new VersionOption(),
            verbose,
            DemoCommand.Create(console),
            ProfileCommand.Create(console),
            TrainCommand.Create(console),
            SampleCommand.Create(console),
            EvaluateCommand.Create(console),
            InspectCommand.Create(console),
            DpPlanCommand.Create(console),
            AuditCommand.Create(console),
            RelationsCommand.Create(console),
            SeedCommand.Create(console),
        };
        foreach (var extra in extraCommands) root.Subcommands.Add(extra);
        var parsed = root.Parse(args);
        // No ProcessTerminationTimeout: Program owns the signals (TerminationSignals) and passes their token here.
        var configuration = new InvocationConfiguration { Output = console.Out, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors) error.WriteLine($"error: {parseError.Message}");
            error.WriteLine("Run 'synthfixtures --help' (or '<command> --help') for usage.");
            return BadInput;
        }
        try
        {
            return parsed.InvokeAsync(configuration, cancellationToken).GetAwaiter().GetResult();
        }
        catch (SynthDataException e)
        {
            // An expression error keeps its lines: the caret under the expression points at the character.
            error.WriteLine(e is Sampling.Expressions.RowExpressionException ? CliErrors.Describe(e) : OneLine(CliErrors.Describe(e)));
            return BadInput;
        }
        catch (OperationCanceledException e)
        {
            error.WriteLine(e is CommandCancelledException ? e.Message : "Cancelled.");
            return Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A path the command could not read or write that no check above caught: the user's to fix, not a bug.
            error.WriteLine(OneLine($"error: {CliErrors.DescribeIo(e)}"));
            if (parsed.GetValue(verbose)) error.WriteLine(e);
            return BadInput;
        }
#pragma warning disable CA1031 // The one place every unexpected failure becomes an exit code and one line, never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine(OneLine($"error: unexpected failure ({e.GetType().Name}): {e.Message}"
                + (parsed.GetValue(verbose) ? "" : " Run again with --verbose to see where it happened, and report it if it persists.")));
            if (parsed.GetValue(verbose)) error.WriteLine(e);
            return Failure;
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
