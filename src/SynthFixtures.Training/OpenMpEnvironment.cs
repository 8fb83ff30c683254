using System.Runtime.InteropServices;

namespace SynthFixtures.Training;

/// <summary>
/// Asks the OpenMP runtime that libtorch ships (libgomp on Linux) to put idle worker threads to sleep instead of
/// spinning, unless the user already chose a wait policy. Must run before libtorch loads: the runtime reads its
/// environment once, when it initialises.
/// </summary>
/// <remarks>
/// Why: spinning workers hold their core while they wait for the rest of their team. When another process takes a
/// core, a team as large as the machine cannot finish a parallel region until the descheduled member runs again,
/// and its spinning peers take that member's turn: CTGAN on adult went from about 2.9 s to 186 s an epoch with one
/// busy process on two cores; with the passive policy it took 3.4–4.3 s. The price is paid on a quiet machine, where
/// waking the team for every small operation made epochs 25–45 % slower than spinning (docs/neural-models.md,
/// "Threads and a busy machine"); <c>OMP_WAIT_POLICY=ACTIVE</c> takes spinning back.
/// <para>
/// .NET keeps its own copy of the environment on Unix (<see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// does not reach native code), so the variable goes into the C library's environment through <c>setenv</c>.
/// </para>
/// </remarks>
internal static class OpenMpEnvironment
{
    /// <summary>The OpenMP variable that decides between spinning (<c>ACTIVE</c>) and sleeping (<c>PASSIVE</c>) while idle.</summary>
    public const string WaitPolicyVariable = "OMP_WAIT_POLICY";

    /// <summary>The policy set when the user set none.</summary>
    public const string PassivePolicy = "PASSIVE";

    /// <summary>
    /// Sets <c>OMP_WAIT_POLICY=PASSIVE</c> in the process's native environment unless it is already set (a user's
    /// choice, <c>ACTIVE</c> for instance, wins). Call it before the first TorchSharp call.
    /// </summary>
    public static void PreferPassiveWaiting()
    {
        if (OperatingSystem.IsWindows())
        {
            // On Windows .NET's environment is the process's, which the OpenMP runtime reads.
            if (Environment.GetEnvironmentVariable(WaitPolicyVariable) is null)
                Environment.SetEnvironmentVariable(WaitPolicyVariable, PassivePolicy);
            return;
        }
        // Overwrite 0: a value the process started with stays. A failure (out of memory) leaves libtorch's default,
        // which is slower under load but correct.
        _ = SetEnv(WaitPolicyVariable, PassivePolicy, overwrite: 0);
    }

    /// <summary>The variable as native code sees it (<c>null</c>: unset); what the OpenMP runtime will read.</summary>
    public static string? NativeValue(string name) =>
        OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable(name) : Marshal.PtrToStringUTF8(GetEnv(name));

    // DllImport rather than LibraryImport: its marshalling needs no source generator (ImplicitScalarTests compiles
    // these sources without one) and no unsafe code.
    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc", EntryPoint = "getenv")]
    private static extern IntPtr GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
