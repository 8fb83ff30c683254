using System.Diagnostics;
using SynthFixtures.Data;
using SynthFixtures.Tests.Models;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.EndToEnd;

/// <summary>
/// Issue 4's end-to-end check, as a user would meet it: the SynthFixtures and SynthFixtures.Xunit packages are packed
/// into a local folder feed; a fresh test project in a temporary folder references them, declares two CSVs, binds an
/// annotated type to one, builds and runs its tests. A second build retrains nothing; changing one cell of one CSV
/// retrains that model only. A third CSV trains a small TVAE: the package carries no native library, so this proves
/// the consumer's build gets libtorch through NuGet (restored on demand into the packages folder), patches its copy
/// of libLibTorchSharp where needed, and the packaged trainer loads both. A small SQLite database (customers and their
/// orders) is learned as a whole through a <c>&lt;SynthDatabase&gt;</c> item, which needs the packaged trainer to carry
/// SQLite's native library, and two types bound to its tables keep their foreign key in one graph.
/// Isolation: the package version is unique to the run, so nothing of OURS is in the NuGet cache beforehand; libtorch
/// (about 600 MB unpacked) is shared with the machine's cache rather than downloaded again per run.
/// </summary>
public sealed class PackageEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"synthfixtures-e2e-{Guid.NewGuid():N}");
    private readonly string _version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    [Fact]
    public void A_fresh_test_project_uses_the_packages_and_retrains_only_what_changed()
    {
        var repository = Repository();
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var project = Directory.CreateDirectory(Path.Combine(_root, "Consumer.Tests")).FullName;
        Run(repository, "pack", "build/package/SynthFixtures.Package.csproj", "-c", "Release", "-o", feed, $"-p:Version={_version}");
        Run(repository, "pack", "src/SynthFixtures.Xunit/SynthFixtures.Xunit.csproj", "-c", "Release", "-o", feed, $"-p:Version={_version}");

        Directory.CreateDirectory(Path.Combine(project, "data"));
        CsvTableWriter.Write(MixedTestTable.Create(600, seed: 1), Path.Combine(project, "data", "people.csv"));
        CsvTableWriter.Write(MixedTestTable.Create(400, seed: 2), Path.Combine(project, "data", "visits.csv"));
        CsvTableWriter.Write(MixedTestTable.Create(300, seed: 3), Path.Combine(project, "data", "events.csv"));
        WriteShopDatabase(Path.Combine(project, "data", "shop.sqlite"));
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Consumer.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SynthFixtures" Version="{_version}" />
                <PackageReference Include="SynthFixtures.Xunit" Version="{_version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
              <ItemGroup>
                <SynthModel Include="data/people.csv" Seed="7" />
                <SynthModel Include="data/visits.csv" />
                <SynthModel Include="data/events.csv" Model="tvae" Epochs="2" BatchSize="100" />
                <SynthDatabase Include="data/shop.sqlite" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Person.cs"), """
            using System.ComponentModel.DataAnnotations;
            using SynthFixtures;
            using SynthFixtures.Xunit;
            using Xunit;

            namespace Consumer;

            public enum Group { Low, High }

            [Synthesize(From = "data/people.csv")]
            public partial record Person
            {
                public int Id { get; init; }
                public double X { get; init; }
                public double? Y { get; init; }
                public Group Group { get; init; }
                public int Visits { get; init; }
                public DateOnly Day { get; init; }
                public bool Flag { get; init; }
                [Fake("Name.FullName")] public string Name { get; init; } = "";
            }

            [Synthesize(From = "data/events.csv")]
            public partial record Event
            {
                public double X { get; init; }
                public Group Group { get; init; }
                public int Visits { get; init; }
            }

            [Synthesize(From = "data/shop.sqlite", Table = "customers")]
            public partial record Customer
            {
                [Key] public long CustomerId { get; init; }
                public string Region { get; init; } = "";
            }

            [Synthesize(From = "data/shop.sqlite", Table = "orders")]
            public partial record Order
            {
                [Key] public long OrderId { get; init; }
                [SynthForeignKey(typeof(Customer))] public long CustomerId { get; init; }
                public double Amount { get; init; }
            }

            public class PersonTests
            {
                [Fact]
                public void Orders_point_at_customers_of_the_same_learned_database()
                {
                    var graph = new SynthGraph(5);
                    var orders = Order.Synth.In(graph).ToList();
                    var customers = Customer.Synth.In(graph).ToList();
                    Assert.True(orders.Count > 50, $"{orders.Count} orders");
                    var ids = customers.Select(c => c.CustomerId).ToHashSet();
                    Assert.All(orders, o => Assert.Contains(o.CustomerId, ids));
                    Assert.All(orders, o => Assert.InRange(o.Amount, 0, 1000));
                }

                [Fact]
                public void Events_come_from_the_neural_model()
                {
                    var events = Event.Synth.WithSeed(3).Take(40).ToList();
                    Assert.Equal(40, events.Count);
                    Assert.True(events.Select(e => e.X).Distinct().Count() > 10, "TVAE rows should vary");
                    Assert.Contains(events, e => e.Group == Group.Low);
                }

                [Theory, SynthData<Person>(Count = 3, Seed = 7)]
                public void People_come_from_the_model(Person p) => Assert.InRange(p.X, 0, 100);

                [Fact]
                public void Rare_people_are_asked_for_directly()
                {
                    var high = Person.Synth.WithSeed(1).Where(p => p.Group == Group.High && p.X >= 65).Take(50).ToList();
                    Assert.Equal(50, high.Count);
                    Assert.All(high, p => Assert.True(p.Group == Group.High && p.X >= 65));
                    Assert.Equal(50, high.Select(p => p.Id).Distinct().Count());
                }
            }
            """);

        var (code, log) = Run(project, "test", "-v:n");
        Assert.True(code == 0, log);
        Assert.Contains("SynthFixtures: training gaussiancopula on", log);
        Assert.Contains("SynthFixtures: training tvae on", log);
        Assert.Contains("SynthFixtures: training gaussiancopula on the database ", log);
        Assert.Matches(@"Total tests: 6\s+Passed: 6", log);
        var people = Path.Combine(project, "obj", "Debug", "net10.0", "synthfixtures", "people.synth");
        var visits = Path.Combine(project, "obj", "Debug", "net10.0", "synthfixtures", "visits.synth");
        var (peopleTime, visitsTime) = (File.GetLastWriteTimeUtc(people), File.GetLastWriteTimeUtc(visits));
        // The packaged trainer read the sources for rule attributes (Roslyn ships beside it): Person has none.
        Assert.Equal("", File.ReadAllText(Path.ChangeExtension(people, ".rules.txt")));

        (code, log) = Run(project, "build", "-v:n");
        Assert.True(code == 0, log);
        Assert.Contains("Skipping target \"_SynthFixturesTrainModels\" because all output files are up-to-date", log);
        Assert.DoesNotContain("SynthFixtures: training", log);

        var lines = File.ReadAllLines(Path.Combine(project, "data", "visits.csv"));
        lines[1] = string.Join(',', lines[1].Split(',').Select((cell, i) => i == 1 ? "50.5" : cell));
        File.WriteAllLines(Path.Combine(project, "data", "visits.csv"), lines);
        (code, log) = Run(project, "build", "-v:n");
        Assert.True(code == 0, log);
        Assert.Contains("visits.csv (seed 1)", log);
        Assert.DoesNotContain("people.csv (seed 7)", log);
        Assert.DoesNotContain("training tvae", log);
        Assert.Equal(peopleTime, File.GetLastWriteTimeUtc(people));
        Assert.NotEqual(visitsTime, File.GetLastWriteTimeUtc(visits));
    }

    /// <summary>60 customers in three regions and about 240 orders whose amounts grow with the customer's region.</summary>
    private static void WriteShopDatabase(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, region TEXT NOT NULL);
                CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(customer_id), amount REAL NOT NULL);
                """;
            create.ExecuteNonQuery();
        }
        var random = new Random(11);
        string[] regions = ["north", "south", "west"];
        var orderId = 1;
        for (var customer = 1; customer <= 60; customer++)
        {
            var region = customer % 3;
            Insert(connection, "INSERT INTO customers VALUES ($1, $2)", customer, regions[region]);
            for (var n = random.Next(1, 8); n > 0; n--)
                Insert(connection, "INSERT INTO orders VALUES ($1, $2, $3)", orderId++, customer, Math.Round(50 + 100 * region + random.NextDouble() * 40, 2));
        }
        transaction.Commit();
    }

    private static void Insert(Microsoft.Data.Sqlite.SqliteConnection connection, string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue($"${i + 1}", values[i]);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
            // The unique test version must not pile up in the user's package cache.
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var id in new[] { "synthfixtures", "synthfixtures.xunit" })
                if (Directory.Exists(Path.Combine(cache, id, _version))) Directory.Delete(Path.Combine(cache, id, _version), recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in temp folders are harmless.
        }
    }

    private (int Code, string Log) Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [.. arguments, "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) process.Kill(entireProcessTree: true);
        var log = stdout.Result + stderr.Result;
        output.WriteLine($"$ dotnet {string.Join(' ', arguments)} → {process.ExitCode}");
        if (arguments[0] == "pack") Assert.True(process.ExitCode == 0, log);
        return (process.ExitCode, log);
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SynthFixtures.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (SynthFixtures.sln) was not found above the test binaries.");
    }
}
