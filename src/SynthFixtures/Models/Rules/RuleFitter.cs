using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Rules;

namespace SynthFixtures.Models.Rules;

/// <summary>
/// Turns a table and its rules into the table an inner model learns: each fixed combination becomes one categorical
/// column, each inequality's greater column the logarithm of its difference from the lesser (plus the greater value
/// where the lesser is missing), derived and identifier columns are dropped (they are computed and generated after
/// sampling). First it checks that the data keeps every rule.
/// </summary>
internal static class RuleFitter
{
    /// <summary>Joins a combination's members in the joint column's labels.</summary>
    public const char Separator = '\u001F';

    /// <summary>Stands for a missing member in a joint label.</summary>
    public const char Missing = '\u0018';

    /// <summary>The inner model's table and metadata, and what sampling needs to rebuild the rows.</summary>
    /// <param name="table">The training rows, checked against their metadata.</param>
    /// <param name="metadata">Their metadata, with rules.</param>
    /// <param name="isPrivate">A differentially private fit: nothing is learned from the rows here (identifier formats must be declared, a lesser column is always assumed to have missing values).</param>
    /// <exception cref="SynthDataException">The data breaks a rule, a value holds a character a combination uses, or a private fit's identifier format is not declared in full.</exception>
    public static (Table Table, TableMetadata Metadata, KeptRules Kept) Fit(Table table, TableMetadata metadata, bool isPrivate)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        var rules = metadata.Rules ?? [];
        if (RuleChecks.Problem(rules, metadata.Columns) is { } problem)
            throw new SynthDataException(problem.Message, table.SourcePath, hint: problem.Hint, columnName: problem.Column);
        Refuse(table, metadata, RuleViolations.Find(table, metadata));

