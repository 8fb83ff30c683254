using Microsoft.Data.Sqlite;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// A seed into SQLite: one IMMEDIATE transaction with foreign keys enforced and deferred to the commit
/// (<c>PRAGMA defer_foreign_keys</c>, which SQLite resets at COMMIT/ROLLBACK), so self-references and cycles need no
/// special order; rows go in through one prepared multi-row INSERT per table, reused with new parameter values.
/// </summary>
internal sealed class SqliteSeedSession : SeedSession
{
    /// <summary>SQLite's historical limit on parameters per statement, which every build accepts.</summary>
    private const int MaxParameters = 999;

    /// <summary>
    /// Rows per INSERT. Microsoft.Data.Sqlite binds every parameter by name on each execution, at a cost that grows faster
    /// than the parameter count, so big statements lose what they save per statement: on a 5-column table, 8 rows per
    /// INSERT gave about 460,000 rows per CPU-second, 1 row 400,000, 64 rows 230,000 and 200 rows 113,000.
    /// </summary>
    private const int MaxBatchRows = 8;

    private readonly SqliteConnection _connection;
    private readonly bool _ownsConnection;
    private readonly long _foreignKeysBefore;
    private SqliteTransaction? _transaction;

    private SqliteSeedSession(SqliteConnection connection, bool ownsConnection, long foreignKeysBefore)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
        _foreignKeysBefore = foreignKeysBefore;
    }

    /// <summary>Opens the connection if needed and begins the transaction.</summary>
    public static async Task<SqliteSeedSession> BeginAsync(SqliteConnection connection, bool ownsConnection, CancellationToken ct)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct).ConfigureAwait(false);
        // foreign_keys cannot change inside a transaction: switch it on first, and give a borrowed connection its setting back.
        var before = (long)(Scalar(connection, null, "PRAGMA foreign_keys") ?? 0L);
        Execute(connection, null, "PRAGMA foreign_keys = ON");
        var session = new SqliteSeedSession(connection, ownsConnection, before);
        session._transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, session._transaction, "PRAGMA defer_foreign_keys = ON");
        return session;
    }

    /// <inheritdoc/>
    public override Task<ExistingTable?> FindTableAsync(string name, CancellationToken ct)
    {
        using var find = Command("SELECT name FROM sqlite_master WHERE type = 'table' AND name = $name COLLATE NOCASE ORDER BY name = $name DESC LIMIT 1");
        find.Parameters.AddWithValue("$name", name);
        if (find.ExecuteScalar() is not string actual) return Task.FromResult<ExistingTable?>(null);
        using var info = Command($"PRAGMA table_info({SqlNames.Quote(actual)})");
        using var reader = info.ExecuteReader();
        var columns = new List<ExistingColumn>();
        while (reader.Read())
        {
            var type = reader.GetString(2);
            var rowidAlias = reader.GetInt64(5) > 0 && type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
            columns.Add(new ExistingColumn(reader.GetString(1), type, reader.GetInt64(3) != 0 && reader.IsDBNull(4) && !rowidAlias));
        }
        return Task.FromResult<ExistingTable?>(new ExistingTable(actual, columns));
    }

    /// <inheritdoc/>
    public override Task<bool> HasRowsAsync(string table, CancellationToken ct) =>
        Task.FromResult(Convert.ToInt64(Scalar(_connection, _transaction, $"SELECT EXISTS (SELECT 1 FROM {SqlNames.Quote(table)})"),
            System.Globalization.CultureInfo.InvariantCulture) != 0);

    /// <inheritdoc/>
    public override (string SqlType, ValueKind Kind, int? MaxLength) CreateType(string text, DeclaredType declared, IReadOnlyList<string?> cells) =>
        (text.Trim(), SqliteTypes.Kind(declared), null);

    /// <inheritdoc/>
    public override (ValueKind Kind, int? MaxLength)? ExistingType(string typeName) =>
        (SqliteTypes.Kind(DeclaredType.Parse(typeName, "", "")), null);

    /// <inheritdoc/>
    public override Task CreateTablesAsync(IReadOnlyList<TablePlan> plans, RelationalMetadata metadata, CancellationToken ct)
    {
        var byName = plans.ToDictionary(p => p.Table.Name, StringComparer.Ordinal);
        foreach (var plan in plans.Where(p => p.Create))
        {
            ct.ThrowIfCancellationRequested();
            // SQLite has no ALTER TABLE … ADD CONSTRAINT: the foreign keys go into CREATE TABLE (a parent may come later).
            var keys = metadata.KeysFrom(plan.Table.Name).Select(key => TableDdl.ForeignKey(key, byName));
            Execute(_connection, _transaction, TableDdl.CreateTable(plan, metadata, keys));
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task EmptyAsync(IReadOnlyList<string> childrenFirst, CancellationToken ct)
    {
        foreach (var table in childrenFirst)
        {
            ct.ThrowIfCancellationRequested();
            Execute(_connection, _transaction, $"DELETE FROM {SqlNames.Quote(table)}");
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task<long> WriteAsync(TablePlan plan, CancellationToken ct)
    {
        var rows = plan.Rows;
        var width = plan.Columns.Count;
        if (rows.RowCount == 0) return Task.FromResult(0L);
        var batchRows = Math.Max(1, Math.Min(MaxBatchRows, MaxParameters / Math.Max(1, width)));
        var cells = new CellValues(plan.Table.Name, rows);
        var columns = Enumerable.Range(0, width).Select(rows.Column).ToArray();
        using var batch = InsertCommand(plan, batchRows);
        using var single = InsertCommand(plan, 1);
        var row = 0;
        while (row < rows.RowCount)
        {
            ct.ThrowIfCancellationRequested();
            var command = rows.RowCount - row >= batchRows ? batch : single;
            var count = command == batch ? batchRows : 1;
            var parameters = command.Parameters;
            var p = 0;
            for (var r = row; r < row + count; r++)
                for (var c = 0; c < width; c++)
                    parameters[p++].Value = columns[c][r] is { } cell ? cells.ForSqlite(cell, plan.Columns[c], r) : DBNull.Value;
            command.ExecuteNonQuery();
            row += count;
        }
        return Task.FromResult((long)rows.RowCount);
    }

    /// <inheritdoc/>
    public override Task CommitAsync(IReadOnlyList<TablePlan> plans, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        foreach (var plan in plans)
        {
            using var check = Command($"PRAGMA foreign_key_check({SqlNames.Quote(plan.TargetName)})");
            using var reader = check.ExecuteReader();
            if (!reader.Read()) continue;
            var (rowid, parent, keyId) = (reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3));
            var more = 0;
            while (reader.Read()) more++;
            throw new SynthDataException(
                $"Table '{plan.TargetName}' {Violation(plan.TargetName, rowid, keyId)}, which matches no row of '{parent}'{(more > 0 ? $" ({more} more such rows)" : "")}. Nothing was written.",
                hint: "Every foreign key must point at a row of its parent table, written by this seed or already in the database.");
        }
        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        _transaction?.Dispose(); // rolls back when not committed
        _transaction = null;
        if (_ownsConnection) _connection.Dispose();
        else if (_foreignKeysBefore == 0) Execute(_connection, null, "PRAGMA foreign_keys = OFF");
        return ValueTask.CompletedTask;
    }

    /// <summary><c>row with rowid 3 has CustomerId = 42</c>: the offending row's key, for the message.</summary>
    private string Violation(string table, long? rowid, long keyId)
    {
        using var key = Command("SELECT \"from\" FROM pragma_foreign_key_list($table) WHERE id = $id ORDER BY seq");
        key.Parameters.AddWithValue("$table", table);
        key.Parameters.AddWithValue("$id", keyId);
        var columns = new List<string>();
        using (var reader = key.ExecuteReader())
            while (reader.Read()) columns.Add(reader.GetString(0));
        if (rowid is null || columns.Count == 0) return "has a row";
        using var values = Command($"SELECT {SqlNames.List(columns)} FROM {SqlNames.Quote(table)} WHERE rowid = $rowid");
        values.Parameters.AddWithValue("$rowid", rowid);
        using var row = values.ExecuteReader();
        if (!row.Read()) return $"row with rowid {rowid}";
        var shown = columns.Select((c, i) => $"{c} = {Convert.ToString(row.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}");
        return $"row with rowid {rowid} has {string.Join(", ", shown)}";
    }

    private SqliteCommand InsertCommand(TablePlan plan, int rowCount)
    {
        var width = plan.Columns.Count;
        var values = string.Join(", ", Enumerable.Range(0, rowCount).Select(r =>
            "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => $"@p{r * width + c}")) + ")"));
        var command = Command($"INSERT INTO {SqlNames.Quote(plan.TargetName)} ({SqlNames.List(plan.Columns.Select(c => c.TargetName))}) VALUES {values}");
        for (var i = 0; i < rowCount * width; i++) command.Parameters.Add(new SqliteParameter($"@p{i}", DBNull.Value));
        command.Prepare();
        return command;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        return command;
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
