using System.Buffers.Binary;
using System.Text.Json;
using SynthFixtures.Models.Artifacts;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// Converts a <see cref="NeuralSynthModel"/> to the artifact's parameter JSON (everything but the weights, plus the
/// network layout) and float32 payload, and back. Decoding checks that the payload holds exactly the weights the layout
/// needs, all finite, and that the network, σ, condition vector and transformer fit together before a model is built.
/// </summary>
internal static class NeuralModelCodec
{
    internal sealed record Parameters(NeuralModelParameters Model, NetworkLayout Network);

    public static JsonElement Encode(NeuralSynthModel model)
    {
        var (layout, _) = NetworkCodec.Write(model.Network);
        return JsonSerializer.SerializeToElement(new Parameters(model.Parameters, layout), ArtifactJson.Default.NeuralParameters);
    }

    /// <summary>The network's weights as little-endian float32.</summary>
    public static byte[] Payload(NeuralSynthModel model)
    {
        var (_, weights) = NetworkCodec.Write(model.Network);
        var bytes = new byte[weights.Length * sizeof(float)];
        for (var i = 0; i < weights.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), weights[i]);
        return bytes;
    }

    public static NeuralSynthModel Decode(ArtifactHeader header, ReadOnlySpan<byte> payload, string source)
    {
        Parameters parameters;
        try
        {
            parameters = header.Parameters.Deserialize(ArtifactJson.Default.NeuralParameters) ?? throw new JsonException("no parameters");
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"its parameters do not match the {header.ModelKind} layout ({e.Message})", e);
        }
        if (parameters.Model is null || parameters.Network is null) throw Invalid(source, "its parameters lack the model or the network layout");
        if (header.Metadata?.Columns is null || header.Metadata.Columns.Count == 0) throw Invalid(source, "it has no column metadata");
        if (payload.Length % sizeof(float) != 0) throw Invalid(source, $"its payload ({payload.Length} bytes) is not a whole number of float32 weights");
        var weights = new float[payload.Length / sizeof(float)];
        for (var i = 0; i < weights.Length; i++) weights[i] = BinaryPrimitives.ReadSingleLittleEndian(payload[(i * sizeof(float))..]);
        try
        {
            var network = NetworkCodec.Read(parameters.Network, weights);
            return new NeuralSynthModel(header.ModelKind, header.Metadata, header.Provenance, parameters.Model, network, header.TrainingSettings);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException or JsonException or InvalidOperationException)
        {
            throw Invalid(source, e.Message.TrimEnd('.'), e);
        }
    }

    private static SynthDataException Invalid(string source, string why, Exception? inner = null) =>
        new($"The model file is inconsistent: {why}.", source, hint: "The file was edited or damaged: retrain the model.", inner: inner);
}
