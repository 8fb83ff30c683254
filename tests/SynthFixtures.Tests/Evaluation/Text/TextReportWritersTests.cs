using System.Text.Json;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Text;
using SynthFixtures.Reports;
using SynthFixtures.Tests.Cli;
using SynthFixtures.Text.Llm;
using static SynthFixtures.Tests.Evaluation.Text.TextCorpora;

namespace SynthFixtures.Tests.Evaluation.Text;

/// <summary>The text section in every writer, and the LLM usage it is given (on the command line, from sampling's run record).</summary>
public class TextReportWritersTests
{
    private static readonly LlmUsage[] Usage =
    [
        new("notes", "openai:gpt-4o-mini", 100, 12, 88, 10_200, 8_100, 0.0123m, "USD"),
        new("title", "ollama:llama3", 50, 50, 0, 4_000, 1_000, null, null),
    ];

    private static EvaluationReport Report(IReadOnlyList<LlmUsage>? usage = null)
    {
        var (training, metadata) = Labelled(600, seed: 1);
        var (holdout, _) = Labelled(200, seed: 2);
        var (synthetic, _) = Labelled(600, seed: 3);
        return Evaluator.Evaluate(new EvaluationInput
        {
            Training = training, Synthetic = synthetic, Holdout = holdout, Metadata = metadata, LlmUsage = usage ?? [],
        });
    }

    [Fact]
    public void The_json_has_a_text_section_with_every_metric()
    {
        var report = Report(Usage);
        using var document = JsonDocument.Parse(EvaluationReportJson.Serialize(report));
        var text = document.RootElement.GetProperty("text");

        Assert.Equal(["score", "columns", "skipped", "llmUsage"], text.EnumerateObject().Select(p => p.Name));
        var column = text.GetProperty("columns")[0];
        Assert.Equal(["column", "score", "realTexts", "syntheticTexts", "holdoutTexts", "realMissingRate", "syntheticMissingRate", "length", "vocabulary",
            "keywords", "diversity", "copies", "consistency", "embedding", "wordCountHistogram", "samples"], column.EnumerateObject().Select(p => p.Name));
        Assert.Equal("notes", column.GetProperty("column").GetString());
        Assert.Equal(report.Text!.Columns[0].Score, column.GetProperty("score").GetDouble());
        Assert.Equal("topic", column.GetProperty("consistency").GetProperty("label").GetString());
        Assert.Equal(8, column.GetProperty("copies").GetProperty("nGram").GetInt32());
        Assert.Equal(JsonValueKind.Number, column.GetProperty("copies").GetProperty("holdoutOverlapRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, column.GetProperty("embedding").ValueKind);
        Assert.Equal(20, column.GetProperty("wordCountHistogram").GetProperty("real").GetArrayLength());
        Assert.Equal(3, column.GetProperty("samples").GetArrayLength());
        Assert.Equal(2, column.GetProperty("samples")[0].GetProperty("context").EnumerateObject().Count());
        var usage = text.GetProperty("llmUsage")[0];
        Assert.Equal("openai:gpt-4o-mini", usage.GetProperty("model").GetString());
        Assert.Equal(0.0123m, usage.GetProperty("cost").GetDecimal());
        Assert.Equal(88, usage.GetProperty("replayedCalls").GetInt32());
    }

    [Fact]
    public void A_table_without_free_text_has_no_text_section()
    {
        var (table, metadata) = EvaluationTables.Correlated(200, seed: 3);
        var report = Evaluator.Evaluate(new EvaluationInput { Training = table, Synthetic = table, Metadata = metadata });

        Assert.Null(report.Text);
        using var document = JsonDocument.Parse(EvaluationReportJson.Serialize(report));
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("text").ValueKind);
        Assert.DoesNotContain("Text columns", EvaluationMarkdown.Write(report));
        Assert.DoesNotContain("Text columns", HtmlReport.Write(report));
    }

    [Fact]
    public void Markdown_shows_the_metrics_the_samples_and_the_usage()
    {
        var report = Report(Usage);
        var markdown = EvaluationMarkdown.Write(report);

        Assert.Contains("### Text columns", markdown);
        Assert.Contains("The quality score leaves free text out (its definition is unchanged)", markdown);
        Assert.Contains($"**`notes`** (600 synthetic vs 600 training texts, 200 holdout): score {EvaluationMarkdown.F(report.Text!.Columns[0].Score)}.", markdown);
        foreach (var metric in new[] { "| Length KS (characters) |", "| Vocabulary coverage |", "| Out-of-vocabulary rate |", "| Keywords (TV complement) |",
                     "| Distinct-1 / distinct-2 |", "| 8-gram overlap with training |", "| Consistency with `topic` (accuracy) |", "| Consistency (Cohen's kappa) |" })
            Assert.Contains(metric, markdown);
        Assert.Contains("| Text | " + EvaluationMarkdown.F(report.Text.Score), markdown);
        Assert.Contains("> " + report.Text.Columns[0].Samples[0].Text, markdown);
        Assert.Contains("openai:gpt-4o-mini wrote 100 cells of notes: 12 calls (88 replayed), 10,200 input + 8,100 output tokens, 0.0123 USD", markdown);
        Assert.Contains("ollama:llama3 wrote 50 cells of title: 50 calls (0 replayed), 4,000 input + 1,000 output tokens, no price configured", markdown);
        Assert.Contains("Total: 150 cells, 62 calls (88 replayed), 14,200 input + 9,100 output tokens, 0.0123 USD", markdown);
    }

    [Fact]
    public void Html_draws_the_length_histogram_and_keywords_and_lists_the_samples_with_their_rows()
    {
        var report = Report(Usage);
        var html = HtmlReport.Write(report);
        var section = html[html.IndexOf("<h2>Text columns</h2>", StringComparison.Ordinal)..html.IndexOf("<h2>Diagnostics</h2>", StringComparison.Ordinal)];

        Assert.Contains("<svg", section);
        Assert.Contains("notes: words per text", section);
        Assert.Contains("top keywords, real", section);
        Assert.Contains(report.Text!.Columns[0].Keywords.Real[0].Word, section);
        Assert.Contains("Vocabulary coverage", section);
        var sample = report.Text.Columns[0].Samples[0];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(sample.Text), section);
        Assert.Contains($"topic = {sample.Context[0].Value}", section);
        Assert.Contains("LLM usage and cost", section);
        Assert.Contains("0.0123 USD", section);
    }

