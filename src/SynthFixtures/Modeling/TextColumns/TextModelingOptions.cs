using SynthFixtures.Text.Learned;

namespace SynthFixtures.Modeling.TextColumns;

/// <summary>
/// How a training run writes its free-text columns: which text model, for which columns, and the learned model's
/// settings. Read from the text settings (<see cref="TextSettingTable"/>), which the kinds without a privacy guarantee share.
/// </summary>
public sealed record TextModelingOptions
{
    /// <summary><see cref="TextSettingTable.Learned"/>, <see cref="TextSettingTable.Lorem"/>, or <c>null</c>: learned where a column has at least <see cref="MinTexts"/> texts.</summary>
    public string? Model { get; init; }

    /// <summary>The free-text columns the choice applies to; <c>null</c>: every free-text column.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Without a <see cref="Model"/>: the fewest non-missing texts a column needs to get the learned model.</summary>
    public int MinTexts { get; init; } = 500;

    /// <summary>The learned model's settings.</summary>
    public LearnedTextOptions Learned { get; init; } = new();
}
