using SynthFixtures.Data;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Replacing;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Modeling.Replacing;

/// <summary>Replace rules through the sampling service: every chunk rewritten, touched rows counted, same bytes for any thread count.</summary>
public sealed class ReplaceSamplingTests : IDisposable
{
    private static readonly Lazy<GaussianCopulaModel> Model = new(() =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 1 }));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (Table Rows, SamplingResult Result) Run(string name, int? threads, int chunkRows, params string[] rules)
    {
        var target = _folder.File(name);
        var result = SamplingService.Run(new SamplingRequest
        {
            Model = Model.Value, Rows = 5000, OutputPath = target, Seed = 4,
            Replacements = rules.Select(ReplaceRule.Parse).ToList(),
            Options = new SamplingOptions { MaxDegreeOfParallelism = threads, ChunkRows = chunkRows },
        });
        return (CsvTableReader.Read(target), result);
    }

    [Fact]
    public void The_rule_holds_on_every_row_and_its_count_is_the_rows_it_changed()
    {
        var (rows, result) = Run("s.csv", null, 1024, "group = 'low' WHEN x > 60 AND group = 'high'");
        var before = Model.Value.Sample(5000, 4).ToTable();
        var x = rows.Column("x").Select(c => double.Parse(c!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.DoesNotContain(Enumerable.Range(0, rows.RowCount), r => x[r] > 60 && rows.Column("group")[r] == " high");
        var changed = Enumerable.Range(0, rows.RowCount).Count(r => before.Column("group")[r] != rows.Column("group")[r]);
        Assert.True(changed > 50, $"only {changed} rows changed");
        Assert.Equal(changed, result.Replacements!.Single().Rows);
        // Everything else is the sample as drawn.
        Assert.Equal(before.Column("x"), rows.Column("x"));
    }

    [Fact]
    public void The_bytes_do_not_depend_on_threads_or_chunk_size()
    {
        string[] rules = ["visits = 0 WHEN flag = TRUE", "y = NULL WHEN visits = 0 AND x < 45"];
        Run("a.csv", 1, 1024, rules);
        var (_, result) = Run("b.csv", 2, 8192, rules);
        Assert.Equal(File.ReadAllBytes(_folder.File("a.csv")), File.ReadAllBytes(_folder.File("b.csv")));
        Assert.All(result.Replacements!, outcome => Assert.True(outcome.Rows > 0));
    }

    [Fact]
    public void A_rule_the_model_cannot_hold_fails_before_anything_is_written()
    {
        Assert.Throws<RowExpressionException>(() => Run("bad.csv", null, 1024, "group = 'medium'"));
        Assert.Empty(Directory.GetFiles(_folder.Path));
    }
}
