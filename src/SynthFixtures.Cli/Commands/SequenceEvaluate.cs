using System.CommandLine;
using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Data.Files;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Sequences;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Reports;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// <c>synthfixtures evaluate real.csv synthetic.csv --entity col [--sequence-index col] [--context a,b] [--max-lag 5]
/// [--holdout h.csv] [--json r.json] [--markdown r.md] [--report r.html]</c>, or with <c>--metadata m.json</c> holding a
/// sequence section instead of <c>--entity</c>: the options become a
/// <see cref="SequenceEvaluationRequest"/> for <see cref="SequenceEvaluationService"/> (detection on per-sequence
/// summaries with ML.NET); the report is printed and written here.
/// </summary>
internal sealed class SequenceEvaluate
{
    public Option<string[]> Entity { get; } = new("--entity")
    {
        Description = "Evaluate sequences: the column (repeat or comma-separate for several) naming whose history a row is. The rest of these options need it.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> Index { get; } = new("--sequence-index") { Description = "With --entity: the datetime or integer column ordering each entity's steps (default: the file's order)." };

    public Option<string[]> Context { get; } = new("--context")
    {
        Description = "With --entity: columns constant within each entity (comma-separated or repeated), scored once per entity.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<int> MaxLag { get; } = new("--max-lag") { Description = "With --entity: autocorrelation is compared at lags 1 … this.", DefaultValueFactory = _ => 5 };

    public IEnumerable<Option> All => [Entity, Index, Context, MaxLag];

    /// <summary>
    /// Whether the command line asks for a sequence evaluation: <c>--entity</c>, or metadata with a sequence section
    /// (<paramref name="metadata"/>, read once here). Sequence options without either are refused.
    /// </summary>
    public bool IsRequested(ParseResult parse, TableMetadata? metadata)
    {
        if (Names(parse.GetValue(Entity)).Length > 0 || metadata?.Sequence is not null) return true;
        foreach (var option in new Option[] { Index, Context, MaxLag })
            if (parse.GetResult(option) is { Implicit: false })
                throw new SynthDataException($"{option.Name} applies to a sequence evaluation, which --entity (or metadata with a sequence section) asks for.",
                    hint: "Name the entity column with --entity, or leave the sequence options out.");
        return false;
    }

    public int Run(CliConsole console, ParseResult parse, string real, string synthetic, string? holdout, string? metadataPath, TableMetadata? metadata,
        CsvReadOptions readOptions, long seed, string? json, string? markdown, string? html, CancellationToken cancellationToken)
    {
        (string?, string)[] outputs = [(json, "JSON report"), (markdown, "Markdown summary"), (html, "HTML report")];
        OutputPaths.Check([(real, "real data"), (synthetic, "synthetic data"), (holdout, "holdout data"), (metadataPath, "metadata")], outputs);
        OutputPaths.CheckFolders(outputs);
        var request = new SequenceEvaluationRequest
        {
            Real = EvaluationTable.FromCsv(real),
            Synthetic = EvaluationTable.FromCsv(synthetic),
            Holdout = holdout is null ? null : EvaluationTable.FromCsv(holdout),
            Metadata = metadata,
            // The options, when given, replace the metadata's sequence section as a whole.
            Sequence = Names(parse.GetValue(Entity)) is { Length: > 0 } entity
                ? new SequenceMetadata { EntityColumns = entity, IndexColumn = parse.GetValue(Index), ContextColumns = Names(parse.GetValue(Context)) }
                : null,
            ReadOptions = readOptions,
            Options = new SequenceEvaluationOptions { Seed = seed, MaxLag = parse.GetValue(MaxLag) },
            Detector = MlNetUtilityEvaluator.Instance,
        };
        var evaluation = console.Timed("Evaluated", () => SequenceEvaluationService.Evaluate(request, console.Progress("evaluate"), cancellationToken));
        CommonOptions.ReportIssues(console, evaluation.CellIssues);
        var report = evaluation.Report;
        console.Out.WriteLine($"{"Overall",-44} {F(report.Overall),6}  {report.Coverage}");
        foreach (var part in report.Parts) console.Out.WriteLine($"{part.Name,-44} {F(part.Score),6}  {part.Description}");
        console.Out.WriteLine($"{"Detection (per-sequence summaries)",-44} {F(report.Detection?.Score),6}  {SequenceReportMarkdown.DetectionText(report)}");
        console.Out.WriteLine($"{"Sequences not copied",-44} {F(report.Privacy.NotCopiedScore),6}  {SequenceReportMarkdown.PrivacyText(report.Privacy)}");
        foreach (var s in report.SkippedParts) console.Out.WriteLine($"Not scored: {s.Column} ({s.Part}): {s.Reason}");
        var files = new OutputFiles();
        if (json is not null) files.AddText(json, "JSON report", SequenceReportJson.Serialize(report));
        if (markdown is not null) files.AddText(markdown, "Markdown summary", SequenceReportMarkdown.Write(report));
        if (html is not null) files.AddText(html, "HTML report", SequenceHtmlReport.Write(report));
        files.Commit(cancellationToken);
        foreach (var path in new[] { json, markdown, html })
            if (path is not null) console.Out.WriteLine($"Written {path}");
        return CliApp.Success;
    }

    private static string[] Names(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private static string F(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";
}
