namespace SynthFixtures.Models.DpMarginals;

/// <summary>Settings for fitting a <see cref="DpMarginalsModel"/>. Every field is recorded in the model artifact.</summary>
public sealed record DpMarginalsOptions
{
    /// <summary>The ε of the (ε, δ)-DP guarantee the whole model meets.</summary>
    public double Epsilon { get; init; } = 1;

    /// <summary>The δ of the guarantee; <c>null</c>: 1/(n·√n) for n training rows (the row count is then treated as public).</summary>
    public double? Delta { get; init; }

    /// <summary>About how many bins a numeric column is cut into (point masses such as 0 take a bin of their own, so a few more may result).</summary>
    public int Bins { get; init; } = 32;

    /// <summary>The training seed, recorded in the model's provenance. It does not drive the noise (see <see cref="NoiseSeed"/>).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Seed of the noise and the private selections, for reproducible tests only. <c>null</c> (the default) takes a fresh
    /// seed from the operating system's cryptographic generator and records it nowhere: whoever can regenerate the noise
    /// can subtract it from the released counts, so noise drawn from a known seed (the training seed is in the project
    /// file and the model) would void the guarantee. A fit given a noise seed is reproducible, and its privacy plan says
    /// it holds no guarantee against anyone who knows that seed.
    /// </summary>
    public long? NoiseSeed { get; init; }

    /// <summary>Checks the settings together.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the parameter name is the setting's MSBuild name.</exception>
    public void Validate()
    {
        if (!(Epsilon > 0) || !double.IsFinite(Epsilon)) throw new ArgumentException("ε must be a finite number above 0.", nameof(Epsilon));
        if (Delta is { } delta && !(delta > 0 && delta < 1)) throw new ArgumentException("δ must lie strictly between 0 and 1.", nameof(Delta));
        if (Bins < 2) throw new ArgumentException("a numeric column needs at least 2 bins.", nameof(Bins));
    }
}
