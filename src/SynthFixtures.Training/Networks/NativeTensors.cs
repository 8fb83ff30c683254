using static TorchSharp.torch;

namespace SynthFixtures.Training.Networks;

/// <summary>
/// Float tensors copied from managed arrays into libtorch's own memory. <c>torch.tensor(float[])</c> keeps its values in
/// a pinned managed array, at whatever address the garbage collector chose, and that address differs from one process
/// to the next; libtorch's CPU matrix kernels (GRU, linear layers, <c>mm</c>) round differently for differently aligned
/// operands, so the same values at another address give other last bits and training stops being reproducible.
/// Libtorch's allocator aligns every buffer alike (64 bytes).
/// </summary>
internal static class NativeTensors
{
    /// <summary>A tensor of <paramref name="shape"/> in libtorch's memory holding <paramref name="values"/>.</summary>
    public static Tensor From(float[] values, long[] shape)
    {
        using var managed = tensor(values, shape);
        return managed.clone();
    }
}
