using System.Globalization;
using SynthFixtures.Randomness;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// The offline learned text model of one column: a byte-level BPE tokenizer and an LSTM language model trained on the
/// column's texts, conditioned on the row's context tokens, sampled in pure C# with temperature and nucleus (top-p)
/// sampling, and guarded so that it never writes a training text.
/// </summary>
public sealed class LearnedTextModel : TextColumnModel
{
    /// <summary>The kind name in artifacts and settings.</summary>
    public const string KindName = "learned";

    /// <summary>A model from its trained parts.</summary>
    /// <param name="column">The text column.</param>
    /// <param name="context">The context encoder (its columns are the model's context columns).</param>
    /// <param name="tokenizer">The subword tokenizer.</param>
    /// <param name="network">The language model over <see cref="Vocabulary"/>.</param>
    /// <param name="copyGuard">The training texts' fingerprints.</param>
    /// <param name="sampling">Temperature, top-p and max tokens are taken from these options.</param>
    /// <param name="missing">
    /// Decides which rows have no text from their context; <c>null</c>: the language model does (a text that ends
    /// before its first subword is missing), as in models trained on texts with none missing or by older versions.
    /// </param>
    /// <exception cref="ArgumentException">The network's vocabulary does not match the context and tokenizer, a sampling setting is out of range, or the missing-text model has the wrong number of weights.</exception>
    public LearnedTextModel(string column, TextContextEncoder context, SubwordTokenizer tokenizer, LstmNetwork network,
        TrainingTextFingerprints copyGuard, LearnedTextOptions sampling, MissingTextModel? missing = null)
        : base(column, (context ?? throw new ArgumentNullException(nameof(context))).Columns)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(copyGuard);
        ArgumentNullException.ThrowIfNull(sampling);
        Vocabulary = new LearnedTextVocabulary(context.TokenCount, tokenizer.Count);
        if (network.Vocabulary != Vocabulary.Size)
            throw new ArgumentException($"The network has {network.Vocabulary} tokens; {context.TokenCount} context tokens, Bos, Eos and {tokenizer.Count} subwords make {Vocabulary.Size}.", nameof(network));
        if (!(sampling.Temperature > 0 && sampling.Temperature <= MaxTemperature))
            throw new ArgumentException($"The temperature must be in (0, {MaxTemperature}], not {sampling.Temperature}.", nameof(sampling));
        if (!(sampling.TopP > 0 && sampling.TopP <= 1))
            throw new ArgumentException($"Top-p must be in (0, 1], not {sampling.TopP}.", nameof(sampling));
        if (sampling.MaxTokens < 1) throw new ArgumentException($"Max tokens must be at least 1, not {sampling.MaxTokens}.", nameof(sampling));
        if (missing is not null && missing.Weights.Count != context.TokenCount)
            throw new ArgumentException($"The missing-text model has {missing.Weights.Count} token weights; the context has {context.TokenCount} tokens.", nameof(missing));
        (Context, Tokenizer, Network, CopyGuard, Missing) = (context, tokenizer, network, copyGuard, missing);
        (Temperature, TopP, MaxTokens) = (sampling.Temperature, sampling.TopP, sampling.MaxTokens);
    }

    /// <summary>Highest temperature accepted (beyond it the text is noise).</summary>
    public const double MaxTemperature = 10;

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The context encoder.</summary>
    public TextContextEncoder Context { get; }

    /// <summary>The subword tokenizer.</summary>
    public SubwordTokenizer Tokenizer { get; }

    /// <summary>The language model.</summary>
    public LstmNetwork Network { get; }

    /// <summary>The token layout.</summary>
    public LearnedTextVocabulary Vocabulary { get; }

    /// <summary>Which rows have no text, from their context; <c>null</c>: a text that ends at once is missing.</summary>
    public MissingTextModel? Missing { get; }

    /// <summary>The training texts' fingerprints; a sampled text they hold is redrawn.</summary>
    public TrainingTextFingerprints CopyGuard { get; }

    /// <summary>Sampling temperature.</summary>
    public double Temperature { get; }

    /// <summary>Nucleus sampling's probability mass.</summary>
    public double TopP { get; }

    /// <summary>Longest sampled text, in subwords.</summary>
    public int MaxTokens { get; }

    /// <inheritdoc />
    public override string Describe()
    {
        var context = ContextColumns.Count == 0 ? "no context" : "context " + string.Join(", ", ContextColumns);
        return string.Create(CultureInfo.InvariantCulture,
            $"learned text: LSTM {Network.Layers}×{Network.HiddenWidth}, {Tokenizer.Count:N0} subwords, {context}; {DescribeMissing()}; temperature {Temperature:0.###}, top-p {TopP:0.###}, at most {MaxTokens} tokens");
    }

    /// <summary>Smallest weight spread (log-odds) at which a context column is named as one that decides missing texts.</summary>
    private const double TellingSpread = 1.0;

    /// <summary>A column is named only when its spread is at least this share of the widest column's (the others are detail).</summary>
    private const double TellingShareOfWidest = 0.5;

    /// <summary>Most context columns named as deciding missing texts.</summary>
    private const int MaxTellingColumns = 3;

    /// <summary>
    /// How missing texts are written: by the missing-text model (the training share, and the context columns that move
    /// its odds most, by the spread of their tokens' weights: at least 1 in log-odds and half the widest spread), or by
    /// the language model ending a text at once.
    /// </summary>
    private string DescribeMissing()
    {
        if (Missing is null) return "a missing text is one that ends at once";
        var share = Missing.TrainingShare is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s * 100:0.#} % of training texts missing; ") : "";
        var spreads = Missing.ColumnSpreads(Context);
        var bar = Math.Max(TellingSpread, TellingShareOfWidest * spreads.DefaultIfEmpty(0).Max());
        var telling = Enumerable.Range(0, spreads.Length).Where(c => spreads[c] >= bar)
            .OrderByDescending(c => spreads[c]).ThenBy(c => c).Take(MaxTellingColumns).Select(c => ContextColumns[c]).ToList();
        var which = ContextColumns.Count == 0 ? "the same rate for every row"
            : telling.Count == 0 ? "which rows, from the context (no column moves the odds much)"
            : "which rows, from the context (mostly " + string.Join(", ", telling) + ")";
        return $"missing texts: {share}{which}";
    }

    /// <inheritdoc />
    public override string?[] Generate(IReadOnlyList<string?[]> context, int rows, long firstRow, SynthRandom random, ParallelOptions parallel) =>
        new LearnedTextSampler(this).GenerateRows(context, rows, firstRow, random, parallel);

    /// <inheritdoc />
    public override TextModelParts Encode() => LearnedTextCodec.Encode(this);

    /// <summary>Reads a model from its stored parts, checking every size, count and range.</summary>
    /// <param name="parts">The parts as the artifact stores them.</param>
    /// <param name="sourceName">The artifact, for error messages.</param>
    /// <exception cref="SynthDataException">The parts are not a consistent learned text model.</exception>
    public static LearnedTextModel Decode(TextModelParts parts, string sourceName) => LearnedTextCodec.Decode(parts, sourceName);
}
