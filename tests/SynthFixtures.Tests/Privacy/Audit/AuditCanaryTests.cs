using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Privacy.Audit;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Models.DpMarginals;

namespace SynthFixtures.Tests.Privacy.Audit;

/// <summary>The canary row: unseen labels and far values by default, given cells in their place, and which cells count as its traces.</summary>
public sealed class AuditCanaryTests
{
    [Fact]
    public void By_default_every_label_is_unseen_and_every_number_far_beyond_the_range()
    {
        var canary = AuditCanary.Create(DpMarginalsTestData.Create(200), DpMarginalsTestData.Metadata());

        Assert.Equal(["canary", "canary", "100000", "canary"], canary.Columns.Select(c => c.Value));   // size tops out at 20
        Assert.All(canary.Columns, c => Assert.True(c.Traced));
        Assert.Equal(4, canary.TracedColumns);
    }

    [Fact]
    public void A_taken_label_is_avoided_and_given_cells_replace_the_defaults()
    {
        var table = DpMarginalsTestData.Create(200, 11, ["canary", "dark-red", "3", "heads"]);
        var canary = AuditCanary.Create(table, DpMarginalsTestData.Metadata(),
            new Dictionary<string, string> { ["shade"] = "dark-red", ["size"] = "-7" });

        Assert.Equal("canary-2", canary.Columns[0].Value);
        Assert.False(canary.Columns[1].Traced);   // a label the data has
        Assert.True(canary.Columns[2].Traced);    // below the range
        var added = canary.AddTo(table);
        Assert.Equal(table.RowCount + 1, added.RowCount);
        Assert.Equal(["canary-2", "dark-red", "-7", "canary"], Enumerable.Range(0, 4).Select(c => added[table.RowCount, c]));
    }

    [Fact]
    public void Traces_are_cells_nearer_the_canary_than_any_value_of_the_data()
    {
        var metadata = new TableMetadata
        {
            Columns = [new ColumnMetadata { Name = "label", Kind = ColumnKind.Categorical }, new ColumnMetadata { Name = "n", Kind = ColumnKind.Integer }],
        };
        var table = new Table(["label", "n"], [["a", "b", "a"], ["0", "10", "4"]]);
        var canary = AuditCanary.Create(table, metadata, new Dictionary<string, string> { ["n"] = "110" });
        // The midpoint between the data's largest 10 and the canary's 110 is 60.
        var sample = new SampledTable(metadata,
        [
            new SampledColumn(metadata.Columns[0], null, codes: [0, 1, 2, 2, 1], categories: ["a", " canary ", "b"]),
            new SampledColumn(metadata.Columns[1], null, numbers: [59, 61, double.NaN, 110, 10]),
        ], 5);
        Assert.Equal(["label", "n"], canary.TracedColumnNames);
        Assert.Equal([2, 2], canary.CountTraces(sample));
    }

    [Fact]
    public void A_canary_naming_an_unknown_column_or_a_bad_number_is_refused()
    {
        var table = DpMarginalsTestData.Create(20);
        var unknown = Assert.Throws<SynthDataException>(() => AuditCanary.Create(table, DpMarginalsTestData.Metadata(), new Dictionary<string, string> { ["colur"] = "x" }));
        Assert.Contains("colur", unknown.Message);
        Assert.Contains("colour", unknown.Hint);
        var bad = Assert.Throws<SynthDataException>(() => AuditCanary.Create(table, DpMarginalsTestData.Metadata(), new Dictionary<string, string> { ["size"] = "big" }));
        Assert.Contains("'big'", bad.Message);
    }
}
