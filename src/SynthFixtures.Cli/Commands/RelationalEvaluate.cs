using System.Globalization;
using SynthFixtures.Data.Files;
using SynthFixtures.Databases.Reading;
using SynthFixtures.Evaluation.Relational;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures evaluate &lt;real db|folder&gt; &lt;synthetic db|folder&gt; [--json r.json] [--markdown r.md] [--seed N]</c>:
/// the real source is read and checked (<see cref="RelationalSources.Read"/>), the synthetic one read with the real's
/// tables and keys and not checked (its broken keys are what the report counts), and both handed to
/// <see cref="RelationalEvaluationService"/>.
/// </summary>
internal static class RelationalEvaluate
{
    /// <summary>Whether an evaluate argument names a database or a folder rather than a CSV file.</summary>
    public static bool IsRelational(string? source) =>
        source is not null && (RelationalSources.IsFolder(source) || source.Contains('=', StringComparison.Ordinal) || source.Trim() == ":memory:"
            || Path.GetExtension(source).ToLowerInvariant() is ".sqlite" or ".sqlite3" or ".db");

    public static int Run(CliConsole console, string real, string synthetic, string? json, string? markdown, long seed, CancellationToken cancellationToken)
    {
        (string?, string)[] outputs = [(json, "JSON report"), (markdown, "Markdown summary")];
        OutputPaths.Check([(RelationsCommand.LocalFile(real), "real data"), (RelationsCommand.LocalFile(synthetic), "synthetic data")], outputs);
        OutputPaths.CheckFolders(outputs);
        var realData = console.Timed("Read the real database", () => RelationalSources.Read(real, cancellationToken: cancellationToken));
        var syntheticData = console.Timed("Read the synthetic database", () => RelationalSources.ReadLike(synthetic, realData.Metadata, cancellationToken: cancellationToken));
        var report = console.Timed("Evaluated", () => RelationalEvaluationService.Evaluate(realData, syntheticData,
            new RelationalEvaluationOptions { Seed = seed }, console.Progress("evaluate"), cancellationToken));
        foreach (var (part, score, how) in RelationalReportMarkdown.Rows(report))
            console.Out.WriteLine($"{part,-44} {(score is { } s ? s.ToString("F3", CultureInfo.InvariantCulture) : "-"),6}  {how}");
        foreach (var line in RelationalReportMarkdown.DiagnosticLines(report.Synthetic)) console.Out.WriteLine(line);
        var files = new OutputFiles();
        if (json is not null) files.AddText(json, "JSON report", RelationalReportJson.Serialize(report));
        if (markdown is not null) files.AddText(markdown, "Markdown summary", RelationalReportMarkdown.Write(report));
        files.Commit(cancellationToken);
        foreach (var path in new[] { json, markdown })
            if (path is not null) console.Out.WriteLine($"Written {path}");
        return CliApp.Success;
    }
}
