using SynthFixtures.Privacy;

namespace SynthFixtures.Modeling.Neural;

/// <summary>
/// The DP-SGD plan a DP-TVAE or DP-CTGAN training with given options follows on a table of a given size: what is
/// sampled (rows, or pac groups), at which expected batch, for how many noisy steps. The budget planner plans with it
/// before any data is read.
/// </summary>
public static class DpSgdPlans
{
    /// <summary>The pac groups DP-CTGAN trains on: rows are cut once into whole groups; a remainder of fewer than pac rows is never read.</summary>
    public static int Groups(int rows, int pac) => rows / pac;

    /// <summary>DP-TVAE's plan over <paramref name="rows"/> rows: one noisy step per batch.</summary>
    /// <exception cref="SynthDataException">δ is not below 1/rows, or the target ε cannot be reached.</exception>
    public static DpSgdPlan For(DpTvaeOptions options, int rows)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (network, privacy) = (options.Network, options.Privacy);
        return DpSgdPlan.For(rows, network.BatchSize, network.Epochs, privacy.Epsilon, privacy.NoiseMultiplier, privacy.Delta, privacy.MaxGradNorm);
    }

    /// <summary>DP-CTGAN's plan over the pac groups of <paramref name="rows"/> rows: one noisy release per discriminator step.</summary>
    /// <exception cref="SynthDataException">Fewer rows than pac, δ is not below 1/groups, or the target ε cannot be reached.</exception>
    public static DpSgdPlan For(DpCtganOptions options, int rows)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (network, privacy) = (options.Network, options.Privacy);
        var groups = Groups(rows, network.Pac);
        if (groups < 1) throw new SynthDataException($"DP-CTGAN needs at least pac = {network.Pac} rows; the table has {rows}.", hint: "Lower pac or give more rows.");
        return DpSgdPlan.For(groups, network.BatchSize / network.Pac, network.Epochs, privacy.Epsilon, privacy.NoiseMultiplier, privacy.Delta,
            privacy.MaxGradNorm, network.DiscriminatorSteps, "pac groups");
    }
}
