namespace SynthFixtures.Modeling;

/// <summary>What the training service reports while it works.</summary>
/// <param name="Stage">The step it is in.</param>
/// <param name="Message">A line for people (reading, fitting steps, notes such as what early stopping did); <c>null</c> for epochs.</param>
/// <param name="Epoch">For <see cref="TrainingStage.Epoch"/>: the epoch that just ended.</param>
public sealed record TrainingUpdate(TrainingStage Stage, string? Message = null, TrainingProgress? Epoch = null);

/// <summary>The steps of a training run, in order.</summary>
public enum TrainingStage
{
    /// <summary>Reading the CSV and its metadata.</summary>
    Reading,

    /// <summary>A fitting step of a model without epochs (the copula's marginals and correlations).</summary>
    Fitting,

    /// <summary>An epoch of a neural model ended.</summary>
    Epoch,

    /// <summary>Something the user should know about the finished fit (early stopping's outcome, a slow-path warning).</summary>
    Note,

    /// <summary>A learned text model starts training on its column (its epochs follow as <see cref="Epoch"/> updates).</summary>
    TextModel,

    /// <summary>Writing the outputs.</summary>
    Writing,
}
