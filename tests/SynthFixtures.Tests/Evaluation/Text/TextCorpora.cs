using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Evaluation.Text;
using SynthFixtures.Metadata;

namespace SynthFixtures.Tests.Evaluation.Text;

/// <summary>Small text tables for the text evaluation tests.</summary>
internal static class TextCorpora
{
    public static readonly TableMetadata NotesOnly = new() { Columns = [new ColumnMetadata { Name = "notes", Kind = ColumnKind.Text }] };

    public static Table Notes(params string?[] texts) => new(["notes"], [texts]);

    /// <summary>The one column's report for these texts (holdout optional), with settings small enough for hand-made texts.</summary>
    public static TextColumnReport Evaluate(string?[] training, string?[] synthetic, string?[]? holdout = null, TextEvaluationOptions? options = null)
    {
        var report = TextEvaluator.Evaluate(new TextEvaluationInput
        {
            Training = Notes(training), Synthetic = Notes(synthetic), Holdout = holdout is null ? null : Notes(holdout), Metadata = NotesOnly,
            Options = options ?? new TextEvaluationOptions(),
        });
        return Assert.Single(report.Columns);
    }

    public static readonly string[] Topics = ["sky", "sea", "forest"];

    private static readonly Dictionary<string, string[]> TopicWords = new()
    {
        ["sky"] = ["cloud", "sun", "blue", "bird", "wind", "rain", "star", "moon"],
        ["sea"] = ["wave", "salt", "fish", "boat", "shore", "tide", "sail", "coral"],
        ["forest"] = ["tree", "leaf", "moss", "deer", "pine", "root", "fern", "owl"],
    };

    private static readonly string[] Shared = ["the", "a", "and", "today", "we", "saw", "very", "much", "lovely", "quite"];

    /// <summary>
    /// Rows whose text is drawn from its topic's words mixed with shared words (so the text tells the topic), a
    /// balanced topic label and a noise label that has nothing to do with the text.
    /// </summary>
    public static (Table Table, TableMetadata Metadata) Labelled(int rows, int seed, bool shuffleLabels = false)
    {
        var random = new Random(seed);
        var text = new string?[rows];
        var topic = new string?[rows];
        var noise = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var t = Topics[i % Topics.Length];
            var words = Enumerable.Range(0, 6 + random.Next(8))
                .Select(_ => random.Next(3) == 0 ? TopicWords[t][random.Next(8)] : Shared[random.Next(Shared.Length)]);
            text[i] = string.Join(' ', words);
            topic[i] = t;
            noise[i] = random.Next(2) == 0 ? "x" : "y";
        }
        if (shuffleLabels)
            for (var i = rows - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (topic[i], topic[j]) = (topic[j], topic[i]);
            }
        var ids = Enumerable.Range(0, rows).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray<string?>();
        var table = new Table(["id", "notes", "topic", "noise"], [ids, text, topic, noise]);
        var metadata = new TableMetadata
        {
            Columns =
            [
                new ColumnMetadata { Name = "id", Kind = ColumnKind.Identifier },
                new ColumnMetadata { Name = "notes", Kind = ColumnKind.Text },
                new ColumnMetadata { Name = "topic", Kind = ColumnKind.Categorical },
                new ColumnMetadata { Name = "noise", Kind = ColumnKind.Categorical },
            ],
        };
        return (table, metadata);
    }
}
