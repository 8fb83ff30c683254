using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using SynthFixtures.Metadata;

namespace SynthFixtures.Text.Learned;

/// <summary>
/// A <see cref="LearnedTextModel"/> ⇄ <see cref="TextModelParts"/>: the context's labels and bin edges, the tokenizer's
/// merges, the network's shape, the sampling settings and the copy guard's bits as JSON; the weights (float32,
/// little-endian) as the payload. Reading checks every size, count and range, so a damaged artifact is an error naming
/// it rather than a crash in sampling.
/// </summary>
internal static class LearnedTextCodec
{
    /// <summary>Format 2 added the context's output weights and the missing-text model; format 1 parts still read.</summary>
    public const int FormatVersion = 2;
    private const int MaxWidth = 8192;
    private const int MaxLayers = 8;
    private const int MaxSampledTokens = 100_000;

    public static TextModelParts Encode(LearnedTextModel model)
    {
        var parameters = new LearnedTextParameters
        {
            Format = FormatVersion,
            Context = model.Context.ContextColumns.Select(c => new ContextColumnParameters
            {
                Name = c.Name, Kind = c.Kind.ToString(), DateTimeFormat = c.DateTimeFormat,
                Labels = c.Labels?.ToArray(), Edges = c.Edges?.ToArray(),
            }).ToArray(),
            Merges = model.Tokenizer.Merges.SelectMany(m => new[] { m.Left, m.Right }).ToArray(),
            EmbeddingWidth = model.Network.EmbeddingWidth,
            HiddenWidth = model.Network.HiddenWidth,
            Layers = model.Network.Layers,
            ContextAtEveryStep = model.Network.ContextAtEveryStep,
            ContextToOutput = model.Network.ContextToOutput,
            Missing = model.Missing is { } missing ? new MissingTextParameters { Intercept = missing.Intercept, Weights = missing.Weights.ToArray(), Share = missing.TrainingShare } : null,
            Temperature = model.Temperature,
            TopP = model.TopP,
            MaxTokens = model.MaxTokens,
            CopyGuard = new CopyGuardParameters
            {
                Texts = model.CopyGuard.Texts,
                Hashes = TrainingTextFingerprints.HashCount,
                Bits = Convert.ToBase64String(ToBytes(model.CopyGuard.Bits)),
            },
        };
        var json = JsonSerializer.SerializeToElement(parameters, LearnedTextJson.Default.LearnedTextParameters);
        var weights = model.Network.Weights;
        var payload = new byte[weights.Length * sizeof(float)];
        for (var i = 0; i < weights.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(payload.AsSpan(i * sizeof(float)), weights[i]);
        return new TextModelParts(LearnedTextModel.KindName, model.Column, json, payload);
    }

    public static LearnedTextModel Decode(TextModelParts parts, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var column = parts.Column;
        if (string.IsNullOrEmpty(column)) throw Inconsistent(sourceName, "(unnamed)", "the text column has no name");
        if (parts.Kind != LearnedTextModel.KindName) throw Inconsistent(sourceName, column, $"its kind is '{parts.Kind}', not '{LearnedTextModel.KindName}'");
        LearnedTextParameters? p;
        try
        {
            p = parts.Parameters.ValueKind == JsonValueKind.Object
                ? parts.Parameters.Deserialize(LearnedTextJson.Default.LearnedTextParameters)
                : null;
        }
        catch (JsonException e)
        {
            throw Inconsistent(sourceName, column, $"its parameters do not read ({e.Message})", e);
        }
        if (p is null) throw Inconsistent(sourceName, column, "its parameters are not a JSON object");
        if (p.Format is < 1 or > FormatVersion) throw Inconsistent(sourceName, column, $"its format is {p.Format}; this version reads 1 to {FormatVersion}");
        Check(!p.ContextToOutput || p.ContextAtEveryStep, sourceName, column, "its context goes to the output but is not added at every step");

        var context = new TextContextEncoder((p.Context ?? throw Inconsistent(sourceName, column, "it has no context list"))
            .Select((c, i) => ReadContextColumn(c, i, sourceName, column)).ToArray());
        var tokenizer = ReadTokenizer(p.Merges, sourceName, column);
        Check(p.EmbeddingWidth is >= 1 and <= MaxWidth, sourceName, column, $"the embedding width {p.EmbeddingWidth} is outside 1–{MaxWidth}");
        Check(p.HiddenWidth is >= 1 and <= MaxWidth, sourceName, column, $"the hidden width {p.HiddenWidth} is outside 1–{MaxWidth}");
        Check(p.Layers is >= 1 and <= MaxLayers, sourceName, column, $"the layer count {p.Layers} is outside 1–{MaxLayers}");
        Check(p.Temperature > 0 && p.Temperature <= LearnedTextModel.MaxTemperature, sourceName, column, $"the temperature {p.Temperature} is outside (0, {LearnedTextModel.MaxTemperature}]");
        Check(p.TopP > 0 && p.TopP <= 1, sourceName, column, $"top-p {p.TopP} is outside (0, 1]");
        Check(p.MaxTokens is >= 1 and <= MaxSampledTokens, sourceName, column, $"max tokens {p.MaxTokens} is outside 1–{MaxSampledTokens}");

        var vocabulary = new LearnedTextVocabulary(context.TokenCount, tokenizer.Count);
        long expected;
        try
        {
            expected = LstmNetwork.ParameterCount(vocabulary.Size, p.EmbeddingWidth, p.HiddenWidth, p.Layers, p.ContextToOutput);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw Inconsistent(sourceName, column, $"an LSTM of {vocabulary.Size} tokens and width {p.HiddenWidth} is too large", e);
        }
        Check(parts.Payload is not null && parts.Payload.LongLength == expected * sizeof(float), sourceName, column,
            $"its weights are {parts.Payload?.LongLength ?? 0} bytes; an LSTM of {vocabulary.Size} tokens, width {p.EmbeddingWidth}/{p.HiddenWidth} and {p.Layers} layer(s) has {expected * sizeof(float)}");
        var weights = new float[expected];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = BinaryPrimitives.ReadSingleLittleEndian(parts.Payload.AsSpan(i * sizeof(float)));
            Check(float.IsFinite(weights[i]), sourceName, column, $"weight {i} is {weights[i]}");
        }
        var network = new LstmNetwork(vocabulary.Size, p.EmbeddingWidth, p.HiddenWidth, p.Layers, weights, p.ContextAtEveryStep, p.ContextToOutput);
        var guard = ReadCopyGuard(p.CopyGuard, sourceName, column);
        return new LearnedTextModel(column, context, tokenizer, network, guard,
            new LearnedTextOptions { Temperature = p.Temperature, TopP = p.TopP, MaxTokens = p.MaxTokens }, ReadMissing(p.Missing, context.TokenCount, sourceName, column));
    }

