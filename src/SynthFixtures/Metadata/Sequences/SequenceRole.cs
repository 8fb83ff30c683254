namespace SynthFixtures.Metadata.Sequences;

/// <summary>The part a column plays in <see cref="SequenceMetadata"/>.</summary>
public enum SequenceRole
{
    /// <summary>An entity column (<see cref="SequenceMetadata.EntityColumns"/>).</summary>
    Entity,

    /// <summary>The index column (<see cref="SequenceMetadata.IndexColumn"/>).</summary>
    Index,

    /// <summary>A context column (<see cref="SequenceMetadata.ContextColumns"/>).</summary>
    Context,
}
