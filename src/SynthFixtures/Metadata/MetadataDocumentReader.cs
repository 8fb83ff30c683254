namespace SynthFixtures.Metadata;

/// <summary>Turns the deserialized JSON into <see cref="TableMetadata"/>, checking what the serializer cannot: required fields, known kinds, unique names.</summary>
internal static class MetadataDocumentReader
{
    // root: the JSON path of the object holding "columns" (a relational table's, inside a relational metadata file).
    public static TableMetadata ToMetadata(MetadataDocument? document, string? source, JsonPositions positions, string root = "$")
    {
        SynthDataException Error(string message, string hint, string? columnName, params string[] paths)
        {
            var at = positions.FindFirst([.. paths, root, "$"]);
            return new SynthDataException(message, source, at?.Line, at?.Column, hint, columnName);
        }

        if (document?.Columns is not { } columns)
            throw Error("The metadata has no \"columns\" array.", "Add \"columns\": [ { \"name\": \"age\", \"kind\": \"integer\" }, … ].", null, root);

        var result = new List<ColumnMetadata>(columns.Count);
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var at = $"{root}.columns[{i}]";
            var column = columns[i] ?? throw Error($"Column {i + 1} is null.", "Each column is an object with a name and a kind.", null, at);
            if (string.IsNullOrWhiteSpace(column.Name))
                throw Error($"Column {i + 1} has no name.", "Give it \"name\": the CSV header of the column.", null, at + ".name", at);
            var name = column.Name;
            if (firstIndex.TryGetValue(name, out var first))
                throw Error($"Columns {first + 1} and {i + 1} are both named '{name}'.", "Remove or rename one of them: names must be unique.", name, at + ".name");
            firstIndex.Add(name, i);
            if (column.Kind is null)
                throw Error($"Column '{name}' has no kind.", $"Add \"kind\": one of {MetadataJson.Names<ColumnKind>()}.", name, at);
            if (!MetadataJson.TryParseName<ColumnKind>(column.Kind, out var kind))
                throw Error($"Column '{name}' has the unknown kind '{column.Kind}'.", $"Use one of: {MetadataJson.Names<ColumnKind>()}.", name, at + ".kind");
            var pii = PiiKind.None;
            if (column.Pii is not null && !MetadataJson.TryParseName(column.Pii, out pii))
                throw Error($"Column '{name}' has the unknown pii '{column.Pii}'.", $"Use one of: {MetadataJson.Names<PiiKind>()}.", name, at + ".pii");
            if (column.DecimalPlaces is < 0 or > 15)
                throw Error($"Column '{name}' has decimalPlaces {column.DecimalPlaces}; it must be between 0 and 15.", "Set the number of digits written after the decimal point.", name, at + ".decimalPlaces");
            if (column.DateTimeFormat is { } format && !MetadataJson.IsValidDateTimeFormat(format))
                throw Error($"Column '{name}' has the invalid dateTimeFormat '{format}'.", "Use a .NET custom date and time format string such as yyyy-MM-dd or yyyy-MM-dd HH:mm:ss, or leave it out to parse dates by default.", name, at + ".dateTimeFormat");
            var textModel = column.TextModel?.Trim().ToLowerInvariant();
            if (textModel is not (null or "learned" or "lorem"))
                throw Error($"Column '{name}' has the unknown textModel '{column.TextModel}'.", "Use learned or lorem, or leave it out to let the training run decide.", name, at + ".textModel");
            if (textModel is not null && (kind != ColumnKind.Text || pii != PiiKind.None))
                throw Error($"Column '{name}' has a textModel, but it is not free text.", "Only a column of kind text without pii can have a text model: remove \"textModel\".", name, at + ".textModel");
            result.Add(new ColumnMetadata
            {
                Name = name, Kind = kind, Pii = pii, DateTimeFormat = column.DateTimeFormat, DecimalPlaces = column.DecimalPlaces, Evidence = column.Evidence,
                TextModel = textModel,
            });
        }
        if (document.PrimaryKey is { } key && !firstIndex.ContainsKey(key))
            throw Error($"The primary key '{key}' is not one of the columns.", $"Name one of the columns ({string.Join(", ", firstIndex.Keys)}) or remove \"primaryKey\".", null, $"{root}.primaryKey");
        var rules = Rules.RuleDocumentReader.Read(document.Rules, result, root,
            (message, hint, column, paths) => Error(message, hint, column, paths),
            positions.Find,
            (message, index, path, hint) =>
            {
                // The rule's text starts one character after its opening quote (escapes inside a rule are rare enough to ignore).
                var start = positions.FindFirst(path, root);
                return new SynthDataException(message, source, start?.Line, start is { } s ? s.Column + 1 + index : null, hint);
            });
        var sequence = Sequences.SequenceDocumentReader.Read(document.Sequence, result, $"{root}.sequence", positions,
            (message, hint, column, path) => Error(message, hint, column, path, $"{root}.sequence"));
        return new TableMetadata
        {
            Rules = rules is { Count: > 0 } ? rules : null,
            Sequence = sequence,
            SchemaVersion = document.SchemaVersion ?? TableMetadata.CurrentSchemaVersion,
            Columns = result,
            PrimaryKey = document.PrimaryKey,
        };
    }
}
