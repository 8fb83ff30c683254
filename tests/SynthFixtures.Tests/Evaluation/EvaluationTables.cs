using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;

namespace SynthFixtures.Tests.Evaluation;

/// <summary>Small tables and metadata built in code for the evaluation tests.</summary>
internal static class EvaluationTables
{
    public static Table Make(params (string Name, string?[] Cells)[] columns) =>
        new(columns.Select(c => c.Name).ToArray(), columns.Select(c => c.Cells).ToArray());

    public static Table MakeFrom(string? sourcePath, params (string Name, string?[] Cells)[] columns) =>
        new(columns.Select(c => c.Name).ToArray(), columns.Select(c => c.Cells).ToArray(), sourcePath: sourcePath);

    public static string?[] Numbers(params double[] values) =>
        values.Select(v => double.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture)).ToArray();

    public static ColumnMetadata Decimal(string name) => new() { Name = name, Kind = ColumnKind.Decimal };

    public static ColumnMetadata Integer(string name) => new() { Name = name, Kind = ColumnKind.Integer };

    public static ColumnMetadata Categorical(string name) => new() { Name = name, Kind = ColumnKind.Categorical };

    public static TableMetadata MetadataOf(params ColumnMetadata[] columns) => new() { Columns = columns };

    /// <summary>A table whose columns are related: y ≈ 2x, a category that follows x, a date that follows x, an id.</summary>
    public static (Table Table, TableMetadata Metadata) Correlated(int rows, int seed)
    {
        var random = new Random(seed);
        var id = new string?[rows];
        var x = new string?[rows];
        var y = new string?[rows];
        var band = new string?[rows];
        var day = new string?[rows];
        var flag = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var value = random.NextDouble() * 100;
            id[i] = i.ToString(CultureInfo.InvariantCulture);
            x[i] = random.Next(20) == 0 ? null : value.ToString("F3", CultureInfo.InvariantCulture);
            y[i] = (2 * value + random.NextDouble() * 10).ToString("F3", CultureInfo.InvariantCulture);
            band[i] = value < 30 ? " low" : value < 70 ? " mid" : random.Next(10) == 0 ? null : " high";
            day[i] = new DateTime(2020, 1, 1).AddDays((int)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            flag[i] = value > 50 ? "true" : "false";
        }
        var table = Make(("id", id), ("x", x), ("y", y), ("band", band), ("day", day), ("flag", flag));
        var metadata = MetadataOf(
            new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier },
            Decimal("x"), Decimal("y"), Categorical("band"),
            new ColumnMetadata { Name = "day", Kind = ColumnKind.DateTime, DateTimeFormat = "yyyy-MM-dd" },
            new ColumnMetadata { Name = "flag", Kind = ColumnKind.Boolean });
        return (table, metadata);
    }

    /// <summary>The same table with every column permuted on its own: marginals kept, relations destroyed.</summary>
    public static Table ShuffleEachColumn(Table table, int seed)
    {
        var random = new Random(seed);
        var columns = new string?[table.ColumnCount][];
        for (var c = 0; c < table.ColumnCount; c++)
        {
            columns[c] = table.Column(c).ToArray();
            random.Shuffle(columns[c]);
        }
        return new Table(table.ColumnNames, columns);
    }
}
