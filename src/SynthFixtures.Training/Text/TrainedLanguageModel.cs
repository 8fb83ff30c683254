namespace SynthFixtures.Training.Text;

/// <summary>What <see cref="LstmLanguageModelTrainer"/> returns.</summary>
/// <param name="Weights">The kept epoch's weights in the runtime's layout (see <c>LstmNetwork</c>).</param>
/// <param name="EpochLosses">Each epoch's mean training loss (cross-entropy per predicted token, in nats).</param>
/// <param name="ValidationPerplexities">Each epoch's perplexity on the held-out texts; empty when too few texts to hold any out.</param>
/// <param name="KeptEpoch">The epoch whose weights were kept: the one with the lowest validation perplexity, else the last (0: untrained).</param>
/// <param name="ValidationTexts">How many texts were held out for validation.</param>
public sealed record TrainedLanguageModel(float[] Weights, IReadOnlyList<double> EpochLosses, IReadOnlyList<double> ValidationPerplexities,
    int KeptEpoch, int ValidationTexts);
