namespace SynthFixtures.Transforms.Modes;

/// <summary>How a network's output span is activated: one scalar through tanh, or a one-hot through softmax (Gumbel-softmax in training, argmax in sampling).</summary>
public enum SpanActivation
{
    /// <summary>A single scalar α in [−1, 1].</summary>
    Tanh,
    /// <summary>A one-hot block: a mode, a category, or present/missing.</summary>
    Softmax,
}

/// <summary>What a span encodes; CTGAN's condition vector, for one, is built from <see cref="Category"/> spans only.</summary>
public enum SpanRole
{
    /// <summary>α of a continuous column.</summary>
    Alpha,
    /// <summary>The one-hot of a continuous column's mode.</summary>
    Mode,
    /// <summary>A continuous column's present/missing one-hot.</summary>
    Missing,
    /// <summary>The one-hot of a categorical or boolean column's label.</summary>
    Category,
}

/// <summary>A contiguous block of columns in the transformed matrix, belonging to one source column.</summary>
/// <param name="Column">The source column's name.</param>
/// <param name="Start">Index of the first matrix column.</param>
/// <param name="Length">Number of matrix columns.</param>
/// <param name="Activation">How a network's output for this block is activated.</param>
/// <param name="Role">What the block encodes.</param>
public sealed record OutputSpan(string Column, int Start, int Length, SpanActivation Activation, SpanRole Role);
