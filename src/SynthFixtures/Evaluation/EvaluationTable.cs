using SynthFixtures.Data;

namespace SynthFixtures.Evaluation;

/// <summary>A table an evaluation reads: a CSV file, or rows already in memory, and the name the report gives it.</summary>
public sealed class EvaluationTable
{
    private readonly Table? _table;

    private EvaluationTable(string name, string? path, Table? table)
    {
        Name = name;
        Path = path;
        _table = table;
    }

    /// <summary>How the report names the table (a CSV's file name).</summary>
    public string Name { get; }

    /// <summary>The CSV file, or <c>null</c> for rows in memory.</summary>
    public string? Path { get; }

    /// <summary>The CSV file at <paramref name="path"/>, read with <see cref="EvaluationRequest.ReadOptions"/>; the report names it by its file name.</summary>
    public static EvaluationTable FromCsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path); // an empty path is bad input, named when it is read
        return new EvaluationTable(System.IO.Path.GetFileName(path), path, null);
    }

    /// <summary>Rows in memory, named <paramref name="name"/> in the report.</summary>
    public static EvaluationTable FromTable(Table table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new EvaluationTable(name, null, table);
    }

    /// <summary>The rows: the table in memory, or the CSV read with <paramref name="options"/>.</summary>
    /// <exception cref="SynthDataException">The CSV is missing or malformed.</exception>
    internal Table Read(CsvReadOptions options) => _table ?? CsvTableReader.Read(Path!, options);
}
