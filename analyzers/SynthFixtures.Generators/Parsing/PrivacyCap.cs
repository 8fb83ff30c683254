using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// The project's ε cap (<c>&lt;SynthFixturesMaxEpsilon&gt;</c>, made visible to the compiler by the build targets) and
/// the check of a bound model's guarantee against it. The build itself refuses <c>&lt;SynthModel&gt;</c> items above the
/// cap before training (error SF1004 at the item); this check covers what reaches the compiler by other ways (a model
/// reused from a lock or a committed folder, a schema added by hand).
/// </summary>
internal static class PrivacyCap
{
    public const string PropertyName = "SynthFixturesMaxEpsilon";

    // A dp-marginals plan's ε equals its target only to about 1e-12, so a model trained at exactly the cap must pass.
    private const double RelativeTolerance = 1e-9;

    /// <summary>The cap, or null when the project sets none or sets something that is not a positive number (the build reports that).</summary>
    public static double? Read(AnalyzerConfigOptionsProvider options) =>
        options.GlobalOptions.TryGetValue("build_property." + PropertyName, out var text)
        && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var cap) && cap > 0 && !double.IsInfinity(cap)
            ? cap
            : null;

    /// <summary>Why a model with <paramref name="plan"/>'s guarantee breaks <paramref name="cap"/>, in words after "which", or null when it keeps it.</summary>
    public static string? Violation(BindingPlan plan, double cap)
    {
        var kind = plan.ModelKind ?? "a model of unknown kind";
        if (plan.Privacy is not { Epsilon: { } epsilon }) return "is " + kind + ", with no differential-privacy guarantee";
        return epsilon > cap * (1 + RelativeTolerance)
            ? "is " + kind + " with ε = " + epsilon.ToString("G6", CultureInfo.InvariantCulture) + ", above the cap"
            : null;
    }

    /// <summary>The cap as the message writes it.</summary>
    public static string Show(double cap) => cap.ToString("G6", CultureInfo.InvariantCulture);
}