    private static MissingTextModel? ReadMissing(MissingTextParameters? missing, int contextTokens, string sourceName, string column)
    {
        if (missing is null) return null;
        Check(missing.Weights is not null && missing.Weights.Length == contextTokens, sourceName, column,
            $"its missing-text model has {missing.Weights?.Length ?? 0} token weights; the context has {contextTokens} tokens");
        Check(double.IsFinite(missing.Intercept) && missing.Weights!.All(double.IsFinite), sourceName, column, "its missing-text model has a weight that is not finite");
        Check(missing.Share is null or (>= 0 and <= 1), sourceName, column, $"its missing-text model's share of missing texts {missing.Share} is outside 0–1");
        return new MissingTextModel(missing.Intercept, missing.Weights!, missing.Share);
    }

    private static ContextColumn ReadContextColumn(ContextColumnParameters? c, int index, string sourceName, string column)
    {
        Check(c is not null && !string.IsNullOrEmpty(c.Name), sourceName, column, $"context column {index + 1} has no name");
        Check(Enum.TryParse<ColumnKind>(c!.Kind, ignoreCase: false, out var kind) && Enum.IsDefined(kind), sourceName, column,
            $"context column '{c.Name}' has the unknown kind '{c.Kind}'");
        var isLabels = kind is ColumnKind.Categorical or ColumnKind.Boolean;
        var isNumbers = kind is ColumnKind.Integer or ColumnKind.Decimal or ColumnKind.DateTime;
        Check(isLabels || isNumbers, sourceName, column, $"context column '{c.Name}' is {kind}, which cannot be context");
        if (isLabels)
        {
            Check(c.Labels is not null && c.Edges is null && c.Labels.All(l => l is not null), sourceName, column, $"context column '{c.Name}' needs labels and no bin edges");
            Check(c.Labels!.Distinct(StringComparer.Ordinal).Count() == c.Labels!.Length, sourceName, column, $"context column '{c.Name}' repeats a label");
            return new ContextColumn(c.Name!, kind, null, c.Labels, null);
        }
        Check(c.Edges is not null && c.Labels is null, sourceName, column, $"context column '{c.Name}' needs bin edges and no labels");
        for (var e = 0; e < c.Edges!.Length; e++)
            Check(double.IsFinite(c.Edges[e]) && (e == 0 || c.Edges[e] > c.Edges[e - 1]), sourceName, column, $"the bin edges of context column '{c.Name}' are not finite and ascending");
        return new ContextColumn(c.Name!, kind, c.DateTimeFormat, null, c.Edges);
    }

