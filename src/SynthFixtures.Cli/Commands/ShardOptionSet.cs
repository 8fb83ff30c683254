using System.CommandLine;
using System.Globalization;
using SynthFixtures.Modeling;
using SynthFixtures.Parquet;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// The sample verb's scale options: <c>--shard i/n</c> (this process writes part i of n of the sample) and
/// <c>--format csv|parquet</c> (default: by the extension of --out, <c>.parquet</c> or else CSV).
/// </summary>
internal sealed class ShardOptionSet
{
    private readonly Option<string?> _shard = new("--shard")
    {
        Description = "Write only part i of n of the sample (e.g. 17/1000): whole blocks of 1,024 rows, the same rows, keys and streams as one run; " +
            "the parts joined in order are the one run's output (CSV: the header in part 0 only, so 'cat' joins them).",
    };

    private readonly Option<string?> _format = new("--format")
    {
        Description = "csv or parquet (typed columns, a row group per chunk); default: parquet when --out ends in .parquet, else csv.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_shard);
        command.Options.Add(_format);
    }

    /// <summary>Whether any of these options was given (they apply to single-table samples only).</summary>
    public bool AnyGiven(ParseResult parse) => parse.GetValue(_shard) is not null || parse.GetValue(_format) is not null;

    /// <summary>The shard of <c>--shard</c>, or <c>null</c>.</summary>
    /// <exception cref="SynthDataException">Not of the form i/n with 0 ≤ i &lt; n.</exception>
    public SampleShard? Shard(ParseResult parse)
    {
        if (parse.GetValue(_shard) is not { } text) return null;
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || index >= count)
            throw new SynthDataException($"--shard must be index/count with 0 <= index < count, not '{text}'.",
                hint: "Number shards from 0: --shard 0/4 … --shard 3/4 write the four parts of one sample.");
        return new SampleShard(index, count);
    }

    /// <summary>The file format of <c>--format</c>, or the one <paramref name="target"/>'s extension names.</summary>
    /// <exception cref="SynthDataException">An unknown format.</exception>
    public ISampleFileFormat Format(ParseResult parse, string target) => parse.GetValue(_format)?.ToLowerInvariant() switch
    {
        null => ParquetSampleFormat.IsParquetPath(target) ? ParquetSampleFormat.Instance : CsvSampleFormat.Instance,
        "csv" => CsvSampleFormat.Instance,
        "parquet" => ParquetSampleFormat.Instance,
        var other => throw new SynthDataException($"--format must be csv or parquet, not '{other}'.", hint: "Leave it out to choose by the extension of --out."),
    };
}
