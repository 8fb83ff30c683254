using Npgsql;
using SynthFixtures.Databases.Reading;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Tests.Databases.Reading;

/// <summary>Reads a schema made for the test on the server named by <c>SYNTHFIXTURES_POSTGRES</c> (a connection string; <c>.ci/run</c> starts a throwaway cluster).</summary>
public class PostgreSqlReaderTests
{
    private static string Server()
    {
        var server = Environment.GetEnvironmentVariable("SYNTHFIXTURES_POSTGRES");
        Skip.If(string.IsNullOrWhiteSpace(server), "No PostgreSQL server: set SYNTHFIXTURES_POSTGRES to a connection string (.ci/run starts a throwaway cluster).");
        return server!;
    }

    [SkippableFact]
    public void Reads_tables_types_composite_and_self_keys_and_rows_as_invariant_text()
    {
        var server = Server();
        var schema = $"relmeta_{Guid.NewGuid():N}";
        using var admin = new NpgsqlConnection(server);
        admin.Open();
        using (var create = new NpgsqlCommand($"""
            CREATE SCHEMA {schema};
            SET search_path TO {schema};
            CREATE TABLE shop (code text NOT NULL, branch integer NOT NULL, opened date, PRIMARY KEY (code, branch));
            CREATE TABLE staff (id bigint PRIMARY KEY, code text NOT NULL, branch integer NOT NULL, boss bigint REFERENCES staff (id),
                pay numeric(10,2), active boolean, seen timestamp, FOREIGN KEY (code, branch) REFERENCES shop (code, branch));
            INSERT INTO shop VALUES ('N', 1, '2024-02-29'), ('S', 1, NULL);
            INSERT INTO staff VALUES (1, 'S', 1, NULL, 1234.50, true, '2024-01-02 03:04:05'), (2, 'N', 1, 1, 0.99, false, '2024-01-02 03:04:05.25');
            """, admin))
            create.ExecuteNonQuery();
        try
        {
            var dataset = RelationalSources.Read(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString);
            var metadata = dataset.Metadata;
            Assert.Equal(["shop", "staff"], metadata.Tables.Select(t => t.Name));
            Assert.Equal(["code", "branch"], metadata.Table("shop").PrimaryKey);
            Assert.Equal(new SqlColumn("pay", "numeric(10,2)", true), metadata.Table("staff").Columns[4]);
            Assert.Equal(new SqlColumn("code", "text", false), metadata.Table("staff").Columns[1]);
            Assert.Equal(["staff(boss) → staff(id)", "staff(code, branch) → shop(code, branch)"], metadata.ForeignKeys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
            var staff = dataset["staff"];
            Assert.Equal(["1234.50", "0.99"], staff.Column("pay"));
            Assert.Equal(["true", "false"], staff.Column("active"));
            Assert.Equal(["2024-01-02 03:04:05", "2024-01-02 03:04:05.25"], staff.Column("seen"));
            Assert.Equal([null, "1"], staff.Column("boss"));
            Assert.Equal(["2024-02-29 00:00:00", null], dataset["shop"].Column("opened").Select(d => d is null ? null : d[..10] + " 00:00:00"));
        }
        finally
        {
            using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", admin);
            drop.ExecuteNonQuery();
        }
    }
}
