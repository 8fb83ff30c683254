using SynthFixtures.Data;
using SynthFixtures.Models;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Modeling.TextColumns;
using SynthFixtures.Tests.Models.Neural;

namespace SynthFixtures.Tests.Models.Given;

/// <summary>
/// SampleGiven on every kind's real sampling path (neural models with random weights, so no training is needed) and
/// with learned text: given cells come back, a learned text column is written from the given row and cannot be given,
/// and rows do not depend on threads or on how the given table is split.
/// </summary>
public sealed class SampleGivenKindsTests
{
    private static readonly Lazy<Table> Reviews = new(() => ReviewTable.Create(400, 400));

    private static readonly Lazy<SynthModel> CopulaWithText = new(() =>
        GaussianCopulaFitter.Fit(Reviews.Value, ReviewTable.Metadata(), new GaussianCopulaOptions { Seed = 1 })
            .WithTextModels([new EchoTextModel("review", ["rating", "department"], 7)]));

    [Fact]
    public void A_learned_text_column_is_written_from_the_given_cells_and_cannot_be_given()
    {
        var given = new Table(["department", "rating"], [Reviews.Value.Column("department").Take(300).ToArray(), Reviews.Value.Column("rating").Take(300).ToArray()]);
        var sample = CopulaWithText.Value.SampleGiven(given, seed: 3, new SamplingOptions { FirstRowNumber = 50 }).ToTable();
        for (var row = 0; row < 300; row++)
        {
            if (sample.Column("review")[row] is not { } review) continue;
            Assert.StartsWith($"row {50 + row}: {given.Column("rating")[row] ?? "?"}|{given.Column("department")[row] ?? "?"} #", review, StringComparison.Ordinal);
        }
        var error = Assert.Throws<SynthDataException>(() => CopulaWithText.Value.SampleGiven(new Table(["review"], [["great"]]), seed: 1));
        Assert.Equal("review", error.ColumnName);
        Assert.Contains("learned text model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_given_generated_column_is_kept_as_given()
    {
        var given = new Table(["id", "department"], [["k-1", "k-2", null], ["Dresses", null, "Tops"]]);
        var sample = CopulaWithText.Value.SampleGiven(given, seed: 2).ToTable();
        Assert.Equal(["k-1", "k-2", null], sample.Column("id"));
        Assert.Equal(["Dresses", null, "Tops"], sample.Column("department"));
    }

    [Theory]
    [InlineData(ModelKinds.Tvae)]
    [InlineData(ModelKinds.Ctgan)]
    public void Neural_kinds_keep_the_given_cells_and_give_the_same_rows_for_any_split(string kind)
    {
        var model = RandomNeuralModels.Create(kind, Reviews.Value, ReviewTable.Metadata());
        var given = new Table(["department", "rating"], [Reviews.Value.Column("department").ToArray(), Reviews.Value.Column("rating").ToArray()]);
        var whole = model.SampleGiven(given, seed: 4, new SamplingOptions { MaxDegreeOfParallelism = 1 }).ToTable();
        Assert.Equal(given.Column("department"), whole.Column("department"));
        Assert.Equal(given.Column("rating"), whole.Column("rating"));
        var first = model.SampleGiven(Rows(given, 0, 123), seed: 4, new SamplingOptions { MaxDegreeOfParallelism = 2 }).ToTable();
        var rest = model.SampleGiven(Rows(given, 123, 277), seed: 4, new SamplingOptions { FirstRowNumber = 123, MaxDegreeOfParallelism = 2 }).ToTable();
        foreach (var column in whole.ColumnNames) Assert.Equal(whole.Column(column), first.Column(column).Concat(rest.Column(column)));
    }

    private static Table Rows(Table table, int skip, int take) =>
        new(table.ColumnNames, table.ColumnNames.Select(c => table.Column(c).Skip(skip).Take(take).ToArray()).ToArray());
}
