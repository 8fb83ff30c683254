namespace SynthFixtures.Evaluation.Sequences;

/// <summary>How a sequence evaluation runs. Property names are the <see cref="SettingNames"/>-style names errors use.</summary>
public sealed record SequenceEvaluationOptions
{
    /// <summary>Autocorrelation is compared at lags 1 … <see cref="MaxLag"/> (default 5: a working week of daily steps, five months of monthly ones).</summary>
    public int MaxLag { get; init; } = 5;

    /// <summary>Seed of every random choice (detection folds, the DCR baseline's random rows).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Detection runs only when each side has at least this many entities (three folds need a few per fold).</summary>
    public int MinDetectionEntities { get; init; } = 10;

    /// <summary>A plotted sequence shows at most this many steps (its first ones).</summary>
    public int MaxPlotSteps { get; init; } = 2_000;

    /// <summary>The number of sequences drawn real beside synthetic.</summary>
    public int PlottedSequences { get; init; } = 3;

    /// <summary>How the report names the real table.</summary>
    public string RealName { get; init; } = "real";

    /// <summary>How the report names the synthetic table.</summary>
    public string SyntheticName { get; init; } = "synthetic";

    /// <summary>How the report names the holdout table.</summary>
    public string HoldoutName { get; init; } = "holdout";

    /// <summary>Checks the settings.</summary>
    /// <exception cref="SynthDataException">A setting is out of range.</exception>
    public void Check()
    {
        if (MaxLag is < 1 or > 1000)
            throw new SynthDataException($"The largest autocorrelation lag {MaxLag} is not between 1 and 1000.",
                hint: "Use a small lag such as 5, well below the sequences' lengths.");
        if (MinDetectionEntities < 3)
            throw new SynthDataException($"Detection needs at least 3 entities per side for its three folds, not {MinDetectionEntities}.");
        if (MaxPlotSteps < 2) throw new SynthDataException($"A plotted sequence needs at least 2 steps, not {MaxPlotSteps}.");
        if (PlottedSequences < 0) throw new SynthDataException($"The number of plotted sequences {PlottedSequences} is negative.");
    }
}
