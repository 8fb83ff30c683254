namespace SynthFixtures.Build;

/// <summary>
/// Limits how many trainers run at once on this machine, across every build process of the user (<c>dotnet build -m</c>
/// nodes, parallel test runs, several solutions): one slot per core. A slot is a lock file in a per-user folder
/// held open with <see cref="FileShare.None"/> (an exclusive lock on every OS) for as long as its trainer runs.
/// </summary>
/// <remarks>
/// Why: each trainer already uses every core it may (libtorch's threads), so two at once on two cores only share
/// them, and more than one per core only adds contention. Named semaphores would say this more directly but .NET
/// supports them only on Windows. The operating system drops a file lock when its process ends, so a crashed or
/// killed build never leaves a slot taken.
/// </remarks>
public sealed class TrainerSlots : IDisposable
{
    /// <summary>How often a waiting trainer looks for a free slot again.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly FileStream? held;

    private TrainerSlots(FileStream? held) => this.held = held;

    /// <summary>Whether this holds a slot (<c>false</c> only when the wait was cancelled).</summary>
    public bool IsHeld => held is not null;

    /// <summary>Which slot file this holds (<c>null</c> when none).</summary>
    public string? SlotFile => held?.Name;

    /// <summary>
    /// The folder the build uses: <c>synthfixtures-trainer-slots-USER</c> under the temp folder (per user, so one
    /// user's builds never wait for another's).
    /// </summary>
    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "synthfixtures-trainer-slots-" + Environment.UserName);

    /// <summary>
    /// Waits for one of <see cref="Environment.ProcessorCount"/> slots in <see cref="DefaultFolder"/>, reporting once
    /// that it waits. Returns an unheld slot when <paramref name="cancelled"/> is signalled first (MSBuild cancels a
    /// <c>ToolTask</c> through its <c>ToolCanceled</c> event, which then also stops the trainer before it starts work).
    /// </summary>
    /// <param name="log">Where the wait is reported (the build log).</param>
    /// <param name="cancelled">Signalled when the build is cancelled.</param>
    public static TrainerSlots Acquire(Action<string> log, WaitHandle cancelled)
    {
        ArgumentNullException.ThrowIfNull(log);
        var slots = Environment.ProcessorCount;
        return Acquire(DefaultFolder, slots, cancelled, () => log(WaitingMessage(slots)));
    }

    /// <summary>What the build log says while every slot is taken.</summary>
    public static string WaitingMessage(int slots) =>
        $"SynthFixtures: waiting for a free trainer slot ({slots} trainer{(slots == 1 ? "" : "s")} already running on this machine, one per core).";

    /// <summary>
    /// Waits until one of <paramref name="slots"/> lock files in <paramref name="folder"/> can be held exclusively,
    /// or until <paramref name="cancelled"/> is signalled (then the result is not held).
    /// </summary>
    /// <param name="folder">The folder shared by every process that competes for the slots (created if missing).</param>
    /// <param name="slots">How many may run at once (at least one).</param>
    /// <param name="cancelled">Ends the wait.</param>
    /// <param name="waiting">Called once, when every slot is taken at the first attempt.</param>
    public static TrainerSlots Acquire(string folder, int slots, WaitHandle cancelled, Action? waiting = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentNullException.ThrowIfNull(cancelled);
        CreatePrivateFolder(folder);
        var reported = false;
        while (true)
        {
            for (var slot = 0; slot < slots; slot++)
                if (TryHold(Path.Combine(folder, $"slot-{slot}.lock")) is { } stream) return new TrainerSlots(stream);
            if (!reported)
            {
                waiting?.Invoke();
                reported = true;
            }
            if (cancelled.WaitOne(PollInterval)) return new TrainerSlots(null);
        }
    }

    /// <summary>Frees the slot for the next trainer.</summary>
    public void Dispose() => held?.Dispose();

    private static FileStream? TryHold(string path)
    {
        try
        {
            // The file's content does not matter; the open handle with FileShare.None is the slot.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;   // another trainer holds it
        }
    }

    private static void CreatePrivateFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);   // the temp folder is per user already
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
