using SynthFixtures.Training;

namespace SynthFixtures.Training.Tests;

public class TrainingThreadCountTests
{
    [Theory]
    [InlineData(2, 1, 1)]   // a container allowed one CPU on a two-core host: libtorch would start two threads
    [InlineData(2, 4, 2)]   // libtorch counts physical cores; more logical ones do not raise it
    [InlineData(4, 4, 4)]
    [InlineData(0, 2, 1)]
    public void The_default_is_libtorchs_capped_at_the_cores_available(int libtorchDefault, int availableCores, int expected) =>
        Assert.Equal(expected, TrainingThreadCount.Default(libtorchDefault, availableCores));

    [Fact]
    public void A_requested_count_is_used_as_given_and_none_never_exceeds_the_processs_cores()
    {
        TorchRuntime.EnsureLoaded();
        Assert.Equal(3, TrainingThreadCount.Resolve(3));
        var userSet = OpenMpEnvironment.NativeValue("OMP_NUM_THREADS") is not null || OpenMpEnvironment.NativeValue("MKL_NUM_THREADS") is not null;
        if (!userSet) Assert.InRange(TrainingThreadCount.Resolve(null), 1, Environment.ProcessorCount);
    }
}
