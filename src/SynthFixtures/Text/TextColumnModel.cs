using System.Text.Json;
using SynthFixtures.Randomness;

namespace SynthFixtures.Text;

/// <summary>
/// A learned model of one free-text column, conditioned on the other cells of its row. It is trained at build time
/// (TorchSharp for the neural kind), stored in the <c>.synth</c> artifact beside the tabular model, and sampled in pure
/// C#: the tabular model draws a row's other cells first, then this model writes the row's text to fit them.
/// </summary>
public abstract class TextColumnModel
{
    /// <summary>Base constructor.</summary>
    /// <param name="column">The text column this model writes.</param>
    /// <param name="contextColumns">The columns whose cells it conditions on, in the order <see cref="Generate(IReadOnlyList{string?[]}, int, long, SynthRandom, ParallelOptions)"/> receives them.</param>
    protected TextColumnModel(string column, IReadOnlyList<string> contextColumns)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(contextColumns);
        Column = column;
        ContextColumns = contextColumns;
    }

    /// <summary>The text column this model writes.</summary>
    public string Column { get; }

    /// <summary>The columns whose cells condition the text, in the order <see cref="Generate(IReadOnlyList{string?[]}, int, long, SynthRandom, ParallelOptions)"/> receives them.</summary>
    public IReadOnlyList<string> ContextColumns { get; }

    /// <summary>The text model kind as written in artifacts and settings (e.g. <c>learned</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>How the column is modelled, in one line for <c>synthfixtures inspect</c>.</summary>
    public abstract string Describe();

    /// <summary>
    /// The text of rows <paramref name="firstRow"/> … <paramref name="firstRow"/> + <paramref name="rows"/> − 1.
    /// <c>context[c][i]</c> is context column c's cell of row i, formatted as the source wrote it (<c>null</c>: missing);
    /// each context array holds <paramref name="rows"/> cells (a model without context columns gets none). Row r draws
    /// only from <c>random.Derive(r)</c>, so any split into chunks and any thread count give the same text. A returned
    /// <c>null</c> is a missing cell.
    /// </summary>
    public abstract string?[] Generate(IReadOnlyList<string?[]> context, int rows, long firstRow, SynthRandom random, ParallelOptions parallel);

    /// <summary>As <see cref="Generate(IReadOnlyList{string?[]}, int, long, SynthRandom, ParallelOptions)"/>, with the row count read from the context.</summary>
    /// <exception cref="ArgumentException">The model has no context columns (say the row count), or the context arrays differ in length.</exception>
    public string?[] Generate(IReadOnlyList<string?[]> context, long firstRow, SynthRandom random, ParallelOptions parallel)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Count == 0)
            throw new ArgumentException($"The text model of '{Column}' has no context columns, so the row count cannot be told from them: pass it.", nameof(context));
        return Generate(context, context[0].Length, firstRow, random, parallel);
    }

    /// <summary>The model as the artifact stores it: parameters as JSON (never source text) and weights as bytes.</summary>
    public abstract TextModelParts Encode();
}

/// <summary>A text model as stored in the artifact.</summary>
/// <param name="Kind">The text model kind (<see cref="TextColumnModel.Kind"/>).</param>
/// <param name="Column">The text column.</param>
/// <param name="Parameters">Everything but the weights, as JSON.</param>
/// <param name="Payload">The weights (float32, little-endian), or empty.</param>
public sealed record TextModelParts(string Kind, string Column, JsonElement Parameters, byte[] Payload);
