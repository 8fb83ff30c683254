using System.Globalization;

namespace SynthFixtures.Evaluation.Report;

/// <summary>One check of a <see cref="ThresholdGate"/>: a report score and its minimum.</summary>
/// <param name="Name">The check's name as written in the spec (e.g. <c>quality</c>).</param>
/// <param name="Minimum">The lowest passing score.</param>
public sealed record ThresholdCheck(string Name, double Minimum);

/// <summary>The outcome of one check.</summary>
/// <param name="Check">The check.</param>
/// <param name="Score">The report's score.</param>
public sealed record ThresholdResult(ThresholdCheck Check, double Score)
{
    /// <summary>Whether the score reaches the minimum.</summary>
    public bool Passed => Score >= Check.Minimum;
}

/// <summary>
/// Minimum scores a synthetic dataset must reach, written <c>quality=0.8,dcr=0.9,…</c>, so CI can reject a dataset
/// that fails any of them. Every check is a report score in [0, 1], higher better; see <see cref="Checks"/>. What each
/// check needs is defined here once: <see cref="CheckComputable"/> refuses a gate before a long run, and
/// <see cref="Apply"/> after it when a score still is missing (pair trends of a single column).
/// </summary>
public sealed class ThresholdGate
{
    /// <summary>What a check needs: in words, whether a scope has it, and the settings that provide it.</summary>
    private sealed record Requirement(string Text, Func<EvaluationScope, bool> IsMet, string[] Settings);

    private static readonly Requirement Nothing = new("", _ => true, []);

    // Known only once the columns are prepared, so it is checked by Apply, not by CheckComputable.
    private static readonly Requirement TwoColumns = new("at least two evaluated columns", _ => true, []);

    private static readonly Requirement AHoldout = new("a holdout (real rows the model never saw)", s => s.Holdout,
        [SettingNames.Holdout, SettingNames.HoldoutFraction]);

    private static readonly Requirement TargetOrDetection = new("a target column, or the detection metric asked for", s => s.Target || s.Detection,
        [SettingNames.Target, SettingNames.Detection]);

    private static readonly Requirement TargetAndHoldout = new("a target column and a holdout", s => s.Target && s.Holdout,
        [SettingNames.Target, SettingNames.Holdout, SettingNames.HoldoutFraction]);

    private static readonly Dictionary<string, (string Meaning, Func<EvaluationReport, double?> Score, Requirement Needs)> Known =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["quality"] = ("overall quality", r => r.Quality.Overall, Nothing),
            ["shapes"] = ("column shapes", r => r.Quality.ColumnShapes, Nothing),
            ["trends"] = ("column pair trends", r => r.Quality.ColumnPairTrends, TwoColumns),
            ["diagnostic"] = ("diagnostic overall", r => r.Diagnostic.Overall, Nothing),
            ["validity"] = ("data validity", r => r.Diagnostic.Validity, Nothing),
            ["structure"] = ("data structure", r => r.Diagnostic.Structure, Nothing),
            ["missing"] = ("missing-value similarity", r => r.Diagnostic.MissingValueSimilarity, Nothing),
            ["dcr"] = ("DCR baseline protection", r => r.Privacy.DcrBaselineProtection, Nothing),
            ["overfitting"] = ("DCR overfitting protection", r => r.Privacy.DcrOverfitting?.Score, AHoldout),
            ["newrows"] = ("new-row synthesis", r => r.Privacy.NewRows.Score, Nothing),
            ["mia"] = ("membership-inference protection", r => r.Privacy.MembershipInference?.Score, AHoldout),
            ["detection"] = ("detection score", r => r.Utility?.Detection?.Score, TargetOrDetection),
            ["utility"] = ("TSTR ratio (synthetic-trained / real-trained)", r => r.Utility?.Ratio, TargetAndHoldout),
        };

    private ThresholdGate(IReadOnlyList<ThresholdCheck> checks) => Checks = checks;

    /// <summary>The check names and what each measures.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Names => Known.Select(k => new KeyValuePair<string, string>(k.Key, k.Value.Meaning)).ToArray();

    /// <summary>The checks, in spec order.</summary>
    public IReadOnlyList<ThresholdCheck> Checks { get; }

    /// <summary>Parses <c>name=minimum[,name=minimum…]</c>.</summary>
    /// <exception cref="SynthDataException">An unknown name, a minimum that is not a number in [0, 1], or a repeated name.</exception>
    public static ThresholdGate Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var checks = new List<ThresholdCheck>();
        var hint = $"Write name=minimum pairs separated by commas, e.g. quality=0.8,dcr=0.9; names: {string.Join(", ", Known.Keys)}.";
        SynthDataException Malformed(string message) => new(message, hint: hint) { Settings = [SettingNames.Thresholds] };
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) throw Malformed($"'{part}' in the thresholds is not name=minimum.");
            var name = part[..equals].Trim().ToLowerInvariant();
            var text = part[(equals + 1)..].Trim();
            if (!Known.ContainsKey(name)) throw Malformed($"'{name}' in the thresholds is not a known check.");
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minimum) || !(minimum >= 0 && minimum <= 1))
                throw Malformed($"The minimum '{text}' for '{name}' in the thresholds is not a number between 0 and 1.");
            if (checks.Any(c => c.Name == name)) throw Malformed($"'{name}' appears twice in the thresholds.");
            checks.Add(new ThresholdCheck(name, minimum));
        }
        return new ThresholdGate(checks);
    }

    /// <summary>Refuses, before a long run, a check whose score an evaluation of <paramref name="scope"/> would not compute.</summary>
    /// <exception cref="SynthDataException">A check needs what <paramref name="scope"/> lacks (e.g. overfitting without a holdout).</exception>
    public void CheckComputable(EvaluationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var check in Checks)
            if (!Known[check.Name].Needs.IsMet(scope))
                throw NotComputed(check.Name, "would not compute");
    }

    /// <summary>Scores every check against <paramref name="report"/>.</summary>
    /// <exception cref="SynthDataException">A check's score was not computed (e.g. overfitting without a holdout).</exception>
    public IReadOnlyList<ThresholdResult> Apply(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Checks.Select(check => Known[check.Name].Score(report) is { } score
            ? new ThresholdResult(check, score)
            : throw NotComputed(check.Name, "did not compute")).ToArray();
    }

    /// <summary>Name and meaning of a check.</summary>
    public static string Describe(string name) => Known[name].Meaning;

    private static SynthDataException NotComputed(string name, string verb)
    {
        var needs = Known[name].Needs;
        return new SynthDataException($"The thresholds include '{name}', which this evaluation {verb}.", hint: $"It needs {needs.Text}.")
        {
            Settings = [SettingNames.Thresholds, .. needs.Settings],
        };
    }
}
