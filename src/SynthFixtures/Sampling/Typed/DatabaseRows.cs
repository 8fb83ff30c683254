using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Relational;
using SynthFixtures.Transforms;

namespace SynthFixtures.Sampling.Typed;

/// <summary>
/// One table of a <see cref="GraphDatabase"/> as a bound type's stream reads it: cells of any row converted to what a
/// property holds, the object of each row made once (so a parent reached from two children is one object), and a
/// child's parents brought into the graph through its foreign keys. Not thread-safe (one per graph and table).
/// </summary>
public sealed class DatabaseRows
{
    private readonly GraphDatabase _database;
    private readonly RelationalTable _table;
    private readonly Table _rows;
    private readonly object?[] _objects;
    private readonly bool[] _making;
    private readonly Dictionary<string, Dictionary<string, int>> _keyIndexes = new(StringComparer.Ordinal);

    internal DatabaseRows(GraphDatabase database, RelationalTable table, Table rows)
    {
        _database = database;
        _table = table;
        _rows = rows;
        _objects = new object?[rows.RowCount];
        _making = new bool[rows.RowCount];
    }

    /// <summary>The table's name.</summary>
    public string Table => _table.Name;

    /// <summary>Rows of the table in the graph's sample.</summary>
    public int Count => _rows.RowCount;

    /// <summary>The index of a column the generated code binds to; an error if the table lacks it (the build is stale).</summary>
    public int Column(string name)
    {
        if (_rows.HasColumn(name)) return _rows.IndexOf(name);
        throw new SynthDataException($"Table '{Table}' of the embedded database has no column '{name}', which the compiled binding expects.",
            hint: "Rebuild the project so the model and the generated code come from the same database.");
    }

    /// <summary>
    /// The object of <paramref name="row"/>, made by <paramref name="make"/> the first time and the same instance after.
    /// </summary>
    /// <exception cref="SynthDataException">Making the row needs the row itself (foreign keys that form a cycle of rows).</exception>
    public T Object<T>(int row, Func<int, T> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (_objects[row] is T made) return made;
        if (_making[row])
            throw new SynthDataException($"Row {row + 1} of table '{Table}' references itself through its foreign keys, so its objects cannot be made parents first.",
                hint: "Leave one of the keys on the cycle out of the bound types.");
        _making[row] = true;
        try
        {
            var item = make(row);
            _objects[row] = item;
            return item;
        }
        finally
        {
            _making[row] = false;
        }
    }

    /// <summary>
    /// Brings the parent of <paramref name="row"/> through the single-column foreign key on <paramref name="column"/>
    /// into the graph: the parent row's object, made by <paramref name="principal"/>'s stream in this graph, is added to
    /// <see cref="SynthGraph.Objects"/> (once) ahead of the child. Nothing happens when the key is empty.
    /// </summary>
    /// <exception cref="SynthDataException"><paramref name="principal"/> is not bound to the key's parent table, or the parent row is missing.</exception>
    public T? Principal<T>(ISynthesizer<T> principal, int column, int row)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var value = _rows[row, column];
        if (value is null) return default;
        var name = _rows.ColumnNames[column];
        var key = _database.Model.Metadata.ForeignKeys.FirstOrDefault(k => k.ChildTable == Table && k.ChildColumns.Count == 1 && k.ChildColumns[0] == name)
            ?? throw new SynthDataException($"Column '{name}' of table '{Table}' is no foreign key of the embedded database, which the compiled binding expects.",
                hint: "Rebuild the project so the model and the generated code come from the same database.");
        if (_database.Graph.StreamOf(principal) is not IDatabaseRowStream<T> parents || parents.Rows.Table != key.ParentTable)
            throw new SynthDataException($"{Table}.{name} references table '{key.ParentTable}', but {typeof(T).Name} is not bound to it.",
                hint: $"Mark the property [SynthForeignKey(typeof(X))] with the type bound to table '{key.ParentTable}'.");
        var parentRow = parents.Rows.RowOf(key.ParentColumns[0], value)
            ?? throw new SynthDataException($"{Table}.{name} = '{value}' on row {row + 1} matches no row of '{key.ParentTable}' in the sample.");
        var item = parents.At(parentRow);
        if (item is not null) _database.Graph.RecordPrincipal(item);
        return item;
    }

    /// <summary>The row whose <paramref name="column"/> holds <paramref name="value"/> (a key column: unique), or null.</summary>
    internal int? RowOf(string column, string value)
    {
        if (!_keyIndexes.TryGetValue(column, out var index))
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            var cells = _rows.Column(column);
            for (var r = 0; r < cells.Count; r++)
                if (cells[r] is { } cell) index.TryAdd(cell, r);
            _keyIndexes.Add(column, index);
        }
        return index.TryGetValue(value, out var found) ? found : null;
    }

    /// <summary>Whether the cell is empty (NULL).</summary>
    public bool IsMissing(int row, int column) => _rows[row, column] is null;

    /// <summary>The cell as text; <c>null</c> when missing.</summary>
    public string? Text(int row, int column) => _rows[row, column];

    /// <summary>A whole number (also written <c>12.0</c>).</summary>
    public long Integer(int row, int column)
    {
        var text = Cell(row, column);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        return checked((long)Math.Round(Number(row, column)));
    }

    /// <summary>A floating-point number.</summary>
    public double Number(int row, int column)
    {
        var text = Cell(row, column);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw NotA(row, column, "number");
    }

    /// <summary>A decimal, read exactly from its text (prices are not rounded through a float).</summary>
    public decimal Decimal(int row, int column)
    {
        var text = Cell(row, column);
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw NotA(row, column, "decimal");
    }

    /// <summary>A yes/no value (true/false, yes/no, y/n, t/f, 1/0).</summary>
    public bool Boolean(int row, int column) => Cell(row, column).ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "t" or "1" => true,
        "false" or "no" or "n" or "f" or "0" => false,
        _ => throw NotA(row, column, "yes/no value"),
    };

    /// <summary>A date and time, read with the column's profiled format, else as ISO 8601.</summary>
    public DateTime DateTime(int row, int column)
    {
        var text = Cell(row, column);
        var metadata = _table.Profile?.Find(_rows.ColumnNames[column]) ?? new ColumnMetadata { Name = _rows.ColumnNames[column], Kind = ColumnKind.DateTime };
        if (metadata.Kind == ColumnKind.DateTime && ColumnValues.TryParse(text, metadata, out var seconds)) return ColumnValues.ToDateTime(seconds);
        return System.DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw NotA(row, column, "date");
    }

    /// <summary>A GUID.</summary>
    public Guid Guid(int row, int column) => System.Guid.TryParse(Cell(row, column), out var value) ? value : throw NotA(row, column, "GUID");

    private string Cell(int row, int column) => _rows[row, column]
        ?? throw new SynthDataException($"Column '{_rows.ColumnNames[column]}' of table '{Table}' has no value on row {row + 1}.",
            hint: "Check IsMissing first (the bound property should be nullable).");

    private SynthDataException NotA(int row, int column, string what) =>
        new($"'{_rows[row, column]}' in column '{_rows.ColumnNames[column]}' of table '{Table}' (row {row + 1}) is not a {what}.",
            hint: "Bind the column to a string instead.");
}
