using SynthFixtures.Data;
using SynthFixtures.Metadata.Relational;

namespace SynthFixtures.Databases.Writing;

/// <summary>
/// One seed's open transaction on one engine: what the planner asks about existing tables, and the writes. Nothing is
/// visible outside until <see cref="CommitAsync"/>; disposing without committing rolls everything back, created tables
/// included (both engines' DDL is transactional).
/// </summary>
internal abstract class SeedSession : IAsyncDisposable
{
    /// <summary>The table whose name matches <paramref name="name"/> (exactly, else ignoring case), or <c>null</c>.</summary>
    public abstract Task<ExistingTable?> FindTableAsync(string name, CancellationToken ct);

    /// <summary>Whether the table holds at least one row.</summary>
    public abstract Task<bool> HasRowsAsync(string table, CancellationToken ct);

    /// <summary>The column type to create for a column declared <paramref name="declared"/> (as written: <paramref name="text"/>) on this engine, given its <paramref name="cells"/>, and how its cells are written.</summary>
    public abstract (string SqlType, ValueKind Kind, int? MaxLength) CreateType(string text, DeclaredType declared, IReadOnlyList<string?> cells);

    /// <summary>How cells are written into an existing column of type <paramref name="typeName"/>; <c>null</c>: a type the seeder does not write.</summary>
    public abstract (ValueKind Kind, int? MaxLength)? ExistingType(string typeName);

    /// <summary>Creates the tables planned for creation (<see cref="TablePlan.Create"/>) with their keys and foreign keys.</summary>
    public abstract Task CreateTablesAsync(IReadOnlyList<TablePlan> plans, RelationalMetadata metadata, CancellationToken ct);

    /// <summary>Deletes every row of the tables, given children first.</summary>
    public abstract Task EmptyAsync(IReadOnlyList<string> childrenFirst, CancellationToken ct);

    /// <summary>Writes the plan's rows; returns how many.</summary>
    public abstract Task<long> WriteAsync(TablePlan plan, CancellationToken ct);

    /// <summary>Checks the foreign keys the engine defers and commits.</summary>
    public abstract Task CommitAsync(IReadOnlyList<TablePlan> plans, CancellationToken ct);

    /// <inheritdoc/>
    public abstract ValueTask DisposeAsync();
}

/// <summary>A table found in the target database.</summary>
/// <param name="Name">Its name as the database spells it.</param>
/// <param name="Columns">Its columns in order.</param>
internal sealed record ExistingTable(string Name, IReadOnlyList<ExistingColumn> Columns);

/// <summary>A column of an <see cref="ExistingTable"/>.</summary>
/// <param name="Name">Its name as the database spells it.</param>
/// <param name="TypeName">Its type as the database prints it.</param>
/// <param name="Required">NOT NULL without a default: a row must give it.</param>
internal sealed record ExistingColumn(string Name, string TypeName, bool Required);

/// <summary>How one dataset table is written.</summary>
/// <param name="Table">The table's metadata.</param>
/// <param name="Rows">Its cells.</param>
/// <param name="TargetName">Its name in the database.</param>
/// <param name="Columns">Per dataset column, the target column and how cells are converted.</param>
/// <param name="CreateTypes">Per column, the SQL type to create it with; <c>null</c> when the table exists.</param>
internal sealed record TablePlan(RelationalTable Table, Table Rows, string TargetName, IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<string>? CreateTypes)
{
    /// <summary>Whether the seed creates the table.</summary>
    public bool Create => CreateTypes is not null;
}
