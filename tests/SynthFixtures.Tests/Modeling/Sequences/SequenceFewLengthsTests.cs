using System.Globalization;
using System.Text;
using SynthFixtures.Randomness;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Modeling.Sequences;

/// <summary>
/// Few distinct lengths and starts (as in a price panel where most series span the whole period and one starts late):
/// the context model learns them as labels, so sampled entities have only lengths and starts some real entity had, in
/// about their real shares, instead of values a numeric marginal fitted to a handful of points would invent.
/// </summary>
public sealed class SequenceFewLengthsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Lengths_and_starts_come_from_the_few_the_entities_had_in_about_their_shares()
    {
        var random = new SynthRandom(11);
        var csv = new StringBuilder("symbol,month,price\n");
        for (var e = 0; e < 20; e++)
        {
            // Three in four series run 48 months from 2010; the rest 20 months from 2012-05 (the same end).
            var full = e % 4 != 0;
            var start = full ? new DateTime(2010, 1, 1) : new DateTime(2012, 5, 1);
            var price = 100.0;
            for (var s = 0; s < (full ? 48 : 20); s++)
            {
                price *= Math.Exp(0.05 * random.NextNormal());
                csv.Append(CultureInfo.InvariantCulture, $"P{e:00},{start.AddMonths(s):yyyy-MM-dd},{price:F2}\n");
            }
        }
        var path = _folder.File("prices.csv");
        File.WriteAllText(path, csv.ToString());

        var model = SequenceFixtures.Train(path, _folder.File("p.synth"), index: "month", entity: "symbol").Model;
        var sample = model.Sample(400, seed: 3);
        var months = sample.Rows["month"].Numbers!;
        var starts = Enumerable.Range(0, sample.EntityCount).Select(i => SynthFixtures.Transforms.ColumnValues.ToDateTime(months[sample.EntityStart(i)])).ToList();

        Assert.All(sample.Lengths, length => Assert.Contains(length, new[] { 20, 48 }));
        Assert.All(starts, start => Assert.Contains(start, new[] { new DateTime(2010, 1, 1), new DateTime(2012, 5, 1) }));
        var fullShare = sample.Lengths.Count(length => length == 48) / 400.0;
        Assert.InRange(fullShare, 0.65, 0.85);
    }
}

/// <summary>A step every entity skips (a census year never taken) is skipped by sampled indexes too; a gap only one entity has is not.</summary>
public sealed class SequenceSharedGapTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_grid_value_no_entity_holds_is_skipped_by_every_sampled_index()
    {
        var random = new SynthRandom(5);
        var csv = new StringBuilder("job,year,count\n");
        for (var e = 0; e < 30; e++)
        {
            var count = 100.0;
            foreach (var year in Enumerable.Range(0, 16).Select(k => 1850 + 10 * k).Where(y => y != 1890 && !(e == 0 && y == 1950)))
            {
                count *= Math.Exp(0.1 * random.NextNormal());
                csv.Append(CultureInfo.InvariantCulture, $"J{e:00},{year},{count:F0}\n");
            }
        }
        var path = _folder.File("jobs.csv");
        File.WriteAllText(path, csv.ToString());

        var model = SequenceFixtures.Train(path, _folder.File("j.synth"), index: "year", entity: "job").Model;
        Assert.Equal([1890.0], model.Index.SkippedValues!);
        var sample = model.Sample(50, seed: 2);
        var years = sample.Rows["year"].Numbers!;
        Assert.DoesNotContain(1890.0, years);
        for (var i = 0; i < sample.EntityCount; i++)
        {
            var first = sample.EntityStart(i);
            var entity = years.AsSpan(first, sample.Lengths[i]).ToArray();
            Assert.Equal(1850.0, entity[0]);
            if (entity.Length > 4) Assert.Equal(1900.0, entity[4]);
        }
        Assert.Contains(1950.0, years);
    }
}