        var names = new HashSet<string>(metadata.Columns.Select(c => c.Name), StringComparer.Ordinal);
        string Fresh(string name)
        {
            while (!names.Add(name)) name += "#";
            return name;
        }
        var written = rules.SelectMany(r => r.WrittenColumns).ToHashSet(StringComparer.Ordinal);
        var columns = new List<(ColumnMetadata Column, string?[] Cells, string? Missing)>();
        var combinations = new List<KeptCombination>();
        var inequalities = new List<KeptInequality>();
        var identifiers = new List<GeneratedColumnSpec>();
        foreach (var column in metadata.Columns)
        {
            var index = table.IndexOf(column.Name);
            if (!written.Contains(column.Name))
            {
                columns.Add((column, (string?[])table.Column(index), table.MissingTokens[index]));
                continue;
            }
            var ruleIndex = Enumerable.Range(0, rules.Count).First(i => rules[i].WrittenColumns.Contains(column.Name));
            switch (rules[ruleIndex])
            {
                case FixedCombinationRule combination when combination.Columns[0] == column.Name:
                    var joint = Fresh(string.Join(" & ", combination.Columns));
                    columns.Add((new ColumnMetadata { Name = joint, Kind = ColumnKind.Categorical, Evidence = "rule: " + combination.Text },
                        JointCells(combination, table), null));
                    combinations.Add(new KeptCombination(ruleIndex, joint));
                    break;
                case InequalityRule inequality:
                    var (difference, fallback, offset) = Difference(inequality, table, metadata, isPrivate);
                    var differenceName = Fresh($"log({inequality.Greater} - {inequality.Lesser})");
                    columns.Add((new ColumnMetadata { Name = differenceName, Kind = ColumnKind.Decimal, Evidence = "rule: " + inequality.Text }, difference, null));
                    string? fallbackName = null;
                    if (fallback is not null)
                    {
                        fallbackName = Fresh($"{inequality.Greater} (where {inequality.Lesser} is missing)");
                        columns.Add((column with { Name = fallbackName }, fallback, table.MissingTokens[index]));
                    }
                    inequalities.Add(new KeptInequality(ruleIndex, differenceName, fallbackName, offset));
                    break;
                case IdentifierFormatRule identifier:
                    identifiers.Add(IdentifierRecipe(identifier, table, index, column, isPrivate));
                    break;
            }
        }
        var innerTable = new Table(columns.Select(c => c.Column.Name).ToArray(), columns.Select(c => c.Cells).ToArray(),
            columns.Select(c => c.Missing).ToArray(), table.SourcePath, table.SourceLines);
        var innerMetadata = new TableMetadata
        {
            SchemaVersion = metadata.SchemaVersion, Columns = columns.Select(c => c.Column).ToList(),
            PrimaryKey = metadata.PrimaryKey is { } key && !written.Contains(key) ? key : null,
        };
        var tokens = written.Select(w => (w, token: table.MissingTokens[table.IndexOf(w)])).Where(p => p.token is not null)
            .ToDictionary(p => p.w, p => p.token!, StringComparer.Ordinal);
        var kept = new KeptRules { Metadata = metadata, Combinations = combinations, Inequalities = inequalities, Identifiers = identifiers, MissingTokens = tokens };
        return (innerTable, innerMetadata, kept);
    }

    /// <summary>The resolution of a numeric column as it writes its values: 1 for integers, 10^-places for decimals, a day or a second for dates.</summary>
    public static double Unit(ColumnMetadata column) => column.Kind switch
    {
        ColumnKind.Integer => 1,
        ColumnKind.Decimal => column.DecimalPlaces is { } places ? Math.Pow(10, -Math.Clamp(places, 0, 15)) : 0,
        ColumnKind.DateTime => ColumnValues.HasTimeOfDay(column.DateTimeFormat) ? 1 : 86_400,
        _ => 0,
    };

    private static void Refuse(Table table, TableMetadata metadata, IReadOnlyList<RuleViolation> violations)
    {
        if (violations.FirstOrDefault(v => v.Count > 0) is not { } broken) return;
        throw new SynthDataException(
            string.Create(CultureInfo.InvariantCulture,
                $"The data breaks the rule '{broken.Rule}' on {broken.Count:N0} of {table.RowCount:N0} rows ({RuleViolations.Where(table, broken.FirstRows)}{(broken.Count > broken.FirstRows.Count ? ", …" : "")})."),
            table.SourcePath, hint: "A model keeps its rules on every row, so the data must keep them too: fix or drop those rows, or remove the rule from the metadata.",
            columnName: broken.Rule.WrittenColumns[0]);
    }

    private static string?[] JointCells(FixedCombinationRule rule, Table table)
    {
        var members = rule.Columns.Select(c => table.Column(c)).ToArray();
        var cells = new string?[table.RowCount];
        var text = new System.Text.StringBuilder();
        for (var row = 0; row < cells.Length; row++)
        {
            text.Clear();
            for (var m = 0; m < members.Length; m++)
            {
                if (m > 0) text.Append(Separator);
                if (members[m][row] is not { } cell) text.Append(Missing);
                else if (cell.Contains(Separator, StringComparison.Ordinal) || cell == Missing.ToString())
                    throw new SynthDataException($"A value of '{rule.Columns[m]}' holds the control character U+001F or is U+0018, which the fixed combination '{rule}' uses.",
                        table.SourcePath, table.SourceLine(row), table.IndexOf(rule.Columns[m]) + 1, "Remove the control character from the data.", rule.Columns[m]);
                else text.Append(cell);
            }
            cells[row] = text.ToString();
        }
        return cells;
    }

    private static (string?[] Difference, string?[]? Fallback, double Offset) Difference(InequalityRule rule, Table table, TableMetadata metadata, bool isPrivate)
    {
        var greaterColumn = metadata.Find(rule.Greater)!;
        var greater = ColumnValues.ToDoubles(table, table.IndexOf(rule.Greater), greaterColumn);
        var lesser = ColumnValues.ToDoubles(table, table.IndexOf(rule.Lesser), metadata.Find(rule.Lesser)!);
        var greaterCells = table.Column(rule.Greater);
        // ≥ allows a zero difference: shift by the greater column's resolution so it has a logarithm.
        var offset = rule.Strict ? 0 : Math.Max(Unit(greaterColumn), 1e-9);
        var difference = new string?[table.RowCount];
        var fallback = new string?[table.RowCount];
        var needsFallback = isPrivate;
        for (var row = 0; row < difference.Length; row++)
        {
            if (double.IsNaN(greater[row])) continue;
            if (double.IsNaN(lesser[row]))
            {
                fallback[row] = greaterCells[row];
                needsFallback = true;
                continue;
            }
            difference[row] = Math.Log(greater[row] - lesser[row] + offset).ToString("R", CultureInfo.InvariantCulture);
        }
        return (difference, needsFallback ? fallback : null, offset);
    }

    private static GeneratedColumnSpec IdentifierRecipe(IdentifierFormatRule rule, Table table, int index, ColumnMetadata column, bool isPrivate)
    {
        GeneratedColumnSpec spec;
        if (isPrivate)
        {
            if (rule.Prefix is null || rule.Digits is null || rule.Check is null)
                throw new SynthDataException($"The identifier rule of '{rule.Column}' leaves part of the format to be learned, but a differentially private model reads no format from the data.",
                    table.SourcePath, hint: "Declare \"prefix\" (may be \"\"), \"digits\" and \"checkDigit\" (none, luhn or mod11) in the rule.", columnName: rule.Column);
            spec = new GeneratedColumnSpec { Name = rule.Column, Generator = GeneratorKind.Pattern, Start = 1 };
        }
        else
        {
            spec = GeneratedColumnFitter.Fit(table, index, column);
            if (spec.Generator == GeneratorKind.Guid)
                throw new SynthDataException($"The identifier '{rule.Column}' holds GUIDs, which have no prefix and number.", table.SourcePath,
                    hint: "Remove the identifier rule: GUID columns are generated as GUIDs without it.", columnName: rule.Column);
            if (spec.Generator == GeneratorKind.Sequence)
            {
                var longest = table.Column(index).Where(c => c is not null).Select(c => c!.Trim().Length).DefaultIfEmpty(1).Max();
                spec = spec with { Generator = GeneratorKind.Pattern, Prefix = "", Digits = longest };
            }
        }
        spec = spec with
        {
            Prefix = rule.Prefix ?? spec.Prefix ?? "",
            Digits = rule.Digits ?? spec.Digits,
            CheckDigit = rule.Check ?? spec.CheckDigit ?? CheckDigit.None,
        };
        var cells = table.Column(index);
        var bad = Enumerable.Range(0, table.RowCount)
            .Where(r => cells[r] is { } cell && !RuleViolations.MatchesFormat(cell, spec.Prefix!, spec.Digits ?? 1, spec.CheckDigit!.Value)).ToList();
        if (bad.Count > 0)
            throw new SynthDataException(
                string.Create(CultureInfo.InvariantCulture,
                    $"The data breaks the identifier rule of '{rule.Column}' (prefix '{spec.Prefix}', {spec.Digits} digits, check digit {MetadataJson.JsonName(spec.CheckDigit!.Value)}) on {bad.Count:N0} of {table.RowCount:N0} rows ({RuleViolations.Where(table, bad.Take(RuleViolations.FirstRowsKept).ToList())})."),
                table.SourcePath, hint: "Every value must be the prefix and a number of exactly that many digits: fix those values, declare the format, or remove the rule.",
                columnName: rule.Column);
        return spec;
    }
}
