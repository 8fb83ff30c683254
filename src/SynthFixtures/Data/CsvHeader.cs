namespace SynthFixtures.Data;

/// <summary>Checks a CSV header: every column named, no name twice.</summary>
internal static class CsvHeader
{
    /// <summary>The column names, checked (and trimmed or made up as <paramref name="options"/> say).</summary>
    /// <exception cref="SynthDataException">A name is empty or appears twice.</exception>
    public static string[] Names(IReadOnlyList<string> header, CsvReadOptions options, string source, int line)
    {
        var names = new string[header.Count];
        var firstPosition = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var raw = header[i] ?? "";
            var name = options.TrimValues ? CellText.Normalize(raw) : raw;
            if (string.IsNullOrWhiteSpace(name))
            {
                if (!options.NameUnnamedColumns)
                    throw new SynthDataException(
                        $"Column {i + 1} of {names.Length} has an empty name in the header.", source, line, i + 1,
                        "Give every column a name in the header row. A pandas index column is written with an empty name: " +
                        "drop it (to_csv(index=False)) or set CsvReadOptions.NameUnnamedColumns to name it 'column" + (i + 1) + "'.");
                name = "column" + (i + 1);
            }
            if (firstPosition.TryGetValue(name, out var first))
                throw new SynthDataException(
                    $"Columns {first + 1} and {i + 1} are both named '{name}'.", source, line, i + 1,
                    "Rename one of them: column names must be unique (compared exactly, case-sensitive).", name);
            firstPosition.Add(name, i);
            names[i] = name;
        }
        return names;
    }
}
