using System.CommandLine;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// The sequence options: <c>--entity</c> (whose history a row belongs to), <c>--sequence-index</c> (what orders an
/// entity's rows) and <c>--context</c> (values constant within an entity; detected when left out). Each list option may
/// be repeated or take comma-separated names.
/// </summary>
internal sealed class SequenceOptionSet
{
    private readonly Option<string[]> _entity = new("--entity")
    {
        Description = "Read the CSV as sequences: the column naming each row's entity (a customer, sensor or symbol); repeat or separate by commas for several.",
    };

    private readonly Option<string?> _index = new("--sequence-index")
    {
        Description = "With --entity: the datetime or integer column that orders each entity's rows (default: the file's order).",
    };

    private readonly Option<string[]> _context = new("--context")
    {
        Description = "With --entity: the columns constant within each entity (checked); default: detected, every column constant within all entities with more than one step.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_entity);
        command.Options.Add(_index);
        command.Options.Add(_context);
    }

    /// <summary>Whether <c>--entity</c> was given.</summary>
    /// <exception cref="SynthDataException"><c>--sequence-index</c> or <c>--context</c> without <c>--entity</c>.</exception>
    public bool Given(ParseResult parse)
    {
        if (parse.GetValue(_entity) is { Length: > 0 }) return true;
        if (parse.GetValue(_index) is not null || parse.GetValue(_context) is { Length: > 0 })
            throw new SynthDataException("--sequence-index and --context describe sequences, so they need --entity.",
                hint: "Add --entity COLUMN, the column naming whose history each row belongs to.");
        return false;
    }

    /// <summary>The sequence profile of <paramref name="table"/> for the given options.</summary>
    /// <exception cref="SynthDataException">A named column is missing, plays two parts or is of the wrong kind, or a given context column varies within an entity.</exception>
    public SequenceProfile Detect(ParseResult parse, Table table, TableMetadata metadata)
    {
        var entity = Names(parse.GetValue(_entity), table);
        var context = parse.GetValue(_context) is { Length: > 0 } given ? Names(given, table) : null;
        return SequenceProfiler.Detect(table, metadata, entity, parse.GetValue(_index), context);
    }

    // A name the table has is taken whole even if it holds a comma; otherwise commas separate names.
    private static List<string> Names(string[]? values, Table table) =>
        (values ?? []).SelectMany(v => table.HasColumn(v) ? [v] : v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
}
