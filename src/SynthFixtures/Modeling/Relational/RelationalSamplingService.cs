using SynthFixtures.Data;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Modeling.Relational;

/// <summary>
/// The multi-table sample use case: generates a database at a scale and writes one CSV per table into a folder, all of
/// them or none (a failure or cancellation leaves every file as it was).
/// </summary>
public sealed class RelationalSamplingService
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="SynthDataException">A bad scale, an output that would overwrite an input, an unwritable folder.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public RelationalSamplingResult Sample(RelationalSamplingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Model);
        var paths = request.Model.Metadata.Tables.Select(t => Path.Combine(request.OutputFolder, FileName(t.Name))).ToList();
        OutputPaths.Check(request.Inputs, paths.Zip(request.Model.Metadata.Tables, (p, t) => ((string?)p, $"CSV of table {t.Name}")));
        var data = request.Model.Sample(request.Scale, request.Seed, request.Options, cancellationToken);
        var files = new OutputFiles();
        foreach (var (path, (table, rows)) in paths.Zip(data.Tables))
            files.Add(path, $"CSV of table {table.Name}", temporary => CsvTableWriter.Write(rows, temporary, cancellationToken));
        Directory.CreateDirectory(Path.GetFullPath(request.OutputFolder));
        files.Commit(cancellationToken);
        return new RelationalSamplingResult(data, paths.Select(Path.GetFullPath).ToList());
    }

    // A table name is a file name here: characters no file system takes are replaced, so "dbo/Orders" cannot leave the folder.
    private static string FileName(string table)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':']).ToHashSet();
        var name = new string(table.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return (name is "." or ".." ? "_" + name : name) + ".csv";
    }
}
