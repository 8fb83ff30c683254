using System.Globalization;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Relational;
using SynthFixtures.Models.Relational;
using SynthFixtures.Randomness;
using Rows = SynthFixtures.Tests.Models.Relational.ShopDataset.Rows;

namespace SynthFixtures.Tests.Models.Relational;

/// <summary>
/// Child columns copied from their parent row (with the source's share of exceptions) and link tables whose primary key
/// is made of three foreign keys, on small invented databases.
/// </summary>
public class ParentCopyAndLinkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly ForeignKey AccountRegion = Key("Account", "RegionId", "Region", "RegionId");

    [Fact]
    public void A_column_that_mostly_repeats_its_parent_is_copied_at_the_source_agreement_and_a_coincidence_is_not()
    {
        var random = new SynthRandom(5);
        var regions = new Rows("RegionId", "Currency", "Open");
        string[] currencies = ["EUR", "USD", "GBP", "JPY", "CHF", "SEK", "NOK", "DKK"];
        for (var r = 1; r <= 40; r++) regions.Add(I(r), currencies[random.NextInt(currencies.Length)], random.NextDouble() < 0.97 ? "y" : "n");
        var regionRows = regions.ToTable();
        var accounts = new Rows("AccountId", "RegionId", "Currency", "Open", "Amount");
        for (var a = 1; a <= 600; a++)
        {
            var region = 1 + random.NextInt(40);
            // The account's currency is its region's, except on about 15 % of accounts; "Open" is nearly always "y" on both
            // sides, independently: they agree on about 94 % of rows by coincidence, which is no copy.
            var currency = random.NextDouble() < 0.85 ? regionRows.Column("Currency")[region - 1] : currencies[random.NextInt(currencies.Length)];
            accounts.Add(I(a), I(region), currency, random.NextDouble() < 0.97 ? "y" : "n", I(100 + random.NextInt(900)));
        }
        var data = new RelationalDataset(
            new RelationalMetadata { Tables = [regions.Describe("Region", ["RegionId"]), accounts.Describe("Account", ["AccountId"])], ForeignKeys = [AccountRegion] },
            new Dictionary<string, SynthFixtures.Data.Table> { ["Region"] = regionRows, ["Account"] = accounts.ToTable() });

        var model = Train(data);
        var copy = Assert.Single(model.Plans.Single(p => p.Table == "Account").CopiedColumns);
        Assert.Equal(("Currency", "Currency"), (copy.Column, copy.ParentColumn));
        var real = Agreement(data, "Currency");
        Assert.Equal(real, copy.Share, 12);

        var synthetic = model.Sample(3, seed: 2);
        var generated = Agreement(synthetic, "Currency");
        var baseline = Agreement(Train(data, conditionOnParents: false).Sample(3, seed: 2), "Currency");
        output.WriteLine($"currency = region's: source {real:P1}, copied {generated:P1}, unconditional baseline {baseline:P1}");
        Assert.InRange(generated, real - 0.05, real + 0.05);
        Assert.True(generated > baseline + 0.4, $"copied {generated:P1}, baseline {baseline:P1}");
        Assert.True(generated < 0.98, $"the exceptions are kept: {generated:P1}");
    }

    [Fact]
    public void A_link_table_over_three_keys_never_repeats_a_combination_but_may_repeat_one_partner()
    {
        var random = new SynthRandom(9);
        var shows = new Rows("ShowId", "Genre");
        for (var s = 1; s <= 30; s++) shows.Add(I(s), s % 2 == 0 ? "drama" : "comedy");
        var actors = new Rows("ActorId", "Age");
        for (var a = 1; a <= 4; a++) actors.Add(I(a), I(20 + 10 * a));
        var roles = new Rows("RoleId", "Kind");
        for (var r = 1; r <= 3; r++) roles.Add(I(r), r == 1 ? "lead" : "support");
        var casting = new Rows("ShowId", "ActorId", "RoleId", "Fee");
        for (var s = 1; s <= 30; s++)
        {
            // Each show casts 6 to 9 distinct (actor, role) pairs out of 12: an actor often plays two roles in one show.
            var pairs = Enumerable.Range(0, 12).OrderBy(_ => random.NextDouble()).Take(6 + random.NextInt(4));
            foreach (var pair in pairs) casting.Add(I(s), I(1 + pair / 3), I(1 + pair % 3), I(1000 + random.NextInt(5000)));
        }
        ForeignKey[] keys = [Key("Casting", "ShowId", "Show", "ShowId"), Key("Casting", "ActorId", "Actor", "ActorId"), Key("Casting", "RoleId", "Role", "RoleId")];
        var data = new RelationalDataset(
            new RelationalMetadata
            {
                Tables = [shows.Describe("Show", ["ShowId"]), actors.Describe("Actor", ["ActorId"]), roles.Describe("Role", ["RoleId"]),
                    casting.Describe("Casting", ["ShowId", "ActorId", "RoleId"])],
                ForeignKeys = keys,
            },
            new Dictionary<string, SynthFixtures.Data.Table>
            {
                ["Show"] = shows.ToTable(), ["Actor"] = actors.ToTable(), ["Role"] = roles.ToTable(), ["Casting"] = casting.ToTable(),
            });

        var model = Train(data);
        Assert.Equal(2, model.Plans.Single(p => p.Table == "Casting").SecondaryKeys.Count(s => s.DistinctPerPrimaryParent));
        foreach (var scale in new[] { 1.0, 3.0 })
        {
            var synthetic = model.Sample(scale, seed: 4);
            var table = synthetic.Metadata.Table("Casting");
            Assert.Equal(0, RelationalChecks.DuplicateKeys(synthetic, table));
            foreach (var key in keys) Assert.Equal(0, RelationalChecks.Orphans(synthetic, key));
            var rows = synthetic["Casting"];
            var actorTwiceInAShow = Enumerable.Range(0, rows.RowCount).GroupBy(r => (rows.Column("ShowId")[r], rows.Column("ActorId")[r])).Any(g => g.Count() > 1);
            Assert.True(actorTwiceInAShow, "only the combination is distinct, not each partner");
            output.WriteLine($"scale {scale}: {rows.RowCount} castings, no combination repeated");
        }
    }

    private static double Agreement(RelationalDataset data, string column)
    {
        var parents = RelationalChecks.ParentRows(data, AccountRegion);
        var parent = data["Region"].Column(column);
        var child = data["Account"].Column(column);
        return Enumerable.Range(0, parents.Length).Count(i => parents[i] >= 0 && parent[parents[i]] == child[i]) / (double)parents.Length;
    }

    private static RelationalModel Train(RelationalDataset data, bool conditionOnParents = true)
    {
        var folder = Directory.CreateTempSubdirectory("relcopy-");
        try
        {
            return new RelationalTrainingService(ModelTrainers.Core).Train(new RelationalTrainingRequest
            {
                Data = data, ModelPath = Path.Combine(folder.FullName, "m.synth"), Seed = 1, ConditionOnParents = conditionOnParents,
            }).Model;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static ForeignKey Key(string child, string childColumn, string parent, string parentColumn) =>
        new() { ChildTable = child, ChildColumns = [childColumn], ParentTable = parent, ParentColumns = [parentColumn] };
}
