using System.Globalization;
using Microsoft.Build.Framework;

namespace SynthFixtures.Build;

/// <summary>
/// The project's ε cap (<c>&lt;SynthFixturesMaxEpsilon&gt;</c>): before anything is trained, every
/// <c>&lt;SynthModel&gt;</c> item must use a differentially private model kind whose ε is at most the cap. Each item
/// that does not is a build error (SF1004) at the item's line in the file that declares it, saying what to change.
/// The ε checked is the item's <c>Epsilon</c>, or the kind's default when it sets none. An item that sets
/// <c>NoiseMultiplier</c> instead is refused too: the ε that σ spends depends on the row count and is known only after
/// training, and a cap is there to be checked before any real row is read.
/// </summary>
public sealed class CheckSynthModelPrivacyCap : Microsoft.Build.Utilities.Task
{
    private const string Code = "SF1004";

    /// <summary>The <c>SynthModel</c> items as the project declares them (not copies made in a target: those lose the declaring file).</summary>
    [Required] public ITaskItem[] Models { get; set; } = [];

    /// <summary>The cap's text, <c>$(SynthFixturesMaxEpsilon)</c>.</summary>
    [Required] public string MaxEpsilon { get; set; } = "";

    /// <summary>
    /// The differentially private kinds as <c>kind=defaultEpsilon;…</c> (generated from the settings tables into
    /// SynthFixtures.Settings.targets); an empty default means the kind has none.
    /// </summary>
    [Required] public string PrivateKinds { get; set; } = "";

    /// <summary>The project file, for an error about the cap itself.</summary>
    public string ProjectFile { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!double.TryParse(MaxEpsilon.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var cap) || !(cap > 0) || double.IsInfinity(cap))
        {
            Log.LogError(null, Code, null, ProjectFile, 0, 0, 0, 0,
                $"SynthFixturesMaxEpsilon is '{MaxEpsilon}', which is not an ε cap; set it to a positive number such as <SynthFixturesMaxEpsilon>3</SynthFixturesMaxEpsilon>, or remove it.");
            return false;
        }
        var kinds = PrivateKinds.Split([';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(['='], 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv.Length > 1 ? kv[1].Trim() : "", StringComparer.OrdinalIgnoreCase);
        foreach (var item in Models)
            if (Problem(item, cap, kinds) is { } problem) Report(item, problem);
        return !Log.HasLoggedErrors;
    }

    /// <summary>What is wrong with <paramref name="item"/> under <paramref name="cap"/>, and what to change; null when nothing is.</summary>
    private static string? Problem(ITaskItem item, double cap, IReadOnlyDictionary<string, string> kinds)
    {
        var kind = item.GetMetadata("Model").Trim();
        var capText = cap.ToString("G6", CultureInfo.InvariantCulture);
        var where = $"<SynthModel Include=\"{item.ItemSpec}\" Model=\"{kind}\">";
        var suggestion = string.Join(", ", kinds.Keys);
        if (!kinds.TryGetValue(kind, out var defaultEpsilon))
            return $"{where} trains a model without a differential-privacy guarantee, but the project caps ε at {capText} (SynthFixturesMaxEpsilon). " +
                $"Choose a differentially private model, e.g. Model=\"dp-marginals\" Epsilon=\"{capText}\" ({suggestion}), or remove the cap.";
        if (item.GetMetadata("NoiseMultiplier").Trim().Length > 0)
            return $"{where} sets NoiseMultiplier, whose ε depends on the data's row count and is known only after training, so the project's cap of ε = {capText} cannot be checked before the data is read. " +
                $"Set Epsilon=\"{capText}\" (or lower) instead of NoiseMultiplier.";
        var epsilonText = item.GetMetadata("Epsilon").Trim();
        var given = epsilonText.Length > 0;
        if (!given) epsilonText = defaultEpsilon;
        if (epsilonText.Length == 0) return null; // the kind needs Epsilon or NoiseMultiplier; the trainer says so
        if (!double.TryParse(epsilonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var epsilon))
            return $"{where} sets Epsilon=\"{epsilonText}\", which is not a number; write it like Epsilon=\"{capText}\".";
        if (epsilon <= cap) return null;
        return given
            ? $"{where} sets Epsilon=\"{epsilonText}\", above the project's cap of ε = {capText} (SynthFixturesMaxEpsilon). Set Epsilon=\"{capText}\" or lower, or raise the cap."
            : $"{where} trains at its default ε = {epsilonText}, above the project's cap of ε = {capText} (SynthFixturesMaxEpsilon). Set Epsilon=\"{capText}\" or lower, or raise the cap.";
    }

    private void Report(ITaskItem item, string message)
    {
        var file = item.GetMetadata("DefiningProjectFullPath");
        if (file.Length == 0) file = ProjectFile;
        var (line, column) = SynthModelItemLocator.Find(file, item.ItemSpec);
        Log.LogError(null, Code, null, file, line, column, 0, 0, message);
    }
}
