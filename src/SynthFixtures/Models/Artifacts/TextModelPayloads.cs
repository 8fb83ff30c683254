using System.Text.Json;
using SynthFixtures.Text;

namespace SynthFixtures.Models.Artifacts;

/// <summary>
/// The learned text models of an artifact (format version 2): their weights follow the tabular model's in the payload,
/// one after another, each at the offset and length its header entry gives. Every inconsistency is an error naming the file.
/// </summary>
internal static class TextModelPayloads
{
    private const string Retrain = "The file was edited or not written by SynthFixtures: retrain the model.";

    /// <summary>How many payload bytes belong to the tabular model, after checking that the text models' spans tile the rest.</summary>
    public static int TabularLength(ArtifactHeader header, uint version, int payloadLength, string sourceName)
    {
        if (header.TextModels is not { Count: > 0 } texts) return payloadLength;
        if (version < 2)
            throw new SynthDataException($"The model file has format version {version}, which cannot hold text models, but its header lists some.", sourceName, hint: Retrain);
        if (texts.Any(t => t is null))
            throw new SynthDataException("The model header lists a text model that is null.", sourceName, hint: Retrain);
        var start = texts[0].PayloadOffset;
        if (start < 0 || start > payloadLength)
            throw Inconsistent($"The text model of '{texts[0].Column}' starts at byte {start} of a payload of {payloadLength} bytes.", sourceName);
        var next = start;
        foreach (var text in texts)
        {
            if (text.PayloadOffset != next || text.PayloadLength < 0 || text.PayloadLength > payloadLength - next)
                throw Inconsistent($"The text model of '{text.Column}' claims payload bytes {text.PayloadOffset} to {text.PayloadOffset + text.PayloadLength}, "
                    + $"but its weights would start at byte {next} of a payload of {payloadLength} bytes.", sourceName);
            next += text.PayloadLength;
        }
        if (next != payloadLength)
            throw Inconsistent($"The text models' weights end at byte {next}, but the payload has {payloadLength} bytes.", sourceName);
        return (int)start;
    }

    /// <summary><paramref name="model"/> with the text models decoded and checked against its metadata.</summary>
    public static SynthModel Attach(SynthModel model, IReadOnlyList<ArtifactTextModel> texts, ReadOnlySpan<byte> payload,
        TextModelDecoders decoders, string sourceName)
    {
        var models = new List<TextColumnModel>(texts.Count);
        foreach (var text in texts)
        {
            if (text.Kind is null || text.Column is null)
                throw new SynthDataException("The model header lists a text model without its kind or column.", sourceName, hint: Retrain);
            var decode = decoders.For(text.Kind)
                ?? throw new SynthDataException($"The text model of '{text.Column}' is of kind '{text.Kind}', which this SynthFixtures does not know.",
                    sourceName, columnName: text.Column,
                    hint: decoders.Kinds.Count == 0 ? "Upgrade SynthFixtures or retrain the model." : $"Known text kinds: {string.Join(", ", decoders.Kinds)}. Upgrade SynthFixtures or retrain.");
            var parts = new TextModelParts(text.Kind, text.Column, text.Parameters, payload.Slice((int)text.PayloadOffset, (int)text.PayloadLength).ToArray());
            TextColumnModel decoded;
            try
            {
                decoded = decode(parts, sourceName);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or InvalidDataException)
            {
                throw new SynthDataException($"The text model of '{text.Column}' is not valid: {e.Message}", sourceName, columnName: text.Column, hint: Retrain, inner: e);
            }
            if (decoded.Kind != text.Kind || decoded.Column != text.Column)
                throw Inconsistent($"The text model listed as {text.Kind} of '{text.Column}' reads as {decoded.Kind} of '{decoded.Column}'.", sourceName);
            models.Add(decoded);
        }
        if (TextModelCheck.Problem(model.Metadata, model.Privacy, models) is { } problem) throw Inconsistent(problem, sourceName);
        return model.WithTextModels(models);
    }

    private static SynthDataException Inconsistent(string problem, string sourceName) => new(problem, sourceName, hint: Retrain);
}
