namespace SynthFixtures.Modeling.DpPlanning;

/// <summary>
/// Where the budget planner draws its lines. Warnings mark settings that are legal but weak; the last two lines mark
/// settings under which the noise swamps what the model could learn, which the planner refuses.
/// </summary>
public static class DpPlanThresholds
{
    /// <summary>
    /// A step reading more than this share of the units (q = batch / units) gains little from subsampling: the
    /// amplification that makes DP-SGD affordable fades as q grows, and at q = 1 every step reads every row.
    /// </summary>
    public const double MaxSamplingRate = 0.1;

    /// <summary>
    /// Below this noise multiplier the subsampled Gaussian's RDP grows steeply with the order and the steps, so ε is
    /// large and sensitive to every extra epoch.
    /// </summary>
    public const double MinNoiseMultiplier = 0.5;

    /// <summary>Above this ε the guarantee says little: a likelihood ratio bound of e^10 ≈ 22 000 between neighbours.</summary>
    public const double MaxEpsilon = 10;

    /// <summary>
    /// DP-SGD: the noise on each coordinate of a step's averaged gradient is σ·C / B (B = q·units, the expected batch),
    /// while the whole clipped signal has norm at most C. Above a tenth of C per coordinate, learning is slow and noisy.
    /// </summary>
    public const double SlowLearningNoisePerBatch = 0.1;

    /// <summary>
    /// DP-SGD: at σ / B ≥ 1 the noise on every single coordinate of the averaged gradient is at least as large as the
    /// norm of the entire clipped signal, so nothing is learned: refused.
    /// </summary>
    public const double NoLearningNoisePerBatch = 1;

    /// <summary>
    /// dp-marginals: when the noise σ on each one-way count is at least the count of an average cell (rows / bins),
    /// the one-way marginals are mostly noise and nothing is learned: refused.
    /// </summary>
    public const double NoLearningNoisePerCell = 1;
}
