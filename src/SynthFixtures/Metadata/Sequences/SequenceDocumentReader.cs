using System.Text.Json;

namespace SynthFixtures.Metadata.Sequences;

/// <summary>Turns the metadata JSON's <c>"sequence"</c> section into <see cref="SequenceMetadata"/>, each problem at its place in the file.</summary>
internal static class SequenceDocumentReader
{
    /// <summary>An error at the first of the given JSON paths that exists: message, hint, column name, path.</summary>
    public delegate SynthDataException ErrorAt(string message, string hint, string? column, string path);

    public static SequenceMetadata? Read(SequenceDocument? document, IReadOnlyList<ColumnMetadata> columns, string at, JsonPositions positions, ErrorAt error)
    {
        if (document is null) return null;
        const string shape = "Write \"sequence\": { \"entity\": [\"location\"], \"index\": \"date\", \"context\": [\"region\"] } (entity may be one name).";
        var entityIsText = false;
        List<string> entities;
        switch (document.Entity)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                throw error("The sequence has no \"entity\".", shape, null, at);
            case { ValueKind: JsonValueKind.String } name:
                entityIsText = true;
                entities = [name.GetString()!];
                break;
            case { ValueKind: JsonValueKind.Array } list:
                entities = [];
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                        throw error($"Entity {i + 1} of the sequence is not a column name.", shape, null, $"{at}.entity[{i}]");
                    entities.Add(item.GetString()!);
                    i++;
                }
                break;
            default:
                throw error($"The sequence's \"entity\" is {Kind(document.Entity.Value.ValueKind)}, not a column name or an array of them.", shape, null, $"{at}.entity");
        }
        if (document.Index is { } index && string.IsNullOrWhiteSpace(index))
            throw error("The sequence's \"index\" is empty.", "Name the datetime or integer column that orders each entity's rows, or leave \"index\" out for the file's order.", null, $"{at}.index");
        var context = new List<string>();
        for (var i = 0; i < (document.Context?.Count ?? 0); i++)
            context.Add(document.Context![i] is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name
                : throw error($"Context column {i + 1} of the sequence has no name.", "Each context entry is a column name.", null, $"{at}.context[{i}]"));

        var sequence = new SequenceMetadata { EntityColumns = entities, IndexColumn = document.Index, ContextColumns = context };
        if (SequenceColumnsCheck.FirstProblem(sequence, columns) is { } problem)
        {
            var path = problem.Role switch
            {
                SequenceRole.Entity when entityIsText || problem.Position < 0 => $"{at}.entity",
                SequenceRole.Entity => $"{at}.entity[{problem.Position}]",
                SequenceRole.Index => $"{at}.index",
                _ => $"{at}.context[{problem.Position}]",
            };
            throw error(problem.Message, problem.Hint, problem.Column, positions.Find(path) is null ? at : path);
        }
        return sequence;
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
