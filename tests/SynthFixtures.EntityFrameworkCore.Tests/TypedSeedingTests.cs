using Microsoft.EntityFrameworkCore;

namespace SynthFixtures.EntityFrameworkCore.Tests;

public sealed class TypedSeedingTests : IDisposable
{
    private const string Orphans =
        "SELECT COUNT(*) FROM Purchases p LEFT JOIN Shoppers s ON s.ShopperId = p.ShopperId WHERE s.ShopperId IS NULL";

    private readonly TypedShopDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_graph_lands_principals_first_with_every_foreign_key_resolved()
    {
        var graph = new SynthGraph(seed: 5);
        var shoppers = Shopper.Synth.In(graph).Take(4).ToList();
        var purchases = Purchase.Synth.In(graph).Take(30).ToList();

        await using var db = _database.NewContext();
        await db.SeedSynthAsync(graph);

        Assert.Equal(4, _database.Scalar("SELECT COUNT(*) FROM Shoppers"));
        Assert.Equal(30, _database.Scalar("SELECT COUNT(*) FROM Purchases"));
        Assert.Equal(0, _database.Scalar(Orphans));
        Assert.Equal(purchases.Sum(p => p.Amount), (await db.Purchases.AsNoTracking().ToListAsync()).Sum(p => p.Amount));
        Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        Assert.Equal(shoppers.Count + purchases.Count, db.ChangeTracker.Entries().Count());
    }

    [Fact]
    public async Task Principals_the_graph_made_on_demand_are_inserted_too()
    {
        var graph = new SynthGraph(seed: 8);
        var purchases = Purchase.Synth.In(graph).Take(25).ToList();
        var madeOnDemand = graph.Generated(Shopper.Synth.Synthesizer);
        Assert.NotEmpty(madeOnDemand);
        Assert.Equal(purchases.Count + madeOnDemand.Count, graph.Objects.Count);

        await using (var db = _database.NewContext())
            await db.SeedSynthAsync(graph);

        Assert.Equal(madeOnDemand.Count, _database.Scalar("SELECT COUNT(*) FROM Shoppers"));
        Assert.Equal(0, _database.Scalar(Orphans));
    }

    [Fact]
    public async Task Objects_given_dependents_first_are_still_inserted_in_key_order()
    {
        var graph = new SynthGraph(seed: 2);
        var shoppers = Shopper.Synth.In(graph).Take(3).ToList();
        var purchases = Purchase.Synth.In(graph).Take(10).ToList();

        await using (var db = _database.NewContext())
            await db.SeedSynthAsync([.. purchases, .. shoppers]);

        Assert.Equal(10, _database.Scalar("SELECT COUNT(*) FROM Purchases"));
        Assert.Equal(0, _database.Scalar(Orphans));
    }

    [Fact]
    public async Task A_dangling_reference_writes_nothing_and_leaves_nothing_tracked()
    {
        var graph = new SynthGraph(seed: 3);
        var shoppers = Shopper.Synth.In(graph).Take(2).ToList();
        var purchases = Purchase.Synth.In(graph).Take(5).ToList();
        purchases[^1].ShopperId = 9_999;

        await using var db = _database.NewContext();
        var error = await Assert.ThrowsAsync<SynthDataException>(() => db.SeedSynthAsync([.. shoppers, .. purchases]));

        Assert.Contains("Purchase", error.Message);
        Assert.Equal(0, _database.Scalar("SELECT COUNT(*) FROM Shoppers"));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task An_object_of_a_type_the_context_does_not_map_is_named()
    {
        await using var db = _database.NewContext();

        var error = await Assert.ThrowsAsync<SynthDataException>(() => db.SeedSynthAsync([new Stranger()]));

        Assert.Contains("TypedShopContext has no entity type for Stranger", error.Message);
    }
}
