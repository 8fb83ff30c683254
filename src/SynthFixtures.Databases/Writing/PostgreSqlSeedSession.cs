using Npgsql;
using NpgsqlTypes;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// A seed into PostgreSQL: one transaction with every deferrable constraint deferred to the commit (the foreign keys the
/// seed creates are <c>DEFERRABLE INITIALLY IMMEDIATE</c>: ordinary for later use, checked at commit here, so
/// self-references and cycles need no special order); rows go in by binary COPY, one per table.
/// </summary>
internal sealed class PostgreSqlSeedSession : SeedSession
{
    private readonly NpgsqlConnection _connection;
    private readonly bool _ownsConnection;
    private NpgsqlTransaction? _transaction;

    private PostgreSqlSeedSession(NpgsqlConnection connection, bool ownsConnection)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
    }

    /// <summary>Opens the connection if needed and begins the transaction.</summary>
    public static async Task<PostgreSqlSeedSession> BeginAsync(NpgsqlConnection connection, bool ownsConnection, CancellationToken ct)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct).ConfigureAwait(false);
        var session = new PostgreSqlSeedSession(connection, ownsConnection);
        session._transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await session.ExecuteAsync("SET CONSTRAINTS ALL DEFERRED", ct).ConfigureAwait(false);
        return session;
    }

    /// <inheritdoc/>
    public override async Task<ExistingTable?> FindTableAsync(string name, CancellationToken ct)
    {
        await using var find = Command(
            "SELECT c.oid, c.relname FROM pg_class c WHERE c.relkind IN ('r', 'p') AND pg_table_is_visible(c.oid) " +
            "AND lower(c.relname) = lower(@name) ORDER BY c.relname = @name DESC LIMIT 1");
        find.Parameters.AddWithValue("name", name);
        uint oid;
        string actual;
        await using (var reader = await find.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(ct).ConfigureAwait(false)) return null;
            (oid, actual) = (reader.GetFieldValue<uint>(0), reader.GetString(1));
        }
        await using var info = Command(
            "SELECT attname, format_type(atttypid, atttypmod), attnotnull AND NOT atthasdef AND attidentity = '' AND attgenerated = '' " +
            "FROM pg_attribute WHERE attrelid = @oid AND attnum > 0 AND NOT attisdropped ORDER BY attnum");
        info.Parameters.AddWithValue("oid", NpgsqlDbType.Oid, oid);
        var columns = new List<ExistingColumn>();
        await using (var reader = await info.ExecuteReaderAsync(ct).ConfigureAwait(false))
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                columns.Add(new ExistingColumn(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        return new ExistingTable(actual, columns);
    }

    /// <inheritdoc/>
    public override async Task<bool> HasRowsAsync(string table, CancellationToken ct)
    {
        await using var command = Command($"SELECT EXISTS (SELECT 1 FROM {SqlNames.Quote(table)})");
        return (bool)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <inheritdoc/>
    public override (string SqlType, ValueKind Kind, int? MaxLength) CreateType(string text, DeclaredType declared, IReadOnlyList<string?> cells)
    {
        var sqlType = PostgreSqlTypes.ForDeclared(declared, cells);
        var (kind, maxLength) = PostgreSqlTypes.Writable(sqlType)!.Value;
        return (sqlType, kind, maxLength);
    }

    /// <inheritdoc/>
    public override (ValueKind Kind, int? MaxLength)? ExistingType(string typeName) => PostgreSqlTypes.Writable(typeName);

    /// <inheritdoc/>
    public override async Task CreateTablesAsync(IReadOnlyList<TablePlan> plans, RelationalMetadata metadata, CancellationToken ct)
    {
        var byName = plans.ToDictionary(p => p.Table.Name, StringComparer.Ordinal);
        var created = plans.Where(p => p.Create).ToList();
        foreach (var plan in created)
            await ExecuteAsync(TableDdl.CreateTable(plan, metadata, []), ct).ConfigureAwait(false);
        // Added once every table exists, so creation order does not matter (cycles included).
        foreach (var plan in created)
            foreach (var key in metadata.KeysFrom(plan.Table.Name))
                await ExecuteAsync($"ALTER TABLE {SqlNames.Quote(plan.TargetName)} ADD {TableDdl.ForeignKey(key, byName)} DEFERRABLE INITIALLY IMMEDIATE", ct)
                    .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override Task EmptyAsync(IReadOnlyList<string> childrenFirst, CancellationToken ct) =>
        childrenFirst.Count == 0 ? Task.CompletedTask : ExecuteAsync($"TRUNCATE {SqlNames.List(childrenFirst)}", ct);

    /// <inheritdoc/>
    public override async Task<long> WriteAsync(TablePlan plan, CancellationToken ct)
    {
        var rows = plan.Rows;
        var width = plan.Columns.Count;
        var cells = new CellValues(plan.Table.Name, rows);
        var columns = Enumerable.Range(0, width).Select(rows.Column).ToArray();
        var copy = $"COPY {SqlNames.Quote(plan.TargetName)} ({SqlNames.List(plan.Columns.Select(c => c.TargetName))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await _connection.BeginBinaryImportAsync(copy, ct).ConfigureAwait(false);
        for (var r = 0; r < rows.RowCount; r++)
        {
            if ((r & 1023) == 0) ct.ThrowIfCancellationRequested();
            // The synchronous writes only buffer; Npgsql flushes when its buffer fills, so per-value awaits would only add cost.
            importer.StartRow();
            for (var c = 0; c < width; c++)
            {
                if (columns[c][r] is not { } cell) { importer.WriteNull(); continue; }
                var column = plan.Columns[c];
                switch (column.Kind)
                {
                    case ValueKind.Int16: importer.Write(cells.Int16(cell, column, r), NpgsqlDbType.Smallint); break;
                    case ValueKind.Int32: importer.Write(cells.Int32(cell, column, r), NpgsqlDbType.Integer); break;
                    case ValueKind.Int64: importer.Write(cells.Int64(cell, column, r), NpgsqlDbType.Bigint); break;
                    case ValueKind.Decimal: importer.Write(cells.Decimal(cell, column, r), NpgsqlDbType.Numeric); break;
                    case ValueKind.Single: importer.Write((float)cells.Double(cell, column, r), NpgsqlDbType.Real); break;
                    case ValueKind.Double: importer.Write(cells.Double(cell, column, r), NpgsqlDbType.Double); break;
                    case ValueKind.Boolean: importer.Write(cells.Boolean(cell, column, r), NpgsqlDbType.Boolean); break;
                    case ValueKind.Timestamp: importer.Write(cells.Timestamp(cell, column, r), NpgsqlDbType.Timestamp); break;
                    case ValueKind.TimestampWithTimeZone: importer.Write(cells.TimestampUtc(cell, column, r), NpgsqlDbType.TimestampTz); break;
                    case ValueKind.Date: importer.Write(cells.Date(cell, column, r), NpgsqlDbType.Date); break;
                    case ValueKind.Time: importer.Write(cells.Time(cell, column, r), NpgsqlDbType.Time); break;
                    case ValueKind.Uuid: importer.Write(cells.Uuid(cell, column, r), NpgsqlDbType.Uuid); break;
                    default: importer.Write(cells.Text(cell, column, r), NpgsqlDbType.Text); break;
                }
            }
        }
        return (long)await importer.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override async Task CommitAsync(IReadOnlyList<TablePlan> plans, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // Deferred foreign keys are checked here; a violation fails the commit and PostgreSQL rolls everything back.
        await _transaction!.CommitAsync(ct).ConfigureAwait(false);
        await _transaction.DisposeAsync().ConfigureAwait(false);
        _transaction = null;
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            try
            {
                await _transaction.DisposeAsync().ConfigureAwait(false); // rolls back when not committed
            }
            catch (NpgsqlException) when (_ownsConnection)
            {
                // The connection is gone (cancelled or lost): the server rolls the transaction back on its own.
            }
            _transaction = null;
        }
        if (_ownsConnection) await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
