using System.Diagnostics;
using SynthFixtures.Build;

namespace SynthFixtures.Tests.Build;

/// <summary>The build's cross-process limit on concurrent trainers: lock files held exclusively, one per slot.</summary>
public sealed class TrainerSlotsTests : IDisposable
{
    /// <summary>Long enough for any machine to get there, short of hanging the run when something is broken.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "synthfixtures-slots-test-" + Guid.NewGuid().ToString("N"));
    private readonly ManualResetEvent neverCancelled = new(false);

    [Fact]
    public async Task The_acquirer_after_the_last_slot_waits_until_a_holder_leaves_and_then_takes_its_slot()
    {
        using var first = TrainerSlots.Acquire(folder, 2, neverCancelled);
        var second = TrainerSlots.Acquire(folder, 2, neverCancelled);
        Assert.True(first.IsHeld && second.IsHeld);
        Assert.NotEqual(first.SlotFile, second.SlotFile);

        using var waiting = new ManualResetEventSlim();
        var third = Task.Run(() => TrainerSlots.Acquire(folder, 2, neverCancelled, waiting.Set));
        Assert.True(waiting.Wait(Patience), "the third acquirer never reported that it waits");
        Assert.False(third.IsCompleted);

        var freed = second.SlotFile;
        second.Dispose();
        using var thirdSlot = await third.WaitAsync(Patience);
        Assert.True(thirdSlot.IsHeld);
        Assert.Equal(freed, thirdSlot.SlotFile);
    }

    [Fact]
    public async Task Many_concurrent_acquirers_never_hold_more_slots_than_there_are()
    {
        const int slots = 2, acquirers = slots + 3, rounds = 20;
        var holding = 0;
        var mostAtOnce = 0;
        var workers = Enumerable.Range(0, acquirers).Select(_ => Task.Factory.StartNew(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                using var slot = TrainerSlots.Acquire(folder, slots, neverCancelled);
                Assert.True(slot.IsHeld);
                var now = Interlocked.Increment(ref holding);
                InterlockedMax(ref mostAtOnce, now);
                Thread.Sleep(2);   // hold it for a moment, as a trainer would
                Interlocked.Decrement(ref holding);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        await Task.WhenAll(workers).WaitAsync(Patience * 2);
        Assert.InRange(mostAtOnce, 1, slots);
    }

    [Fact]
    public void A_cancelled_wait_returns_without_a_slot()
    {
        using var only = TrainerSlots.Acquire(folder, 1, neverCancelled);
        using var cancelled = new ManualResetEvent(true);
        var reported = false;
        using var none = TrainerSlots.Acquire(folder, 1, cancelled, () => reported = true);
        Assert.False(none.IsHeld);
        Assert.Null(none.SlotFile);
        Assert.True(reported);
    }

    [SkippableFact]
    public async Task A_slot_held_by_another_process_is_respected_and_freed_when_that_process_dies()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/usr/bin/flock"), "needs flock(1), which takes the same lock .NET's FileShare.None takes on Linux");
        Directory.CreateDirectory(folder);
        var slotFile = Path.Combine(folder, "slot-0.lock");
        // Another process (not .NET) locks slot 0 exclusively, says so, and becomes `sleep`, which keeps the locked file open.
        using var holder = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "exec 9>\"$1\" && flock -x 9 && echo locked && exec sleep 600", "holder", slotFile])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        })!;
        try
        {
            Assert.Equal("locked", await holder.StandardOutput.ReadLineAsync().WaitAsync(Patience));
            using var held = new ManualResetEventSlim();
            var acquiring = Task.Run(() => TrainerSlots.Acquire(folder, 1, neverCancelled, held.Set));
            Assert.True(held.Wait(Patience), "the other process's lock was not seen as a taken slot");
            Assert.False(acquiring.IsCompleted);

            holder.Kill();   // a crashed trainer: the operating system drops its lock
            using var slot = await acquiring.WaitAsync(Patience);   // a timeout here: the killed process's slot was not freed
            Assert.Equal(slotFile, slot.SlotFile);
        }
        finally
        {
            if (!holder.HasExited) holder.Kill();
        }
    }

    [Fact]
    public void The_waiting_message_says_why_the_build_waits()
    {
        Assert.Equal("SynthFixtures: waiting for a free trainer slot (2 trainers already running on this machine, one per core).", TrainerSlots.WaitingMessage(2));
        Assert.Contains("(1 trainer already running", TrainerSlots.WaitingMessage(1));
    }

    public void Dispose()
    {
        neverCancelled.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* a slot still open on a failing path */ }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}
