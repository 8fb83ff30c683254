using SynthFixtures.Data;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;

namespace SynthFixtures.Tests.Models;

/// <summary>One seed in, identical bytes out: for artifacts, for samples, whatever the thread count.</summary>
public sealed class DeterminismTests
{
    private static GaussianCopulaModel Fit(long seed = 1) =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = seed });

    private static byte[] Csv(Table table)
    {
        using var writer = new StringWriter();
        CsvTableWriter.Write(table, writer);
        return System.Text.Encoding.UTF8.GetBytes(writer.ToString());
    }

    [Fact]
    public void Same_data_settings_and_seed_give_a_byte_identical_artifact()
    {
        Assert.Equal(ModelArtifact.ToBytes(Fit()), ModelArtifact.ToBytes(Fit()));
        Assert.NotEqual(ModelArtifact.ToBytes(Fit(1)), ModelArtifact.ToBytes(Fit(2)));
    }

    [Fact]
    public void Same_artifact_and_seed_give_byte_identical_samples_with_one_or_two_threads()
    {
        var model = ModelArtifact.FromBytes(ModelArtifact.ToBytes(Fit()));
        var one = Csv(model.Sample(5000, 42, options: new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable());
        var two = Csv(model.Sample(5000, 42, options: new SamplingOptions { MaxDegreeOfParallelism = 2 }).ToTable());
        var all = Csv(model.Sample(5000, 42).ToTable());
        Assert.Equal(one, two);
        Assert.Equal(one, all);
        Assert.NotEqual(one, Csv(model.Sample(5000, 43).ToTable()));
    }

    [Fact]
    public void Conditional_samples_are_identical_for_any_thread_count()
    {
        var model = Fit();
        Condition[] conditions = [Condition.Parse("x>=55"), Condition.Parse("group=high")];
        var one = Csv(model.Sample(3000, 8, conditions, new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable());
        var two = Csv(model.Sample(3000, 8, conditions, new SamplingOptions { MaxDegreeOfParallelism = 2 }).ToTable());
        var eight = Csv(model.Sample(3000, 8, conditions, new SamplingOptions { MaxDegreeOfParallelism = 8 }).ToTable());
        Assert.Equal(one, two);
        Assert.Equal(one, eight);
    }

    [Fact]
    public void A_smaller_sample_is_a_prefix_of_a_larger_one_with_the_same_seed()
    {
        var model = Fit();
        var small = model.Sample(1500, 3).ToTable();
        var large = model.Sample(4000, 3).ToTable();
        for (var row = 0; row < small.RowCount; row++)
            for (var column = 1; column < small.ColumnCount; column++) // column 0 is the key, a counter
                Assert.Equal(small[row, column], large[row, column]);
    }

    [Fact]
    public void A_loaded_model_samples_exactly_like_the_fitted_one()
    {
        var model = Fit();
        var loaded = ModelArtifact.FromBytes(ModelArtifact.ToBytes(model));
        Assert.Equal(Csv(model.Sample(2000, 5).ToTable()), Csv(loaded.Sample(2000, 5).ToTable()));
        Assert.Equal(ModelArtifact.ToBytes(model), ModelArtifact.ToBytes(loaded));
    }
}
