namespace SynthFixtures.Transforms.Modes;

/// <summary>Everything a <see cref="ModeSpecificTransformer"/> needs, as a plain record for the model artifact's header.</summary>
public sealed record ModeSpecificTransformerParameters
{
    /// <summary>The modelled columns in table order; identifiers, free text and personal data are not among them.</summary>
    public required TransformedColumn[] Columns { get; init; }
}
