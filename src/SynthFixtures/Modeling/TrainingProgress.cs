namespace SynthFixtures.Modeling;

/// <summary>Reported once per epoch by a trainer.</summary>
/// <param name="Epoch">Epochs finished, from 1.</param>
/// <param name="Epochs">Epochs planned (with early stopping, training may end sooner).</param>
/// <param name="Loss">The epoch's mean training loss (TVAE: reconstruction plus KL per row; CTGAN: the generator's loss).</param>
/// <param name="DiscriminatorLoss">CTGAN: the discriminator's mean loss (Wasserstein estimate plus gradient penalty); <c>null</c> for TVAE.</param>
/// <param name="ValidationScore">With early stopping, on the epochs it checks: the column-shapes score of a sample from the
/// current network against the validation rows (1 is a perfect match); otherwise <c>null</c>.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, double Loss, double? DiscriminatorLoss = null, double? ValidationScore = null)
{
    /// <summary>
    /// On the first epoch's report only: something the user should know about this run, such as flush-to-zero being
    /// unavailable (training about 3× slower); <c>null</c> when all is well. Callers show it once, as a warning.
    /// </summary>
    public string? Warning { get; init; }

    /// <summary>
    /// A learned text model's epoch: the perplexity of its held-out texts (lower is better; not a score between 0 and 1,
    /// so it is kept apart from <see cref="ValidationScore"/>); <c>null</c> otherwise.
    /// </summary>
    public double? ValidationPerplexity { get; init; }

    /// <summary>The epoch's losses and, on checked epochs, its validation score, as logs show them: <c>loss 0.1234  validation 0.8765</c>.</summary>
    public string Describe()
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        var losses = DiscriminatorLoss is { } d
            ? string.Create(c, $"generator loss {Loss:F4}  discriminator loss {d:F4}")
            : string.Create(c, $"loss {Loss:F4}");
        if (ValidationPerplexity is { } perplexity) losses += string.Create(c, $"  validation perplexity {perplexity:F2}");
        return ValidationScore is { } score ? losses + string.Create(c, $"  validation {score:F4}") : losses;
    }
}
