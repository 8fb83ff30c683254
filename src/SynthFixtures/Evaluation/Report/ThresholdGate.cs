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
/// that fails any of them. Every check is a report score in [0, 1], higher better; see <see cref="Checks"/>.
/// </summary>
public sealed class ThresholdGate
{
    private static readonly Dictionary<string, (string Meaning, Func<EvaluationReport, double?> Score, string Needs)> Known =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["quality"] = ("overall quality", r => r.Quality.Overall, ""),
            ["shapes"] = ("column shapes", r => r.Quality.ColumnShapes, ""),
            ["trends"] = ("column pair trends", r => r.Quality.ColumnPairTrends, "at least two evaluated columns"),
            ["diagnostic"] = ("diagnostic overall", r => r.Diagnostic.Overall, ""),
            ["validity"] = ("data validity", r => r.Diagnostic.Validity, ""),
            ["structure"] = ("data structure", r => r.Diagnostic.Structure, ""),
            ["missing"] = ("missing-value similarity", r => r.Diagnostic.MissingValueSimilarity, ""),
            ["dcr"] = ("DCR baseline protection", r => r.Privacy.DcrBaselineProtection, ""),
            ["overfitting"] = ("DCR overfitting protection", r => r.Privacy.DcrOverfitting?.Score, "a holdout (--holdout or --holdout-fraction)"),
            ["newrows"] = ("new-row synthesis", r => r.Privacy.NewRows.Score, ""),
            ["mia"] = ("membership-inference protection", r => r.Privacy.MembershipInference?.Score, "a holdout (--holdout or --holdout-fraction)"),
            ["detection"] = ("detection score", r => r.Utility?.Detection?.Score, "--target or --detection"),
            ["utility"] = ("TSTR ratio (synthetic-trained / real-trained)", r => r.Utility?.Ratio, "--target and a holdout"),
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
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) throw new SynthDataException($"'{part}' in --fail-under is not name=minimum.", hint: hint);
            var name = part[..equals].Trim().ToLowerInvariant();
            var text = part[(equals + 1)..].Trim();
            if (!Known.ContainsKey(name)) throw new SynthDataException($"'{name}' in --fail-under is not a known check.", hint: hint);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minimum) || !(minimum >= 0 && minimum <= 1))
                throw new SynthDataException($"The minimum '{text}' for '{name}' in --fail-under is not a number between 0 and 1.", hint: hint);
            if (checks.Any(c => c.Name == name)) throw new SynthDataException($"'{name}' appears twice in --fail-under.", hint: hint);
            checks.Add(new ThresholdCheck(name, minimum));
        }
        return new ThresholdGate(checks);
    }

    /// <summary>What each check requires beyond the two tables ("" when nothing), for checking options before a long run.</summary>
    public static string Requirement(string name) => Known[name].Needs;

    /// <summary>Scores every check against <paramref name="report"/>.</summary>
    /// <exception cref="SynthDataException">A check's score was not computed (e.g. overfitting without a holdout).</exception>
    public IReadOnlyList<ThresholdResult> Apply(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Checks.Select(check => Known[check.Name].Score(report) is { } score
            ? new ThresholdResult(check, score)
            : throw new SynthDataException($"--fail-under checks '{check.Name}', which this evaluation did not compute.",
                hint: $"It needs {Known[check.Name].Needs}.")).ToArray();
    }

    /// <summary>Name and meaning of a check.</summary>
    public static string Describe(string name) => Known[name].Meaning;
}
