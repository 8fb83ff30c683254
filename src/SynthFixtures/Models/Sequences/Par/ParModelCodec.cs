using System.Buffers.Binary;
using System.Text.Json;

namespace SynthFixtures.Models.Sequences.Par;

/// <summary>
/// A PAR model's bytes: an 8-byte tag (<c>PARSTEP</c> and a format version), the parameter JSON's length (int32, little
/// endian) and UTF-8 JSON (<see cref="ParModelParameters"/>), then the network's weights as little-endian float32 in
/// <see cref="GruNetwork"/>'s layout. Reading checks every part before a model is built.
/// </summary>
internal static class ParModelCodec
{
    private static ReadOnlySpan<byte> Tag => "PARSTEP\u0001"u8;

    public static byte[] Write(ParStepModel model)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(model.Parameters, Artifacts.ArtifactJson.Default.ParParameters);
        var weights = model.Network.Weights;
        var bytes = new byte[Tag.Length + sizeof(int) + json.Length + weights.Length * sizeof(float)];
        Tag.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Tag.Length), json.Length);
        json.CopyTo(bytes, Tag.Length + sizeof(int));
        var at = Tag.Length + sizeof(int) + json.Length;
        for (var i = 0; i < weights.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at + i * sizeof(float)), weights[i]);
        return bytes;
    }

    public static ParStepModel Read(ReadOnlySpan<byte> bytes, string? source)
    {
        if (bytes.Length < Tag.Length + sizeof(int) || !bytes[..Tag.Length].SequenceEqual(Tag))
            throw Invalid(source, "its sequence step model is not a PAR model of this version");
        var jsonLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[Tag.Length..]);
        var weightsAt = (long)Tag.Length + sizeof(int) + jsonLength;
        if (jsonLength < 2 || weightsAt > bytes.Length) throw Invalid(source, "its PAR parameters are cut short");
        if ((bytes.Length - weightsAt) % sizeof(float) != 0) throw Invalid(source, "its PAR weights are not a whole number of float32 values");
        ParModelParameters parameters;
        try
        {
            parameters = JsonSerializer.Deserialize(bytes.Slice(Tag.Length + sizeof(int), jsonLength), Artifacts.ArtifactJson.Default.ParParameters)
                ?? throw new JsonException("no parameters");
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"its PAR parameters do not read ({e.Message})", e);
        }
        var payload = bytes[(int)weightsAt..];
        var weights = new float[payload.Length / sizeof(float)];
        for (var i = 0; i < weights.Length; i++) weights[i] = BinaryPrimitives.ReadSingleLittleEndian(payload[(i * sizeof(float))..]);
        try
        {
            if (parameters.Steps is null) throw new ArgumentException("The step columns' transformer is missing.");
            var steps = new Transforms.Modes.ModeSpecificTransformer(parameters.Steps);
            var contextWidth = parameters.Context is { } context ? new Transforms.Modes.ModeSpecificTransformer(context).Width : 0;
            var layout = new ParOutputLayout(steps);
            if (parameters.Covariates is < 0 or > 64) throw new ArgumentException($"It has {parameters.Covariates} covariates a step.");
            var network = new GruNetwork(layout.InputWidth(contextWidth, parameters.Covariates), parameters.HiddenWidth, parameters.Layers, layout.OutputWidth, weights);
            return new ParStepModel(parameters, network);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException or InvalidOperationException)
        {
            throw Invalid(source, e.Message.TrimEnd('.'), e);
        }
    }

    private static SynthDataException Invalid(string? source, string why, Exception? inner = null) =>
        new($"The model file is inconsistent: {why}.", source, hint: "The file was edited or damaged: retrain the model.", inner: inner);
}
