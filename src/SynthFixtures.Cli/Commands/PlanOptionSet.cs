using System.CommandLine;
using System.Globalization;
using SynthFixtures.Modeling.Plans;
using SynthFixtures.Models;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// The sample verb's generation-plan options: repeated requests, a plan file, or an equalized column; turned into a
/// <see cref="GenerationPlan"/> (one of the three at most).
/// </summary>
internal sealed class PlanOptionSet
{
    private readonly Option<string[]> _requests = new("--request")
    {
        Description = "One request of a plan: \"count=1000; where=fraud = 1\" (fields count, where, name). Repeatable: the requests' rows follow one another in the output, each from its own seed.",
    };

    private readonly Option<string?> _plan = new("--plan")
    {
        Description = "A JSON plan file: { \"requests\": [ { \"count\": 1000, \"where\": \"fraud = 1\" }, { \"count\": 9000 } ] }.",
    };

    private readonly Option<string?> _equalize = new("--equalize")
    {
        Description = "Equal rows per label of a categorical column (--equalize race), or given shares summing to 1 (--equalize \"race=White:0.5,Black:0.5\"); needs --rows. Each label is drawn under its own condition, and the counts are exact.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_requests);
        command.Options.Add(_plan);
        command.Options.Add(_equalize);
    }

    /// <summary>Whether any plan option is given.</summary>
    public bool Given(ParseResult parse) =>
        parse.GetValue(_requests) is { Length: > 0 } || parse.GetValue(_plan) is not null || parse.GetValue(_equalize) is not null;

    /// <summary>The plan file to read, for the input/output checks.</summary>
    public string? PlanFile(ParseResult parse) => parse.GetValue(_plan);

    /// <summary>
    /// The plan the options describe, or <c>null</c> without any; <paramref name="rows"/> is <c>--rows</c>, <paramref name="where"/>
    /// <c>--where</c> (every equalized label also meets it; a request plan carries its own conditions).
    /// </summary>
    public GenerationPlan? Plan(ParseResult parse, SynthModel model, long? rows, string? where)
    {
        var requests = parse.GetValue(_requests) ?? [];
        var file = parse.GetValue(_plan);
        var equalize = parse.GetValue(_equalize);
        var given = new[] { requests.Length > 0 ? "--request" : null, file is not null ? "--plan" : null, equalize is not null ? "--equalize" : null }
            .OfType<string>().ToList();
        if (given.Count == 0) return null;
        if (given.Count > 1)
            throw new SynthDataException($"{string.Join(" and ", given)} each describe the whole sample; give one.",
                hint: "Write the requests in one plan file, or repeat --request.");
        if (equalize is not null)
        {
            var total = rows ?? throw new SynthDataException("--equalize needs --rows, the size of the whole sample.", hint: "Add --rows N, e.g. --rows 1000.");
            if (total > int.MaxValue)
                throw new SynthDataException($"--equalize draws at most {int.MaxValue:N0} rows in one sample, not {total:N0}.",
                    hint: "Draw several equalized samples, or leave --equalize out for a sharded sample.");
            return Equalization.Parse(equalize).ToPlan(model, (int)total, where);
        }
        if (!string.IsNullOrWhiteSpace(where))
            throw new SynthDataException($"--where does not combine with {given[0]}: each request carries its own condition.",
                hint: "Write the condition in each request's where (\"count=1000; where=…\").");
        var plan = file is not null ? GenerationPlanJson.Load(file) : new GenerationPlan(requests.Select(PlanRequestText.Parse).ToList());
        if (rows is { } asked && asked != plan.TotalRows)
            throw new SynthDataException($"--rows {asked:N0} does not match the plan, whose requests add up to {plan.TotalRows:N0} rows.",
                hint: "Leave --rows out with a plan: the requests' counts set the size.");
        if (plan.TotalRows > int.MaxValue)
            throw new SynthDataException($"The plan's requests add up to {plan.TotalRows:N0} rows, more than one sample holds ({int.MaxValue:N0}).",
                hint: "Split the plan into several samples.");
        return plan;
    }

    /// <summary>One line per request: its rows and where they start.</summary>
    public static void Print(CliConsole console, IReadOnlyList<PlanRequestOutcome> outcomes)
    {
        console.Error.WriteLine($"Plan: {outcomes.Count} request{(outcomes.Count == 1 ? "" : "s")}");
        var width = outcomes.Max(o => o.Request.Length);
        foreach (var outcome in outcomes)
            console.Error.WriteLine($"  {outcome.Request.PadRight(width)}  {outcome.Rows,10:N0} rows (from row {outcome.FirstRow:N0})" +
                (outcome.AcceptanceRate is { } rate ? string.Create(CultureInfo.InvariantCulture, $", acceptance {rate:P2} of {outcome.CandidatesExamined:N0} candidates") : ""));
    }
}
