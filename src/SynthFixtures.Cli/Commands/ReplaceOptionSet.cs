using System.CommandLine;
using SynthFixtures.Modeling.Replacing;

namespace SynthFixtures.Cli.Commands;

/// <summary>The sample verb's replace rules: repeated <c>--replace "col = value WHEN condition"</c>, and their touched-row counts.</summary>
internal sealed class ReplaceOptionSet
{
    private readonly Option<string[]> _rules = new("--replace")
    {
        Description = "A rule applied to the sampled rows: \"color = 'black' WHEN door = 'rear' AND color <> 'black'\" writes the literal where the condition holds (every row without WHEN). Repeatable: the rules apply in order; the rows each touched are reported.",
    };

    public void AddTo(Command command) => command.Options.Add(_rules);

    /// <summary>The rules, parsed (a syntax error points at its character).</summary>
    public IReadOnlyList<ReplaceRule> Rules(ParseResult parse) => (parse.GetValue(_rules) ?? []).Select(ReplaceRule.Parse).ToList();

    /// <summary>One line per rule: the rows it touched.</summary>
    public static void Print(CliConsole console, IReadOnlyList<ReplaceRuleOutcome> outcomes, long rows)
    {
        console.Error.WriteLine($"Replace rules ({rows:N0} rows):");
        foreach (var outcome in outcomes)
            console.Error.WriteLine($"  {outcome.Rows,10:N0} rows touched by {outcome.Rule}");
    }
}
