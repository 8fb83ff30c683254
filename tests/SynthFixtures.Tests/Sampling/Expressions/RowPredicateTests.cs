using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Sampling.Expressions;

/// <summary>
/// The compiled predicate on sampled rows agrees with a hand-written check of the cells for every construct, with SQL's
/// handling of missing values (a comparison with a missing cell is not true, and neither is its negation).
/// </summary>
public sealed class RowPredicateTests
{
    private static readonly Lazy<(SampledTable Rows, Table Cells)> Sample = new(() =>
    {
        var model = GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 5 });
        var rows = model.Sample(3000, seed: 11);
        return (rows, rows.ToTable());
    });

    private static double? Number(string? cell) => cell is null ? null : double.Parse(cell, CultureInfo.InvariantCulture);

    private static DateTime Day(string? cell) => DateTime.ParseExact(cell!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string> Expressions => new()
    {
        "x > 55 AND group = 'high'",
        "y IS NULL",
        "y IS NOT NULL AND y < 18",
        "NOT (y > 20)",
        "y > 20 OR x < 45",
        "NOT (y > 20 OR x < 45)",
        "day BETWEEN DATE '2024-05-01' AND '2024-06-30'",
        "day NOT BETWEEN DATE '2024-05-01' AND TIMESTAMP '2024-06-30 00:00:00'",
        "flag = TRUE",
        "flag <> true AND visits IN (0, 3)",
        "visits NOT IN (0)",
        "group <> ' low'",
        "x > y",
        "y <= x OR NOT visits >= 2",
        "id = '1005' OR id < '1002'",
        "51.5 <= x AND \"x\" < 52",
    };

    private static readonly Dictionary<string, Func<Func<string, string?>, bool>> Oracles = new()
    {
        ["x > 55 AND group = 'high'"] = c => Number(c("x")) > 55 && c("group")!.Trim() == "high",
        ["y IS NULL"] = c => c("y") is null,
        ["y IS NOT NULL AND y < 18"] = c => Number(c("y")) < 18,
        ["NOT (y > 20)"] = c => Number(c("y")) <= 20,
        ["y > 20 OR x < 45"] = c => Number(c("y")) > 20 || Number(c("x")) < 45,
        ["NOT (y > 20 OR x < 45)"] = c => Number(c("y")) <= 20 && Number(c("x")) >= 45,
        ["day BETWEEN DATE '2024-05-01' AND '2024-06-30'"] = c => Day(c("day")) >= new DateTime(2024, 5, 1) && Day(c("day")) <= new DateTime(2024, 6, 30),
        ["day NOT BETWEEN DATE '2024-05-01' AND TIMESTAMP '2024-06-30 00:00:00'"] = c => Day(c("day")) < new DateTime(2024, 5, 1) || Day(c("day")) > new DateTime(2024, 6, 30),
        ["flag = TRUE"] = c => c("flag") == "true",
        ["flag <> true AND visits IN (0, 3)"] = c => c("flag") == "false" && c("visits") is "0" or "3",
        ["visits NOT IN (0)"] = c => c("visits") != "0",
        ["group <> ' low'"] = c => c("group")!.Trim() != "low",
        ["x > y"] = c => Number(c("x")) > Number(c("y")),
        ["y <= x OR NOT visits >= 2"] = c => Number(c("y")) <= Number(c("x")) || Number(c("visits")) < 2,
        ["id = '1005' OR id < '1002'"] = c => c("id") == "1005" || string.CompareOrdinal(c("id"), "1002") < 0,
        ["51.5 <= x AND \"x\" < 52"] = c => Number(c("x")) is >= 51.5 and < 52,
    };

    [Theory]
    [MemberData(nameof(Expressions))]
    public void The_predicate_agrees_with_the_cells_on_every_row(string expression)
    {
        var (rows, cells) = Sample.Value;
        var oracle = Oracles[expression];

        var matches = RowPredicate.Compile(expression, rows).Matches(rows);

        var expected = Enumerable.Range(0, cells.RowCount).Select(r => oracle(name => cells[r, cells.IndexOf(name)])).ToArray();
        Assert.Equal(expected, matches);
        Assert.Contains(true, matches);
        Assert.Contains(false, matches);
    }

    [Fact]
    public void Matching_one_row_gives_the_same_answer_as_matching_all()
    {
        var (rows, _) = Sample.Value;
        var predicate = RowPredicate.Compile("x > 50 AND (group = 'low' OR y IS NULL)", rows);

        var all = predicate.Matches(rows);

        Assert.All(Enumerable.Range(0, rows.RowCount), r => Assert.Equal(all[r], predicate.Matches(rows, r)));
    }

    [Fact]
    public void Rows_of_another_model_are_refused()
    {
        var (rows, _) = Sample.Value;
        var predicate = RowPredicate.Compile("group = 'low'", rows);
        var index = rows.Metadata.Columns.ToList().FindIndex(c => c.Name == "group");
        var group = rows.Columns[index];
        var relabelled = rows.WithColumn(index, new SampledColumn(group.Metadata, null, codes: group.Codes, categories: group.Categories!.Reverse().ToList()));

        Assert.Throws<ArgumentException>(() => predicate.Matches(relabelled));
        Assert.Throws<ArgumentException>(() => predicate.Matches(relabelled, 0));
        var other = rows.WithColumn(index, new SampledColumn(group.Metadata, null, texts: group.Cells()));

        Assert.Throws<ArgumentException>(() => predicate.Matches(other));
    }
}
