using System.Globalization;
using Parquet;
using Parquet.Schema;
using SynthFixtures.Cli;
using SynthFixtures.Data;
using SynthFixtures.Modeling;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Parquet;
using SynthFixtures.Sampling;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Parquet;

/// <summary>
/// Parquet samples read back with Parquet.Net: typed, nullable columns holding exactly the CSV's values, a row group per
/// chunk, shards whose rows in order are the whole sample's, and the CLI choosing the format by extension.
/// </summary>
public sealed class ParquetSampleFormatTests : IDisposable
{
    private static readonly Lazy<GaussianCopulaModel> Model = new(() =>
        GaussianCopulaFitter.Fit(MixedTestTable.Create(), MixedTestTable.Metadata(), new GaussianCopulaOptions { Seed = 1 }));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1, 3)]        // a row group per chunk of 2,048 rows
    [InlineData(4096, 2)]     // chunks gathered: 4,096 + 904 rows
    [InlineData(65_536, 1)]   // the default
    public void A_parquet_sample_holds_the_csv_values_in_typed_columns_in_row_groups_of_whole_chunks(int rowGroupRows, int expectedGroups)
    {
        var target = _folder.File("s.parquet");
        var result = SamplingService.Run(Request(5000, target, null) with { Format = new ParquetSampleFormat(rowGroupRows) });
        Assert.Equal(5000, result.Rows);
        var expected = Model.Value.Sample(5000, 9).ToTable();
        var (types, groups, cells) = Read(target);
        Assert.Equal([typeof(string), typeof(double), typeof(double), typeof(string), typeof(long), typeof(DateTime), typeof(bool)], types);
        Assert.Equal(expectedGroups, groups);
        Assert.Contains(expected.Column("y"), cell => cell is null);
        for (var c = 0; c < expected.ColumnCount; c++)
            Assert.Equal(expected.Column(c), cells[c]);
    }

    [Fact]
    public void Parquet_shards_read_in_order_are_the_whole_sample()
    {
        var whole = _folder.File("whole.parquet");
        SamplingService.Run(Request(7000, whole, null));
        var parts = Enumerable.Range(0, 3).Select(i =>
        {
            var part = _folder.File($"part-{i}.parquet");
            SamplingService.Run(Request(7000, part, new SampleShard(i, 3)));
            return Read(part).Cells;
        }).ToList();
        var all = Read(whole).Cells;
        for (var c = 0; c < all.Length; c++)
            Assert.Equal(all[c], parts.SelectMany(p => p[c]).ToArray());
    }

    [Fact]
    public void An_empty_sample_is_a_parquet_file_with_the_schema_and_no_rows()
    {
        var target = _folder.File("empty.parquet");
        SamplingService.Run(Request(0, target, null));
        var (types, groups, cells) = Read(target);
        Assert.Equal(7, types.Length);
        Assert.Equal(0, groups);
        Assert.All(cells, column => Assert.Empty(column));
    }

    [Fact]
    public void The_cli_writes_parquet_for_a_parquet_extension_and_accepts_ten_billion_rows_in_shards()
    {
        var model = CliModels.TrainMixed(_folder, rows: 300);
        var part = _folder.File("part-09765624.parquet");
        var result = CliResult.Run("sample", model, "--rows", "10000000000", "--shard", "9765624/9765625", "--out", part);
        Assert.Equal(CliApp.Success, result.ExitCode);
        Assert.Contains("Wrote 1,024 synthetic rows", result.Output, StringComparison.Ordinal);
        Assert.Equal(1024, Read(part).Cells[0].Length);
        var bad = CliResult.Run("sample", model, "--rows", "100", "--shard", "4/4", "--out", _folder.File("x.csv"));
        Assert.Equal(CliApp.BadInput, bad.ExitCode);
        Assert.Contains("--shard must be index/count", bad.Error, StringComparison.Ordinal);
        var format = CliResult.Run("sample", model, "--rows", "100", "--format", "orc", "--out", _folder.File("x.orc"));
        Assert.Equal(CliApp.BadInput, format.ExitCode);
        Assert.False(File.Exists(_folder.File("x.csv")));
    }

    [Fact]
    public void The_format_follows_the_extension()
    {
        Assert.Equal(65_536, ParquetSampleFormat.Instance.RowGroupRows);
        Assert.True(ParquetSampleFormat.IsParquetPath("out/part-00017.PARQUET"));
        Assert.False(ParquetSampleFormat.IsParquetPath("out/part-00017.csv"));
    }

    private static SamplingRequest Request(long rows, string target, SampleShard? shard) => new()
    {
        Model = Model.Value, Rows = rows, OutputPath = target, Seed = 9, Shard = shard, Format = ParquetSampleFormat.Instance,
        Options = new SamplingOptions { MaxDegreeOfParallelism = 2, ChunkRows = 2048 },
    };

    /// <summary>The file's column types, row groups and cells written back as the CSV would (null: missing).</summary>
    private static (Type[] Types, int Groups, string?[][] Cells) Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    private static async Task<(Type[] Types, int Groups, string?[][] Cells)> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var cells = fields.Select(_ => new List<string?>()).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            for (var c = 0; c < fields.Length; c++)
                cells[c].AddRange(await ReadColumn(group, fields[c], rows));
        }
        Assert.All(fields, field => Assert.True(field.IsNullable, field.Name));
        // Parquet.Net reads a UTF-8 string column as ReadOnlyMemory<char>; it is a string column all the same.
        var types = fields.Select(f => f.ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : f.ClrType).ToArray();
        return (types, reader.RowGroupCount, cells.Select(c => c.ToArray()).ToArray());
    }

    private static async Task<IEnumerable<string?>> ReadColumn(ParquetRowGroupReader group, DataField field, int rows)
    {
        if (field.ClrType == typeof(long)) return Format(await Structs<long>(group, field, rows), v => v.ToString(CultureInfo.InvariantCulture));
        if (field.ClrType == typeof(double)) return Format(await Structs<double>(group, field, rows), v => v.ToString("F3", CultureInfo.InvariantCulture));
        if (field.ClrType == typeof(DateTime)) return Format(await Structs<DateTime>(group, field, rows), v => v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (field.ClrType == typeof(bool)) return Format(await Structs<bool>(group, field, rows), v => v ? "true" : "false");
        var strings = new string?[rows];
        await group.ReadAsync(field, strings.AsMemory());
        return strings;
    }

    private static async Task<T?[]> Structs<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        var values = new T?[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }

    private static IEnumerable<string?> Format<T>(T?[] values, Func<T, string> format) where T : struct =>
        values.Select(v => v is { } value ? format(value) : null);
}
