using System.Runtime.ExceptionServices;

namespace SynthFixtures.Training;

/// <summary>
/// Runs a training loop on a thread of its own, and waits for it; the loop's first step
/// (<see cref="TrainingSetup.StartTorch(int?, long)"/>) makes that thread flush subnormal floats (<see cref="FlushDenormals"/>). The mode is a property of the thread, so giving training a fresh thread keeps it away from the
/// caller's thread and from the thread pool: code that runs there later sees IEEE arithmetic as usual.
/// </summary>
/// <remarks>Progress callbacks and validation scoring run on the training thread, under the same mode.</remarks>
internal static class TrainingThread
{
    /// <summary>Libtorch's autograd recursion and our own loops stay far below this; the default is smaller on some platforms.</summary>
    private const int StackBytes = 16 * 1024 * 1024;

    [ThreadStatic] private static bool isCurrent;

    /// <summary>Whether the calling thread is one that <see cref="Run{T}"/> started (and so may flush subnormals).</summary>
    public static bool IsCurrent => isCurrent;

    /// <summary>Runs <paramref name="train"/> to completion on a new thread; its exception, if any, is rethrown here with its stack.</summary>
    public static T Run<T>(Func<T> train)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                isCurrent = true;
                result = train();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes)
        {
            Name = "SynthFixtures training",
            IsBackground = true,   // a process that ends (Ctrl+C after cancellation) does not wait for it
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
