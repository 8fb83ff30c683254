namespace SynthFixtures.Modeling.Neural;

/// <summary>DP-TVAE's settings: TVAE's network and training (without early stopping) and DP-SGD's privacy.</summary>
public sealed record DpTvaeOptions
{
    /// <summary>The network and its training; <see cref="TvaeOptions.EarlyStopping"/> must stay off.</summary>
    public TvaeOptions Network { get; init; } = new();

    /// <summary>The privacy settings.</summary>
    public DpSgdOptions Privacy { get; init; } = new();

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        Network.Validate();
        Privacy.Validate();
        if (Network.EarlyStopping is not null)
            throw new ArgumentException("Early stopping scores held-out rows outside the privacy budget; it is not available with differential privacy.", nameof(Network));
    }
}
