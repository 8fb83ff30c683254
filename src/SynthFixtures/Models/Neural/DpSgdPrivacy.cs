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
        var trained = ctgan ? "the discriminator (the generator learns from it alone: post-processing)" : "the encoder, the decoder and its σ";
        var step = new PrivacyPlanStep
        {
            Name = "DP-SGD",
            Share = 1,
            NoiseStandardDeviation = plan.NoiseMultiplier,
            Measurements = plan.Steps,
            SamplingRate = plan.SamplingRate,
            Detail = string.Create(c,
                $"Poisson batches of expected size {plan.ExpectedBatchSize:0.#} out of {plan.Units} {(ctgan ? "pac groups" : "rows")}; each {(ctgan ? "group's" : "row's")} gradient over {trained} clipped to C = {plan.MaxGradNorm:G4}, Gaussian noise σ·C added to the sum"),
        };
        return new PrivacyPlan
        {
            Model = model,
            Accounting = "RDP",
            Epsilon = plan.Epsilon,
            Delta = plan.Delta,
            TargetEpsilon = targetEpsilon ?? plan.Epsilon,
            Neighbours = neighbours,
            Public = PublicFacts(ctgan),
            Steps = [step],
        };
    }

    /// <summary>
    /// The privacy plan to show for <paramref name="model"/> (inspect, the evaluation report): its
    /// <see cref="SynthModel.Privacy"/>, or for a DP-TVAE or DP-CTGAN model the DP-SGD plan its training settings record.
    /// The latter is not the model's <see cref="SynthModel.Privacy"/> (which the schema, the typed API and the ε cap
    /// trust) while the model's preprocessing reads raw rows outside the budget: the plan says so under
    /// <see cref="PrivacyPlan.Public"/>.
    /// </summary>
    /// <exception cref="JsonException">A recorded plan is malformed.</exception>
    public static PrivacyPlan? PlanOf(SynthModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Privacy ?? (model is NeuralSynthModel neural ? FromTrainingSettings(neural.Kind, neural.TrainingSettings) : null);
    }

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

    /// <summary>What a DP-SGD training still reads outside its budget (docs/differential-privacy.md).</summary>
    private static List<string> PublicFacts(bool ctgan)
    {
        var facts = new List<string>
        {
            "the column metadata (names, kinds, formats); profiled from the training data when not given",
            "the mode-specific transformer's fit: each numeric column's Gaussian mixture, each categorical column's labels, which columns have missing values",
            "each modelled column's observed range and missing rate, and the recipes of generated columns",
            "the row count, which sets the default δ = 1/(n·√n) and the steps per epoch",
        };
        if (ctgan) facts.Add("the condition sampler's category frequencies (for the generated rows' conditions)");
        return facts;
    }
}

/// <summary>The JSON of a recorded <see cref="DpSgdPlan"/> (the trainers write it with the web defaults: camelCase names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DpSgdPlan))]
internal sealed partial class DpSgdPlanJson : JsonSerializerContext;
