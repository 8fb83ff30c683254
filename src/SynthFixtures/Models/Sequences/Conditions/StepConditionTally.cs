namespace SynthFixtures.Models.Sequences.Conditions;

/// <summary>
/// What meeting a sample's step conditions cost, updated as its chunks are drawn: entity attempts (a context, length
/// and steps drawn, possibly stopped at a failed first step), entities kept, and later steps redrawn under
/// <see cref="StepScope.Every"/>. The counts depend only on the model, seed and conditions, not on threads or chunks.
/// </summary>
public sealed class StepConditionTally
{
    /// <summary>Entity attempts so far (each accepted entity counts its own attempts, the last one included).</summary>
    public long EntityAttempts { get; private set; }

    /// <summary>Entities that met every step condition so far.</summary>
    public long EntitiesAccepted { get; private set; }

    /// <summary>Later steps redrawn because they failed an <see cref="StepScope.Every"/> condition.</summary>
    public long StepsRedrawn { get; private set; }

    /// <summary>Accepted entities over attempts (1 before any attempt).</summary>
    public double AcceptanceRate => EntityAttempts == 0 ? 1 : EntitiesAccepted / (double)EntityAttempts;

    internal void Add(long attempts, long accepted, long redrawn)
    {
        EntityAttempts += attempts;
        EntitiesAccepted += accepted;
        StepsRedrawn += redrawn;
    }
}
