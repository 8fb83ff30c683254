using Microsoft.Data.Sqlite;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Cli;

/// <summary>The whole-database verbs end to end on a small invented folder of CSVs: relations, train --from, sample --scale, seed, evaluate.</summary>
public sealed class CliRelationalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CliRelationalTests()
    {
        var source = Directory.CreateDirectory(_folder.File("shop")).FullName;
        var random = new Random(5);
        var customers = new List<string> { "CustomerId,Country,Age" };
        var orders = new List<string> { "OrderId,CustomerId,Amount,Channel" };
        var order = 1;
        for (var c = 1; c <= 60; c++)
        {
            var country = c % 3 == 0 ? "NO" : "SE";
            customers.Add($"{c},{country},{20 + random.Next(50)}");
            for (var k = random.Next(country == "NO" ? 4 : 2); k >= 0; k--)
                orders.Add($"{order++},{c},{random.Next(100, 999) / 10.0:0.0},{(random.Next(2) == 0 ? "web" : "shop")}");
        }
        File.WriteAllLines(Path.Combine(source, "Customer.csv"), customers);
        File.WriteAllLines(Path.Combine(source, "Order.csv"), orders);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Relations_shows_the_detected_keys_with_evidence_and_writes_editable_json()
    {
        var result = CliResult.Run("relations", _folder.File("shop"), "--out", _folder.File("relations.json"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Order(CustomerId) → Customer(CustomerId)  named like Customer.CustomerId; ", result.Output);
        Assert.Contains("Generation order: Customer, Order", result.Output);
        var metadata = RelationalMetadataJson.Load(_folder.File("relations.json"));
        Assert.Equal(["CustomerId"], metadata.Table("Customer").PrimaryKey);
    }

    [Fact]
    public void Train_from_a_folder_then_sample_seed_and_evaluate()
    {
        var model = _folder.File("shop.synth");
        var train = CliResult.Run("train", "--from", _folder.File("shop"), "--out", model, "--seed", "3");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains("Trained a multi-table gaussiancopula model on 2 tables", train.Output);

        var sample = CliResult.Run("sample", model, "--out", _folder.File("generated"), "--scale", "2", "--seed", "4");
        Assert.True(sample.ExitCode == 0, sample.Error);
        var customers = File.ReadAllLines(_folder.File("generated/Customer.csv"));
        Assert.Equal(121, customers.Length); // header + 2 × 60
        var orderLines = File.ReadAllLines(_folder.File("generated/Order.csv")).Skip(1).ToList();
        var ids = customers.Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.NotEmpty(orderLines);
        Assert.All(orderLines, l => Assert.Contains(l.Split(',')[1], ids));

        var database = _folder.File("shop.sqlite");
        var seed = CliResult.Run("seed", model, "--to", database, "--scale", "1", "--seed", "4");
        Assert.True(seed.ExitCode == 0, seed.Error);
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT COUNT(*) FROM Customer), (SELECT COUNT(*) FROM \"Order\" o LEFT JOIN Customer c ON c.CustomerId = o.CustomerId WHERE c.CustomerId IS NULL)";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(60, reader.GetInt64(0));
            Assert.Equal(0, reader.GetInt64(1));
        }
        var again = CliResult.Run("seed", model, "--to", database, "--seed", "4");
        Assert.Equal(2, again.ExitCode);

        var evaluate = CliResult.Run("evaluate", _folder.File("shop"), database, "--json", _folder.File("report.json"));
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        Assert.True(File.Exists(_folder.File("report.json")));
        SqliteConnection.ClearAllPools();
    }
}
