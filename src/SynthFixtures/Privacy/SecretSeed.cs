using System.Security.Cryptography;

namespace SynthFixtures.Privacy;

/// <summary>
/// The seed of a differentially private fit's noise and private choices. It cannot be the training seed: that seed is
/// public (the project file, the model's provenance), and whoever can regenerate the noise can subtract it, which voids
/// the guarantee. So it comes from the operating system's cryptographic generator and lives only in the fit's memory.
/// </summary>
public static class SecretSeed
{
    /// <summary>64 fresh bits from the operating system's cryptographic generator.</summary>
    public static long Draw()
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToInt64(bytes);
    }
}
