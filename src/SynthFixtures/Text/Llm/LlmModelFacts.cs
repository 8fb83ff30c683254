using SynthFixtures.Models;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.Neural;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Text.Llm;

/// <summary>What a trained model knows about a text column that helps judge LLM candidates.</summary>
public static class LlmModelFacts
{
    /// <summary>
    /// The word-count quantiles (0 %, 10 %, …, 100 %) the model measured for a free-text column it generates, or
    /// <c>null</c> when it has none (not a generated text column, or a model kind that keeps no such recipe).
    /// </summary>
    public static IReadOnlyList<double>? WordCountQuantiles(SynthModel model, string column)
    {
        ArgumentNullException.ThrowIfNull(model);
        IEnumerable<GeneratedColumnSpec> generated = model switch
        {
            GaussianCopulaModel copula => copula.GeneratedColumns,
            DpMarginalsModel marginals => marginals.Generated,
            NeuralSynthModel neural => neural.Parameters.Generated,
            _ => [],
        };
        return generated.FirstOrDefault(g => g.Name == column && g.Generator == GeneratorKind.Lorem)?.WordCountQuantiles is { Count: 11 } quantiles
            ? quantiles : null;
    }
}
