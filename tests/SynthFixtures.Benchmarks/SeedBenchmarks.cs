using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;
using SynthFixtures.Data;
using SynthFixtures.Databases;
using SynthFixtures.Databases.Writing;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Benchmarks;

/// <summary>
/// Targets (issue 13): seed at least 200,000 rows/s into SQLite and 300,000 rows/s into PostgreSQL for a 5-column table
/// (integer key, text, decimal, timestamp, integer) on 2 cores. Each iteration creates the table and writes every row in
/// one transaction, so the time includes DDL, value conversion, the primary-key index and the commit. PostgreSQL runs
/// against the server in SYNTHFIXTURES_POSTGRES (.ci/run starts one) and is skipped without it.
/// </summary>
public class SeedBenchmarks
{
    private RelationalDataset _data = null!;
    private string _sqliteFile = null!;
    private string? _postgres;

    /// <summary>Rows per seed.</summary>
    [Params(200_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = FiveColumns(Rows);
        _sqliteFile = Path.Combine(Path.GetTempPath(), $"synthfixtures-seed-bench-{Environment.ProcessId}.sqlite");
        _postgres = Environment.GetEnvironmentVariable("SYNTHFIXTURES_POSTGRES");
        if (_postgres is not null)
            _postgres = new NpgsqlConnectionStringBuilder(_postgres) { Database = "synthfixtures_bench", Pooling = false }.ConnectionString;
    }

    [IterationSetup]
    public void DropTables()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_sqliteFile);
        if (_postgres is null) return;
        var admin = new NpgsqlConnectionStringBuilder(_postgres) { Database = "postgres" }.ConnectionString;
        using var connection = new NpgsqlConnection(admin);
        connection.Open();
        using (var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS synthfixtures_bench WITH (FORCE)", connection)) drop.ExecuteNonQuery();
        using (var create = new NpgsqlCommand("CREATE DATABASE synthfixtures_bench", connection)) create.ExecuteNonQuery();
    }

    [Benchmark(Description = "Seed SQLite file (create + insert, one transaction)")]
    public Task<SeedResult> Sqlite() => DatabaseSeeder.SeedAsync(_data, DatabaseLocation.Parse(_sqliteFile));

    [Benchmark(Description = "Seed PostgreSQL (create + binary COPY, one transaction)")]
    public async Task<SeedResult?> PostgreSql() =>
        _postgres is null ? null : await DatabaseSeeder.SeedAsync(_data, DatabaseLocation.Parse(_postgres));

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_sqliteFile);
    }

    /// <summary>A table of <paramref name="rows"/> rows: Id INTEGER key, Name NVARCHAR(40), Amount NUMERIC(10,2), CreatedAt DATETIME, Quantity INTEGER.</summary>
    public static RelationalDataset FiveColumns(int rows)
    {
        var table = new RelationalTable
        {
            Name = "Sale",
            PrimaryKey = ["Id"],
            Columns =
            [
                new SqlColumn("Id", "INTEGER", false), new SqlColumn("Name", "NVARCHAR(40)", false),
                new SqlColumn("Amount", "NUMERIC(10,2)", false), new SqlColumn("CreatedAt", "DATETIME", false),
                new SqlColumn("Quantity", "INTEGER", true),
            ],
        };
        var random = new Random(7);
        var start = new DateTime(2024, 1, 1);
        var columns = new string?[5][];
        for (var c = 0; c < 5; c++) columns[c] = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            columns[0][r] = (r + 1).ToString(CultureInfo.InvariantCulture);
            columns[1][r] = $"customer {random.Next(10_000)}";
            columns[2][r] = (random.Next(100_000) / 100m).ToString(CultureInfo.InvariantCulture);
            columns[3][r] = start.AddSeconds(random.Next(31_536_000)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            columns[4][r] = random.Next(10) == 0 ? null : random.Next(1, 20).ToString(CultureInfo.InvariantCulture);
        }
        var metadata = new RelationalMetadata { Tables = [table] };
        return new RelationalDataset(metadata, new Dictionary<string, Table>
        {
            ["Sale"] = new(table.Columns.Select(c => c.Name).ToList(), columns),
        });
    }
}
