using SynthFixtures.Cli;

using var signals = new TerminationSignals();
var console = new CliConsole(Console.Out, Console.Error, TerminalWidth());
return CliApp.Run(args, console, signals.Token);

// A progress bar only where someone watches it: stderr is a terminal that can redraw a line.
static Func<int>? TerminalWidth()
{
    if (Console.IsErrorRedirected || Environment.GetEnvironmentVariable("TERM") == "dumb") return null;
    return () =>
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80; // stdout redirected while stderr is a terminal: no size to ask for
        }
    };
}
