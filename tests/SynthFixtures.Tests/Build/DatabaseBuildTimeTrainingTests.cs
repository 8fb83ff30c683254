using System.Globalization;
using SynthFixtures.Models.Relational;

namespace SynthFixtures.Tests.Build;

/// <summary>
/// A &lt;SynthDatabase&gt; item with a real <c>dotnet build</c>: a folder of related CSVs learned as one multi-table
/// model by the build's trainer, embedded, its tables and keys handed to the generator as a database schema, locked,
/// not retrained when nothing changed, retrained when a CSV of the folder changes.
/// </summary>
public sealed class DatabaseBuildTimeTrainingTests
{
    [Fact]
    public void A_folder_of_csvs_is_learned_as_one_database_embedded_and_retrained_only_when_a_file_changes()
    {
        // A single-table model beside it: both kinds of item go through the one pipeline, each retrained on its own.
        using var project = new TemporaryProject("""
            <SynthDatabase Include="data/shop" Seed="2" />
            <SynthModel Include="data/shop/customers.csv" />
            """);
        WriteShop(project.PathOf("data/shop"));

        var (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training gaussiancopula on the database", log);
        Assert.Contains("Trained gaussiancopula on 2 tables", log);
        Assert.Contains("customers.csv (seed 1)", log);
        var model = Path.Combine(project.ModelDirectory, "shop.synth");
        var schema = File.ReadAllLines(Path.Combine(project.ModelDirectory, "shop.synthschema"));
        Assert.Equal(DatabaseSchema.Header, schema[0]);
        Assert.Contains("table\tcustomers\tkey=customer_id", schema);
        Assert.Contains("foreignkey\torders\tcustomer_id\tcustomers\tcustomer_id", schema);
        Assert.Contains(schema, line => line.StartsWith("column\tcountry\tcategorical\tmissing=0\tlabels=", StringComparison.Ordinal));
        Assert.Contains(project.ModelDirectory.Replace('\\', '/') + "/shop.synthschema", log.Replace('\\', '/')); // handed to the compiler
        Assert.Equal(["model=gaussiancopula", "seed=2", "relations="], File.ReadAllLines(Path.Combine(project.ModelDirectory, "shop.settings")));
        Assert.Contains("\"data/shop\"", File.ReadAllText(project.PathOf("synthfixtures.lock.json")));

        // Its own load context: other build tests load their Consumer.dll into the default one.
        var assembly = new System.Runtime.Loader.AssemblyLoadContext("database-consumer").LoadFromStream(new MemoryStream(File.ReadAllBytes(project.AssemblyPath)));
        var embedded = EmbeddedDatabases.Load(assembly, "shop");
        Assert.Equal(["customers", "orders"], embedded.Metadata.Tables.Select(t => t.Name).Order());
        Assert.Equal(2, embedded.Seed);
        Assert.Equal(File.ReadAllBytes(model), RelationalModelArtifact.ToBytes(embedded));
        Assert.Contains("<SynthDatabase Include=", Assert.Throws<SynthDataException>(() => EmbeddedDatabases.Load(assembly, "nosuch")).Message);

        // Nothing changed: the second build does not retrain.
        var trained = File.GetLastWriteTimeUtc(model);
        (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("Skipping target \"_SynthFixturesTrainModels\" because all output files are up-to-date", log);
        Assert.DoesNotContain("SynthFixtures: training", log);
        Assert.Equal(trained, File.GetLastWriteTimeUtc(model));

        // One changed cell in one CSV of the folder retrains the database.
        var orders = project.PathOf("data/shop/orders.csv");
        var lines = File.ReadAllLines(orders);
        lines[3] = string.Join(',', lines[3].Split(',').Select((cell, i) => i == 2 ? "store" : cell));
        File.WriteAllLines(orders, lines);
        (code, log) = project.Build();
        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training gaussiancopula on the database", log);
        Assert.DoesNotContain("customers.csv (seed 1)", log);
        Assert.NotEqual(trained, File.GetLastWriteTimeUtc(model));
    }

    /// <summary>An invented shop: 60 customers, 1 to 5 orders each, keys found by their names.</summary>
    private static void WriteShop(string folder)
    {
        Directory.CreateDirectory(folder);
        var countries = new[] { "ES", "DE", "FR" };
        var channels = new[] { "web", "phone" };
        var customers = new List<string> { "customer_id,country,income" };
        var orders = new List<string> { "order_id,customer_id,channel,amount" };
        var orderId = 1;
        for (var c = 1; c <= 60; c++)
        {
            customers.Add(string.Create(CultureInfo.InvariantCulture, $"{c},{countries[c % 3]},{20_000 + c * 700}"));
            for (var o = 0; o < 1 + c % 5; o++)
                orders.Add(string.Create(CultureInfo.InvariantCulture, $"{orderId++},{c},{channels[(c + o) % 2]},{10 + (c * 7 + o * 13) % 90}.50"));
        }
        File.WriteAllLines(Path.Combine(folder, "customers.csv"), customers);
        File.WriteAllLines(Path.Combine(folder, "orders.csv"), orders);
    }
}
