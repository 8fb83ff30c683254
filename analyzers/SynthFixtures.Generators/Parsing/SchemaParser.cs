using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SynthFixtures.Generators.Model;

namespace SynthFixtures.Generators.Parsing;

/// <summary>
/// Reads a <c>.synthschema</c> file (the runtime's ModelSchema.Write, or DatabaseSchema.Write for a learned database:
/// table lines, each followed by its columns, and foreign-key lines): a header line, a model line, an optional privacy
/// line (<c>privacy epsilon=… delta=…</c> or <c>privacy none</c>), then one tab-separated line per column with percent-encoded names, labels and values (SchemaRoundTripTests feed one into the other).
/// A sequence model's schema (the runtime's SequenceSchema.Write) has its own header and gives each column a
/// <c>role=</c> (entity, index, context or step). A file it cannot read yields null, and the
/// type that needs it reports that no model was found.
/// </summary>
internal static class SchemaParser
{
    public const string Extension = ".synthschema";
    private const string Header = "synthfixtures-schema 1";
    private const string DatabaseHeader = "synthfixtures-database-schema 1";
    private const string SequenceHeader = "synthfixtures-sequence-schema 1";

    public static SchemaSpec? Parse(string path, string? text)
    {
        if (text is null) return null;
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0 || (lines[0] != Header && lines[0] != DatabaseHeader && lines[0] != SequenceHeader)) return null;
        var database = lines[0] == DatabaseHeader;
        var sequence = lines[0] == SequenceHeader;
        var columns = new List<SchemaColumnSpec>();
        var tables = new List<TableSchemaSpec>();
        var keys = new List<ForeignKeySchemaSpec>();
        var rules = new List<SchemaRuleSpec>();
        (string Name, EquatableArray<string> Key)? table = null;
        string? modelKind = null;
        SchemaPrivacy? privacy = null;
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split('\t');
            if (fields[0] == "model" && fields.Length >= 2) modelKind = Unescape(fields[1]);
            if (fields[0] == "privacy") privacy = ParsePrivacy(fields);
            if (database && fields[0] == "table" && fields.Length >= 2)
            {
                // A database schema lists each table's columns after its table line.
                if (table is { } done) tables.Add(new TableSchemaSpec(done.Name, done.Key, columns.ToEquatableArray()));
                columns.Clear();
                var key = fields.Skip(2).FirstOrDefault(f => f.StartsWith("key=", StringComparison.Ordinal));
                table = (Unescape(fields[1]), List(key?.Substring(4)));
            }
            if (database && fields[0] == "foreignkey" && fields.Length >= 5)
                keys.Add(new ForeignKeySchemaSpec(Unescape(fields[1]), List(fields[2]), Unescape(fields[3]), List(fields[4])));
            if (!database && fields[0] == "rule" && fields.Length >= 3 && Rule(fields) is { } rule) rules.Add(rule);
            if (fields[0] != "column" || fields.Length < 4) continue;
            columns.Add(Column(fields));
        }
        if (!database) return new SchemaSpec(ModelNameOf(path), path, modelKind, columns.ToEquatableArray(), privacy, Rules: rules.ToEquatableArray(), IsSequence: sequence);
        if (table is { } last) tables.Add(new TableSchemaSpec(last.Name, last.Key, columns.ToEquatableArray()));
        return new SchemaSpec(ModelNameOf(path), path, modelKind, EquatableArray<SchemaColumnSpec>.Empty, privacy, true, tables.ToEquatableArray(), keys.ToEquatableArray());
    }

    private static SchemaColumnSpec Column(string[] fields)
    {
        var settings = fields.Skip(3).Select(f => f.Split(new[] { '=' }, 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        return new SchemaColumnSpec(
            Unescape(fields[1]),
            fields[2],
            settings.TryGetValue("missing", out var missing) && double.TryParse(missing, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) ? rate : 0,
            settings.TryGetValue("min", out var min) ? Unescape(min) : null,
            settings.TryGetValue("max", out var max) ? Unescape(max) : null,
            // No labels= field means no labels; an empty one is a single empty label.
            (settings.TryGetValue("labels", out var labels) ? labels.Split(',').Select(Unescape) : Enumerable.Empty<string>()).ToEquatableArray(),
            settings.TryGetValue("generator", out var generator) ? Unescape(generator) : null,
            settings.TryGetValue("role", out var role) ? Unescape(role) : null);
    }

    /// <summary>A <c>rule</c> line (ModelSchema.AppendRule); null for a kind or shape this version does not know.</summary>
    private static SchemaRuleSpec? Rule(string[] fields)
    {
        var settings = fields.Skip(2).Select(f => f.Split(new[] { '=' }, 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        string? One(string key) => settings.TryGetValue(key, out var value) ? Unescape(value) : null;
        switch (fields[1])
        {
            case "inequality" when One("greater") is { } greater && One("lesser") is { } lesser:
                return new SchemaRuleSpec("inequality", new[] { greater, lesser }.ToEquatableArray(), One("strict") == "true");
            case "derived" when One("target") is { } target:
                return new SchemaRuleSpec("derived", new[] { target }.Concat(settings.TryGetValue("operands", out var operands) ? List(operands) : EquatableArray<string>.Empty).ToEquatableArray(), false);
            case "fixedcombination" when settings.TryGetValue("columns", out var members):
                return new SchemaRuleSpec("fixedcombination", List(members), false);
            case "identifier" when One("column") is { } column:
                return new SchemaRuleSpec("identifier", new[] { column }.ToEquatableArray(), false);
            default:
                return null;
        }
    }

    /// <summary>A comma-separated list of percent-encoded names (key columns).</summary>
    private static EquatableArray<string> List(string? text) =>
        string.IsNullOrEmpty(text) ? EquatableArray<string>.Empty : text!.Split(',').Select(Unescape).ToEquatableArray();

    /// <summary>ε and δ of a differentially private model; anything else (<c>none</c>, unreadable numbers) is no guarantee.</summary>
    private static SchemaPrivacy ParsePrivacy(string[] fields)
    {
        var settings = fields.Skip(1).Select(f => f.Split(new[] { '=' }, 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        return settings.TryGetValue("epsilon", out var epsilonText) && settings.TryGetValue("delta", out var deltaText)
            && double.TryParse(epsilonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var epsilon)
            && double.TryParse(deltaText, NumberStyles.Float, CultureInfo.InvariantCulture, out var delta)
            ? new SchemaPrivacy(epsilon, delta)
            : SchemaPrivacy.None;
    }

    /// <summary>The model name a schema or CSV path stands for: its file name without extension.</summary>
    public static string ModelNameOf(string path) => Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/').Last());

    private static string Unescape(string text)
    {
        if (text.IndexOf('%') < 0) return text;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length
                && int.TryParse(text.Substring(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                result.Append((char)code);
                i += 2;
            }
            else result.Append(text[i]);
        }
        return result.ToString();
    }
}
