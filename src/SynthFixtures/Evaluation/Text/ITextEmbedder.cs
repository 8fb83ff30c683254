namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// Turns texts into sentence embeddings for the embedding distance. The implementation lives outside the core
/// (SynthFixtures.Evaluation.Utility's MiniLM one), so an evaluation that wants the distance is handed one.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>The model's name, as the report shows it.</summary>
    string Model { get; }

    /// <summary>One embedding per text, all of the same length, in the texts' order; the same texts give the same vectors.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken ct);
}