    [Fact]
    public void The_section_is_byte_identical_across_runs()
    {
        static string Text(EvaluationReport r)
        {
            using var document = JsonDocument.Parse(EvaluationReportJson.Serialize(r));
            return document.RootElement.GetProperty("text").GetRawText();
        }
        Assert.Equal(Text(Report()), Text(Report()));
    }

    [Fact]
    public void Evaluate_on_the_command_line_reads_the_run_record_and_the_label()
    {
        using var folder = new TempFolder();
        var (training, _) = Labelled(300, seed: 1);
        var (synthetic, _) = Labelled(300, seed: 2);
        var real = folder.File("real.csv");
        var fake = folder.File("fake.csv");
        SynthFixtures.Data.CsvTableWriter.Write(training, real);
        SynthFixtures.Data.CsvTableWriter.Write(synthetic, fake);
        var record = folder.File("fake.run.json");
        var usage = new LlmUsage("notes", "openai:gpt-4o-mini", 300, 3, 297, 900, 600, 0.5m, "USD");
        File.WriteAllText(record, LlmRunRecordJson.Write(new LlmRunRecord(LlmRunRecordJson.Format, "openai:gpt-4o-mini", 1, true, null, null, null,
            [new LlmColumnOutcome(usage, 300, 0, 0, null, 1, 90, 60)], new LlmTotal(300, 3, 297, 900, 600, 0.5m, 0.01m, "USD"), [])));
        var json = folder.File("r.json");

        var result = CliResult.Run("evaluate", real, fake, "--holdout-fraction", "0.2", "--text-label", "noise", "--run-record", record, "--json", json);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Text ", result.Output);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var text = document.RootElement.GetProperty("text");
        Assert.Equal("noise", text.GetProperty("columns")[0].GetProperty("consistency").GetProperty("label").GetString());
        Assert.Equal(297, text.GetProperty("llmUsage")[0].GetProperty("replayedCalls").GetInt32());
        Assert.Equal(0.5m, text.GetProperty("llmUsage")[0].GetProperty("cost").GetDecimal());

        var wrong = CliResult.Run("evaluate", real, fake, "--text-label", "Rating");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--text-label", wrong.Error);
        Assert.DoesNotContain("   at ", wrong.Error);
    }
}
