using System.Globalization;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Modeling.Sequences;

public sealed class SequenceModelTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SequenceModel _model;

    public SequenceModelTests()
    {
        var csv = SequenceFixtures.WriteAr1(_folder);
        _model = SequenceFixtures.Train(csv, _folder.File("s.synth")).Model;
    }

    public void Dispose() => _folder.Dispose();

    private static IEnumerable<(int Start, int Length)> Entities(SampledSequences sample) =>
        Enumerable.Range(0, sample.EntityCount).Select(i => (sample.EntityStart(i), sample.Lengths[i]));

    [Fact]
    public void The_region_is_found_as_the_context_and_the_daily_index_is_regular()
    {
        Assert.Equal(["region"], _model.Sequence.ContextColumns);
        Assert.Equal("daily", _model.Index.Describe());
        Assert.Equal(["sensor", "date", "region", "reading", "state"], _model.Metadata.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Sampled_entities_have_unique_keys_daily_dates_one_region_and_lengths_that_follow_it()
    {
        var sample = _model.Sample(200, seed: 5);
        var table = sample.Rows.ToTable();
        Assert.Equal(200, sample.EntityCount);
        var keys = Entities(sample).Select(e => table[e.Start, 0]!).ToList();
        Assert.Equal(200, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^S-[0-9]{3,}$", k));
        var lengths = new Dictionary<string, List<int>> { ["EU"] = [], ["US"] = [] };
        foreach (var (start, length) in Entities(sample))
        {
            var dates = Enumerable.Range(start, length).Select(r => DateTime.ParseExact(table[r, 1]!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
            Assert.All(dates.Skip(1).Zip(dates), pair => Assert.Equal(1, (pair.First - pair.Second).TotalDays));
            Assert.Single(Enumerable.Range(start, length).Select(r => table[r, 2]).Distinct());
            Assert.All(Enumerable.Range(start, length), r => Assert.Equal(keys[Entities(sample).ToList().IndexOf((start, length))], table[r, 0]));
            lengths[table[start, 2]!].Add(length);
        }
        // Lengths follow the context: EU sensors have 15–20 steps, US ones 35–45.
        Assert.InRange(lengths["EU"].Average(), 14, 22);
        Assert.InRange(lengths["US"].Average(), 33, 46);
    }

    [Fact]
    public void Steps_follow_the_context_and_keep_the_autocorrelation()
    {
        var sample = _model.Sample(200, seed: 6);
        var reading = sample.Rows["reading"].Numbers!;
        var region = sample.Rows["region"].Cells();
        var byRegion = Entities(sample).GroupBy(e => region[e.Start]!)
            .ToDictionary(g => g.Key, g => g.Select(e => reading.AsSpan(e.Start, e.Length).ToArray()).ToList());
        Assert.InRange(byRegion["EU"].SelectMany(v => v).Average(), 1, 3);
        Assert.InRange(byRegion["US"].SelectMany(v => v).Average(), -3, -1);
        // The source's lag-1 autocorrelation is 0.8 (less within short entities centred on their own mean); independent steps would give about 0.
        Assert.InRange(SequenceFixtures.Lag1(byRegion.Values.SelectMany(v => v)), 0.5, 0.9);
    }

    [Fact]
    public void A_condition_on_the_context_holds_on_every_entity()
    {
        var sample = _model.Sample(50, seed: 7, [Condition.Parse("region=US")]);
        Assert.Equal(50, sample.EntityCount);
        Assert.All(sample.Rows["region"].Cells(), cell => Assert.Equal("US", cell));
        // The copula context model draws lengths given the region (US: 35–45 in the source), with some spill into the EU range.
        Assert.InRange(sample.Lengths.Average(), 33, 46);
        Assert.True(sample.Lengths.Count(length => length >= 30) >= 35, string.Join(", ", sample.Lengths));
    }

    [Theory]
    [InlineData("reading>0", "per-step column 'reading'")]
    [InlineData("sensor=S-001", "entity column 'sensor'")]
    [InlineData("date>=2020-03-01", "sequence index 'date'")]
    [InlineData("colour=red", "not a column of the sequence model")]
    public void A_condition_off_the_context_is_refused_before_any_entity_is_drawn(string condition, string expected)
    {
        var error = Assert.Throws<SynthDataException>(() => _model.SampleEntities(5, 1, [Condition.Parse(condition)]));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_is_the_same_for_any_thread_count_and_chunk_size_and_after_a_round_trip()
    {
        var loaded = SequenceModelArtifact.FromBytes(SequenceModelArtifact.ToBytes(_model));
        string Write(SequenceModel model, int threads, int chunkRows, string name)
        {
            var path = _folder.File(name);
            SequenceSamplingService.Sample(new SequenceSamplingRequest
            {
                Model = model, Entities = 300, OutputPath = path, Seed = 11,
                Options = new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = chunkRows },
            });
            return File.ReadAllText(path);
        }
        var one = Write(_model, 1, 8_192, "a.csv");
        Assert.Equal(one, Write(_model, 2, 8_192, "b.csv"));
        Assert.Equal(one, Write(_model, 2, 100, "c.csv"));
        Assert.Equal(one, Write(loaded, 1, 8_192, "d.csv"));
        Assert.NotEqual(one, File.ReadAllText(Write2()));
        Assert.StartsWith("sensor,date,region,reading,state\n", one, StringComparison.Ordinal);

        string Write2()
        {
            var path = _folder.File("e.csv");
            SequenceSamplingService.Sample(new SequenceSamplingRequest { Model = _model, Entities = 300, OutputPath = path, Seed = 12 });
            return path;
        }
    }

    [Fact]
    public void The_first_entities_of_a_sample_are_a_smaller_sample()
    {
        var large = _model.Sample(40, seed: 9).Rows.ToTable();
        var small = _model.Sample(10, seed: 9);
        var table = small.Rows.ToTable();
        for (var r = 0; r < table.RowCount; r++)
            for (var c = 0; c < table.ColumnCount; c++)
                Assert.Equal(large[r, c], table[r, c]);
    }

    [Fact]
    public void A_step_kind_the_reader_does_not_know_is_refused()
    {
        var bytes = SequenceModelArtifact.ToBytes(_model);
        var error = Assert.Throws<SynthDataException>(() => SequenceModelArtifact.FromBytes(bytes, "s.synth", SequenceStepDecoders.None));
        Assert.Contains("of kind 'lagged-copula', which this SynthFixtures cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_file_is_refused()
    {
        var bytes = SequenceModelArtifact.ToBytes(_model);
        bytes[bytes.Length / 2] ^= 0xFF;
        Assert.Contains("checksum", Assert.Throws<SynthDataException>(() => SequenceModelArtifact.FromBytes(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Holding_out_entities_keeps_each_entity_whole()
    {
        var result = SequenceFixtures.Train(SequenceFixtures.WriteAr1(_folder), _folder.File("h.synth"), holdout: 0.25);
        Assert.Equal(15, result.HoldoutEntities);
        Assert.Equal(45, result.Entities);
        var held = SynthFixtures.Data.CsvTableReader.Read(result.HoldoutPath!);
        var heldKeys = held.Column("sensor").Distinct().ToList();
        Assert.Equal(15, heldKeys.Count);
        var all = SynthFixtures.Data.CsvTableReader.Read(_folder.File("sensors.csv"));
        foreach (var key in heldKeys)
            Assert.Equal(all.Column("sensor").Count(k => k == key), held.Column("sensor").Count(k => k == key));
    }
}
