using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Modeling.TextColumns;

/// <summary>
/// Which free-text columns a training run learns: the columns named by the text columns setting (default: every
/// free-text column), learned when the text model is <c>learned</c>; with no text model set, as the column's metadata
/// says (<see cref="ColumnMetadata.TextModel"/>), else when the column has at least the minimum number of texts. The
/// others keep placeholder prose, with a note saying why when it was the count.
/// </summary>
/// <param name="Learned">The columns to learn, in metadata order, with their non-missing text counts.</param>
/// <param name="Notes">Why a free-text column keeps placeholder prose, one line each.</param>
public sealed record TextColumnPlan(IReadOnlyList<(string Column, int Texts)> Learned, IReadOnlyList<string> Notes)
{
    /// <summary>Nothing learned.</summary>
    public static TextColumnPlan None { get; } = new([], []);

    /// <summary>The plan for <paramref name="table"/> under <paramref name="options"/>.</summary>
    /// <exception cref="SettingException">A text column named that is not in the table or not free text; text columns named with the lorem text model.</exception>
    public static TextColumnPlan For(TextModelingOptions options, Table table, TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        var freeText = metadata.Columns.Where(IsFreeText).Select(c => c.Name).ToList();
        if (options.Columns is { } named)
        {
            foreach (var name in named) CheckNamed(name, metadata);
            if (options.Model == TextSettingTable.Lorem)
                throw new SettingException(TextSettingTable.Columns,
                    n => $"{n.Setting(TextSettingTable.Columns)} are named, but {n.Setting(TextSettingTable.Model)} is {TextSettingTable.Lorem}, which learns none.",
                    n => $"leave {n.Setting(TextSettingTable.Columns)} out, or write {n.Assignment(TextSettingTable.Model, TextSettingTable.Learned)}.");
        }
        if (options.Model == TextSettingTable.Lorem) return None;
        var candidates = options.Columns is { } chosen ? freeText.Where(chosen.Contains).ToList() : freeText;
        var learned = new List<(string, int)>();
        var notes = new List<string>();
        foreach (var column in candidates)
        {
            // The run's text model decides; without one, the column's metadata may; without that, its text count.
            var choice = options.Model ?? metadata.Find(column)?.TextModel;
            if (choice == TextSettingTable.Lorem) continue;
            var texts = CountTexts(table, column);
            if (texts == 0)
                notes.Add($"'{column}' keeps placeholder prose: it has no texts to learn from.");
            else if (choice is null && texts < options.MinTexts)
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"'{column}' keeps placeholder prose: it has {texts:N0} texts, fewer than the {options.MinTexts:N0} the learned text model needs by default (text-min-texts); set the text model to learned to learn it anyway."));
            else
                learned.Add((column, texts));
        }
        return new(learned, notes);
    }

    private static bool IsFreeText(ColumnMetadata column) => column.Kind == ColumnKind.Text && column.Pii == PiiKind.None;

    private static void CheckNamed(string name, TableMetadata metadata)
    {
        var column = metadata.Columns.FirstOrDefault(c => c.Name == name);
        if (column is null)
        {
            var close = metadata.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            var freeText = metadata.Columns.Where(IsFreeText).Select(c => $"'{c.Name}'").ToList();
            throw new SettingException(TextSettingTable.Columns, n => $"{n.Setting(TextSettingTable.Columns)} name '{name}', which is not a column of the data.",
                _ => close is not null ? $"did you mean '{close.Name}'? Names are case-sensitive."
                    : freeText.Count > 0 ? $"the free-text columns are {string.Join(", ", freeText)}." : "the data has no free-text columns.");
        }
        if (!IsFreeText(column))
        {
            var what = column.Pii != PiiKind.None ? $"personal data ({column.Pii}), which is always faked" : $"{column.Kind.ToString().ToLowerInvariant()}, not free text";
            throw new SettingException(TextSettingTable.Columns, n => $"{n.Setting(TextSettingTable.Columns)} name '{name}', which is {what}.",
                _ => "name free-text columns only, or mark the column as text in the metadata.");
        }
    }

    private static int CountTexts(Table table, string column)
    {
        return table.HasColumn(column) ? table.Column(column).Count(c => !string.IsNullOrWhiteSpace(c)) : 0;
    }
}
