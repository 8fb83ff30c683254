using System.Globalization;
using SynthFixtures.Data.Files;
using SynthFixtures.Modeling.Relational;
using SynthFixtures.Models.Relational;
using SynthFixtures.Sampling;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures sample db.synth --out DIR [--scale 1] [--seed N]</c> on a multi-table model: one CSV per table in
/// the folder, through <see cref="RelationalSamplingService"/> (all files or none).
/// </summary>
internal static class RelationalSample
{
    /// <summary>Whether the file at <paramref name="path"/> is a multi-table model (its first bytes say so); a missing or unreadable file is not.</summary>
    public static bool IsRelationalModel(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            using var file = File.OpenRead(path);
            Span<byte> head = stackalloc byte[64];
            var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return RelationalModelArtifact.HasSignature(head[..read]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // the single-table loader names the problem
        }
    }

    public static int Run(CliConsole console, string modelPath, string folder, double scale, long seed, int? threads, CancellationToken cancellationToken)
    {
        var model = RelationalModelArtifact.Load(modelPath);
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sampling {model.Metadata.Tables.Count} tables at scale {scale} into {folder}…"));
        RelationalSamplingResult result;
        try
        {
            result = console.Timed("Sampled", () => new RelationalSamplingService().Sample(new RelationalSamplingRequest
            {
                Model = model, OutputFolder = folder, Scale = scale, Seed = seed,
                Options = new SamplingOptions { MaxDegreeOfParallelism = threads },
                Inputs = [(modelPath, "model")],
            }, cancellationToken));
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new CommandCancelledException($"Sampling cancelled; nothing was written ({folder} is unchanged).", e);
        }
        foreach (var (table, rows) in result.Data.Tables)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Name,-24} {rows.RowCount,10:N0} rows"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {result.Data.RowCount:N0} synthetic rows in {result.Files.Count} CSVs to {folder}."));
        return CliApp.Success;
    }
}
