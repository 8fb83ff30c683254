using System.Globalization;

namespace SynthFixtures.Privacy;

/// <summary>
/// What a synthesizer promises about the real rows behind its output, in three values: the model kind the objects come
/// from, and the ε and δ of its (ε, δ) differential-privacy guarantee. A generated synthesizer exposes it as
/// <c>Patient.Synth.Privacy</c>; its values come from the model's schema, written when the model was trained.
/// <list type="bullet">
/// <item>A differentially private model (<c>dp-marginals</c>, <c>dp-tvae</c>, <c>dp-ctgan</c>): <see cref="Model"/>,
/// <see cref="Epsilon"/> and <see cref="Delta"/> are all set.</item>
/// <item>A model without a guarantee (<c>gaussiancopula</c>, <c>tvae</c>, <c>ctgan</c>): <see cref="Model"/> is set,
/// <see cref="Epsilon"/> and <see cref="Delta"/> are <c>null</c>.</item>
/// <item>A type generated from its attributes alone reads no rows at all (<see cref="NoData"/>): no model, ε = δ = 0.</item>
/// <item>A synthesizer that states nothing (a hand-written one, or a generated type that contains other synthesized
/// types, whose guarantees are theirs to state): <see cref="Unknown"/>, no model and no guarantee.</item>
/// </list>
/// </summary>
public sealed record PrivacyGuarantee
{
    private PrivacyGuarantee(string? model, double? epsilon, double? delta)
    {
        Model = model;
        Epsilon = epsilon;
        Delta = delta;
    }

    /// <summary>The model kind the objects are sampled from, or <c>null</c> when they come from no trained model.</summary>
    public string? Model { get; }

    /// <summary>The ε of the (ε, δ) differential-privacy guarantee, or <c>null</c> when there is none.</summary>
    public double? Epsilon { get; }

    /// <summary>The δ of the guarantee, or <c>null</c> when there is none.</summary>
    public double? Delta { get; }

    /// <summary>Whether the output carries an (ε, δ) differential-privacy guarantee (ε = 0 included: no rows read).</summary>
    public bool IsDifferentiallyPrivate => Epsilon is not null;

    /// <summary>A synthesizer that reads no real rows: its output is (0, 0)-differentially private.</summary>
    public static PrivacyGuarantee NoData { get; } = new(null, 0, 0);

    /// <summary>A synthesizer that states no guarantee; treat its output as not private.</summary>
    public static PrivacyGuarantee Unknown { get; } = new(null, null, null);

    /// <summary>Output of a model of kind <paramref name="model"/> that has no differential-privacy guarantee.</summary>
    /// <param name="model">The model kind.</param>
    public static PrivacyGuarantee NotPrivate(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return new(model, null, null);
    }

    /// <summary>Output of a model of kind <paramref name="model"/> that is (<paramref name="epsilon"/>, <paramref name="delta"/>)-differentially private.</summary>
    /// <param name="model">The model kind.</param>
    /// <param name="epsilon">ε, finite and at least 0.</param>
    /// <param name="delta">δ, in [0, 1).</param>
    public static PrivacyGuarantee DifferentiallyPrivate(string model, double epsilon, double delta)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (!(epsilon >= 0) || double.IsPositiveInfinity(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be finite and at least 0.");
        if (!(delta is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must lie in [0, 1).");
        return new(model, epsilon, delta);
    }

    /// <summary>
    /// The guarantee of a trained model of kind <paramref name="model"/>: its privacy plan's ε and δ, or none when it has
    /// no plan (a model's <c>DescribeSchema</c> states it this way).
    /// </summary>
    /// <param name="model">The model kind.</param>
    /// <param name="plan">The model's privacy plan, or <c>null</c>.</param>
    public static PrivacyGuarantee Of(string model, PrivacyPlan? plan) =>
        plan is null ? NotPrivate(model) : DifferentiallyPrivate(model, plan.Epsilon, plan.Delta);

    /// <summary>E.g. <c>dp-marginals: (ε = 1, δ = 2.4E-07)-differentially private</c>.</summary>
    public override string ToString() => (Model, Epsilon) switch
    {
        (null, null) => "no privacy guarantee stated",
        (null, _) => "reads no real rows: (ε = 0, δ = 0)-differentially private",
        (_, null) => $"{Model}: no differential-privacy guarantee",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Model}: (ε = {Epsilon:G6}, δ = {Delta:G3})-differentially private"),
    };
}
