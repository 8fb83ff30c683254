using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Privacy;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// A DP-SGD training (DP-TVAE, DP-CTGAN) as a <see cref="PrivacyPlan"/>: the guarantee, what neighbouring tables mean
/// (rows, or pac groups for DP-CTGAN), each consumer of the budget and what is read outside it. The budget planner
/// shows this before training, and inspect and the evaluation report show the same for a trained model
/// (<see cref="PlanOf"/>), from the <see cref="DpSgdPlan"/> its training settings record under <c>privacyPlan</c>.
/// </summary>
public static class DpSgdPrivacy
{
    /// <summary>The kind name of DP-TVAE as users choose it (its artifact is a <see cref="ModelKinds.Tvae"/>).</summary>
    public const string DpTvae = "dp-tvae";

    /// <summary>The kind name of DP-CTGAN as users choose it (its artifact is a <see cref="ModelKinds.Ctgan"/>).</summary>
    public const string DpCtgan = "dp-ctgan";

    /// <summary>The plan of a DP-SGD training.</summary>
    /// <param name="model"><see cref="DpTvae"/> or <see cref="DpCtgan"/>.</param>
    /// <param name="plan">What the training spends (<see cref="DpSgdPlan.For"/>).</param>
    /// <param name="pac">Rows per pac group (DP-CTGAN; 1 for DP-TVAE).</param>
    /// <param name="targetEpsilon">The ε asked for, or <c>null</c> when a noise multiplier was given instead.</param>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a DP-SGD kind.</exception>
    public static PrivacyPlan Describe(string model, DpSgdPlan plan, int pac, double? targetEpsilon)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var ctgan = model switch
        {
            DpCtgan => true,
            DpTvae => false,
            _ => throw new ArgumentException($"'{model}' is not a DP-SGD model kind.", nameof(model)),
        };
        var c = CultureInfo.InvariantCulture;
        var neighbours = ctgan && pac > 1
            ? string.Create(c, $"tables that differ by adding or removing one pac group of {pac} rows (one changed row changes one group: a removal and an addition, so per changed row about 2ε and δ·(1 + e^ε))")
            : "tables that differ by adding or removing one row";
        return plan.ToPrivacyPlan(model, neighbours, plan.Public.Count > 0 ? null : PublicFacts(ctgan && pac > 1 ? "pac groups" : "rows", null)) with
        {
            TargetEpsilon = targetEpsilon ?? plan.Epsilon,
        };
    }

    /// <summary>
    /// The privacy plan to show for <paramref name="model"/> (inspect, the evaluation report): its
    /// <see cref="SynthModel.Privacy"/>, or for a DP-TVAE or DP-CTGAN model trained before its preprocessing was private
    /// the DP-SGD plan its training settings record (shown, but not the model's <see cref="SynthModel.Privacy"/>, which
    /// the schema, the typed API and the ε cap trust).
    /// </summary>
    /// <exception cref="JsonException">A recorded plan is malformed.</exception>
    public static PrivacyPlan? PlanOf(SynthModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Privacy ?? (model is NeuralSynthModel neural ? FromTrainingSettings(neural.Kind, neural.TrainingSettings) : null);
    }

    /// <summary>
    /// The plan a DP-SGD model's training settings record when it covers the whole model (the preprocessing measured
    /// within the budget, so <see cref="DpSgdPlan.Preprocessing"/> is listed), or <c>null</c>.
    /// </summary>
    /// <param name="kind">The artifact's kind.</param>
    /// <param name="trainingSettings">The trainer's options as the artifact records them.</param>
    /// <exception cref="JsonException">The recorded plan is malformed.</exception>
    public static PrivacyPlan? WholeModelPlan(string kind, JsonElement trainingSettings) =>
        trainingSettings.ValueKind == JsonValueKind.Object && trainingSettings.TryGetProperty("privacyPlan", out var recorded)
        && recorded.TryGetProperty("preprocessing", out var steps) && steps.ValueKind == JsonValueKind.Array && steps.GetArrayLength() > 0
            ? FromTrainingSettings(kind, trainingSettings)
            : null;

    /// <summary>
    /// The plan a DP-SGD model's training settings record, or <c>null</c> when they hold none (a model trained without
    /// differential privacy).
    /// </summary>
    /// <param name="kind">The artifact's kind (<see cref="ModelKinds.Tvae"/> or <see cref="ModelKinds.Ctgan"/>).</param>
    /// <param name="trainingSettings">The trainer's options as the artifact records them.</param>
    /// <exception cref="JsonException">The recorded plan is malformed.</exception>
    public static PrivacyPlan? FromTrainingSettings(string kind, JsonElement trainingSettings)
    {
        if (trainingSettings.ValueKind != JsonValueKind.Object || !trainingSettings.TryGetProperty("privacyPlan", out var recorded)) return null;
        var plan = recorded.Deserialize(DpSgdPlanJson.Default.DpSgdPlan) ?? throw new JsonException("The recorded privacy plan is empty.");
        var pac = 1;
        if (kind == ModelKinds.Ctgan && trainingSettings.TryGetProperty("network", out var network) && network.TryGetProperty("pac", out var pacValue))
            pac = pacValue.GetInt32();
        double? target = trainingSettings.TryGetProperty("privacy", out var privacy) && privacy.TryGetProperty("epsilon", out var epsilon)
            && epsilon.ValueKind == JsonValueKind.Number ? epsilon.GetDouble() : null;
        return Describe(kind == ModelKinds.Ctgan ? DpCtgan : DpTvae, plan, pac, target);
    }

    /// <summary>What a DP-SGD model reads outside its budget, for the plan.</summary>
    /// <param name="unit">What the sampling rate is over: <c>rows</c> or <c>pac groups</c>.</param>
    /// <param name="noiseSeed">The fixed noise seed, when a test gave one.</param>
    public static IReadOnlyList<string> PublicFacts(string unit, long? noiseSeed)
    {
        var facts = new List<string>
        {
            "the column metadata (names, kinds, formats, which columns are keys or personal data): when it is profiled from the training data its kinds are read without noise, so train with metadata written independently of the data",
            "the token the CSV writes for a missing value",
            "each numeric column's fine grid (fixed by its kind)",
            $"the number of {unit}, which sets the sampling rate, the steps per epoch and the default δ",
            "the per-epoch mean loss shown as progress (to the trainer's user only; not in the artifact)",
            "the training file's name (the audit trail keeps no hash of its content)",
        };
        if (noiseSeed is { } seed)
            facts.Add($"the noise, batches and initial weights: drawn from the fixed noise seed {seed.ToString(CultureInfo.InvariantCulture)}, so the guarantee does not hold against anyone who knows it (a setting for reproducible tests only)");
        return facts;
    }
}

/// <summary>The JSON of a recorded <see cref="DpSgdPlan"/> (the trainers write it with the web defaults: camelCase names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DpSgdPlan))]
internal sealed partial class DpSgdPlanJson : JsonSerializerContext;