    private static SubwordTokenizer ReadTokenizer(int[]? merges, string sourceName, string column)
    {
        Check(merges is not null && merges.Length % 2 == 0, sourceName, column, "its tokenizer merges are not pairs of ids");
        try
        {
            return new SubwordTokenizer(Enumerable.Range(0, merges!.Length / 2).Select(k => (merges[2 * k], merges[2 * k + 1])).ToArray());
        }
        catch (ArgumentException e)
        {
            throw Inconsistent(sourceName, column, "its tokenizer is inconsistent: " + e.Message.TrimEnd('.'), e);
        }
    }

    private static TrainingTextFingerprints ReadCopyGuard(CopyGuardParameters? guard, string sourceName, string column)
    {
        Check(guard is not null && guard.Bits is not null, sourceName, column, "it has no copy guard");
        Check(guard!.Hashes == TrainingTextFingerprints.HashCount && guard.Texts >= 0, sourceName, column,
            $"its copy guard uses {guard.Hashes} hashes over {guard.Texts} texts; this version uses {TrainingTextFingerprints.HashCount}");
        var bytes = new byte[guard.Bits!.Length];
        Check(Convert.TryFromBase64String(guard.Bits, bytes, out var written) && written > 0 && written % sizeof(ulong) == 0, sourceName, column,
            "its copy guard's bits are not base64 of whole 64-bit words");
        var bits = new ulong[written / sizeof(ulong)];
        for (var i = 0; i < bits.Length; i++) bits[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)));
        return new TrainingTextFingerprints(bits, guard.Texts);
    }

    private static byte[] ToBytes(IReadOnlyList<ulong> words)
    {
        var bytes = new byte[words.Count * sizeof(ulong)];
        for (var i = 0; i < words.Count; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), words[i]);
        return bytes;
    }

    private static void Check(bool condition, string sourceName, string column, string problem)
    {
        if (!condition) throw Inconsistent(sourceName, column, problem);
    }

    private static SynthDataException Inconsistent(string sourceName, string column, string problem, Exception? inner = null) =>
        new($"The learned text model of column '{column}' is inconsistent: {problem}.", sourceName,
            hint: "The artifact is damaged or was written by another version; train the model again.", columnName: column, inner: inner);
}

/// <summary>The learned text model's parameters as stored (everything but the weights).</summary>
internal sealed record LearnedTextParameters
{
    public int Format { get; init; }
    public ContextColumnParameters?[]? Context { get; init; }
    public int[]? Merges { get; init; }
    public int EmbeddingWidth { get; init; }
    public int HiddenWidth { get; init; }
    public int Layers { get; init; }

    /// <summary>The context embeddings' sum is added to every step's input (absent, as in older parts: false).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ContextAtEveryStep { get; init; }

    /// <summary>A linear map of the context embeddings' sum is added to every step's logits; its weights follow the output bias (absent: false).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ContextToOutput { get; init; }

    /// <summary>Which rows have no text, from their context (absent: a text that ends at once is missing).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MissingTextParameters? Missing { get; init; }

    public double Temperature { get; init; }
    public double TopP { get; init; }
    public int MaxTokens { get; init; }
    public CopyGuardParameters? CopyGuard { get; init; }
}

/// <summary>The missing-text model as stored: the intercept and one weight per context token (log-odds), and the training share of missing texts.</summary>
internal sealed record MissingTextParameters
{
    public double Intercept { get; init; }
    public double[]? Weights { get; init; }

    /// <summary>The share of training rows without text (absent, as in parts written before it was kept: unknown).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Share { get; init; }
}

/// <summary>One context column as stored.</summary>
internal sealed record ContextColumnParameters
{
    public string? Name { get; init; }
    public string? Kind { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DateTimeFormat { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string[]? Labels { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double[]? Edges { get; init; }
}

/// <summary>The copy guard as stored: the Bloom filter's bits (base64 of little-endian 64-bit words).</summary>
internal sealed record CopyGuardParameters
{
    public int Texts { get; init; }
    public int Hashes { get; init; }
    public string? Bits { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LearnedTextParameters))]
internal sealed partial class LearnedTextJson : JsonSerializerContext;
