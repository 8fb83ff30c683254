using System.Globalization;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;

namespace SynthFixtures.Cli.Commands;

/// <summary>The sample verb's report of how its conditions were met: what the model met, what was filtered, and the acceptance rate.</summary>
internal static class WhereSummary
{
    public static void Print(CliConsole console, ConditionPlan plan, ConditionTally? candidates)
    {
        console.Error.WriteLine($"Conditions {plan}.");
        if (candidates is null) return;
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Acceptance rate {candidates.AcceptanceRate:P2}: {candidates.RowsAccepted:N0} of {candidates.CandidatesExamined:N0} candidate rows met the conditions."));
    }
}
