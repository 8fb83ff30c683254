using SynthFixtures.Text.Llm;
using static SynthFixtures.Tests.Text.Llm.LlmTestSetup;

namespace SynthFixtures.Tests.Text.Llm;

/// <summary>The LLM step's choices: keep-best among candidates, duplicates, decontamination, the budget stop, examples and the real-rows guard.</summary>
public sealed class LlmTextStepTests : IDisposable
{
    private readonly LoopbackChatServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public void Of_several_candidates_the_one_whose_length_fits_the_column_best_is_kept()
    {
        _server.Answer = (prompt, body) => prompt + " " + string.Join(' ', Enumerable.Repeat("soft", (int)((long)body["seed"]! % 30)));
        IReadOnlyList<double> quantiles = [8, 9, 10, 10, 11, 11, 12, 12, 13, 14, 15];
        var step = Step(Request(OpenAi(_server), Review(c => c with { Candidates = 6, WordCountQuantiles = quantiles })));
        var rows = new[] { (1, "Dresses"), (2, "Knits"), (3, "Blouses"), (4, "Dresses"), (5, "Knits"), (1, "Blouses") };
        var chunk = step.Apply(ReviewTestTable.Chunk(rows), 0, CancellationToken.None);

        Assert.Equal(36, step.Outcome().Total.Calls);
        var overall = new List<double>();
        for (var r = 0; r < rows.Length; r++)
        {
            var prompt = $"Write a {rows[r].Item1}-star review of a {rows[r].Item2}.";
            var offered = _server.Requests.Where(q => (string?)q["messages"]!.AsArray().Last()!["content"] == prompt)
                .Select(q => LlmCandidateScorer.LengthMisfit(7 + (int)((long)q["seed"]! % 30), quantiles)).ToList();
            Assert.Equal(6, offered.Count);
            var kept = LlmCandidateScorer.LengthMisfit(chunk[r, 2]!.Split(' ').Length, quantiles);
            Assert.Equal(offered.Min(), kept);
            overall.AddRange(offered);
        }
        Assert.True(overall.Min() < overall.Max(), "the candidates differ in fit, so the choice mattered");
    }

    [Fact]
    public void A_text_that_repeats_an_earlier_cell_is_rejected_and_the_cell_left_missing()
    {
        _server.Answer = (_, _) => "Same review every time.";
        var step = Step(Request(OpenAi(_server)));
        var chunk = step.Apply(ReviewTestTable.Chunk((5, "Dresses"), (4, "Knits"), (3, "Blouses")), 0, CancellationToken.None);

        Assert.Equal(["Same review every time.", null, null], chunk.Column("Review Text"));
        var column = step.Outcome().Columns.Single();
        Assert.Equal((1, 2), (column.Usage.Rows, column.RejectedRows));
        Assert.False(step.Outcome().Complete);
    }

    [Fact]
    public void A_candidate_that_copies_a_decontamination_text_is_never_kept()
    {
        const string Leaked = "I bought this dress for my sister's wedding and it fit like a glove all night long";
        var calls = 0;
        _server.Answer = (_, _) => Interlocked.Increment(ref calls) % 2 == 1 ? Leaked : "A fresh sentence about a lovely summer dress that fits well.";
        var step = Step(Request(OpenAi(_server), Review(c => c with { Candidates = 2, DecontaminationTexts = ["Real review: " + Leaked + "!"] })));
        var chunk = step.Apply(ReviewTestTable.Chunk((5, "Dresses")), 0, CancellationToken.None);

        Assert.Equal("A fresh sentence about a lovely summer dress that fits well.", chunk[0, 2]);
        Assert.Equal(1.0, new NgramIndex(["Real review: " + Leaked], 8).SharedFraction(Leaked));
    }

    [Fact]
    public void The_budget_stops_between_batches_leaves_the_rest_missing_and_says_how_far_it_got()
    {
        // 20 prompt + 10 completion tokens a call, 4 rows a batch: the cap of 200 is passed after the second batch (240 tokens).
        _server.Answer = (prompt, body) => $"Answer to: {prompt} #{body["seed"]}";
        var step = Step(Request(OpenAi(_server)) with { Budget = new LlmBudget(MaxTokens: 200), Price = new LlmPrice(1m, 2m) });
        var rows = Enumerable.Range(0, 12).Select(i => (1 + i % 5, "Knits")).ToArray();
        var chunk = step.Apply(ReviewTestTable.Chunk(rows), 0, CancellationToken.None);

        Assert.All(Enumerable.Range(0, 8), r => Assert.StartsWith("Answer to:", chunk[r, 2]));
        Assert.All(Enumerable.Range(8, 4), r => Assert.Null(chunk[r, 2]));
        var outcome = step.Outcome();
        Assert.True(step.Stopped);
        Assert.Equal("budget", outcome.StoppedBy);
        Assert.False(outcome.Complete);
        var column = outcome.Columns.Single();
        Assert.Equal((8, 4, 8L), (column.Usage.Rows, column.SkippedRows, column.StoppedAtRow!.Value));
        Assert.Equal(8, _server.Requests.Count);
        Assert.Equal((8 * 20 * 1m + 8 * 10 * 2m) / 1_000_000m, outcome.Total.SpentCost);

        // The next chunk of the same sample stays stopped: no more calls.
        var next = step.Apply(ReviewTestTable.Chunk((5, "Dresses")), 12, CancellationToken.None);
        Assert.Null(next[0, 2]);
        Assert.Equal(8, _server.Requests.Count);
    }

    [Fact]
    public void A_money_cap_needs_a_price()
    {
        var error = Assert.Throws<SynthDataException>(() => Step(Request(Offline()) with { Budget = new LlmBudget(MaxCost: 1m) }));
        Assert.Contains("needs the model's price", error.Message);
    }

    [Fact]
    public void Real_rows_as_examples_are_refused_without_the_opt_in_and_no_call_is_made()
    {
        var chat = Offline();
        var real = LlmExamples.RealRows([new LlmExample("Real text", new Dictionary<string, string?> { ["Rating"] = "5", ["Class Name"] = "Dresses" })]);

        var error = Assert.Throws<SynthDataException>(() => Step(Request(chat, Review(c => c with { Examples = real }))));
        Assert.Contains("few-shot examples from real rows, which would send them to the LLM service", error.Message);
        Assert.Contains("send-real-rows-to-llm", error.Hint);
        Assert.False(chat.Connected);
    }

    [Fact]
    public void With_the_opt_in_real_examples_go_as_prompt_and_answer_turns()
    {
        var real = LlmExamples.RealRows([new LlmExample("Real text", new Dictionary<string, string?> { ["Rating"] = "5", ["Class Name"] = "Dresses" })]);
        var step = Step(Request(OpenAi(_server), Review(c => c with { Examples = real, SendRealRowsToLlm = true })));
        step.Apply(ReviewTestTable.Chunk((2, "Knits")), 0, CancellationToken.None);

        var messages = _server.Requests.Single()["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => (string)m!["role"]!));
        Assert.Equal("Write a 5-star review of a Dresses.", (string?)messages[1]!["content"]);
        Assert.Equal("Real text", (string?)messages[2]!["content"]);
    }

    [Fact]
    public void Synthetic_examples_without_a_row_go_into_the_system_message()
    {
        var given = LlmExamples.Synthetic([new LlmExample("Runs small, order a size up."), new LlmExample("Lovely colour.")]);
        var step = Step(Request(OpenAi(_server), Review(c => c with { Examples = given, SystemPrompt = "You write clothing reviews." })));
        step.Apply(ReviewTestTable.Chunk((2, "Knits")), 0, CancellationToken.None);

        var system = (string)_server.Requests.Single()["messages"]![0]!["content"]!;
        Assert.Equal("You write clothing reviews.\n\nExamples of such texts:\n- Runs small, order a size up.\n- Lovely colour.", system);
    }

    [Fact]
    public void Examples_from_the_sample_are_its_first_rows_as_drawn()
    {
        var step = Step(Request(OpenAi(_server), Review(c => c with { Examples = LlmExamples.OwnSample(1) })));
        var first = ReviewTestTable.Chunk((5, "Dresses"), (1, "Knits"));
        step.Apply(first, 0, CancellationToken.None);

        var messages = _server.Requests[0]["messages"]!.AsArray();
        Assert.Equal("Write a 5-star review of a Dresses.", (string?)messages[1]!["content"]);
        Assert.Equal("lorem ipsum", (string?)messages[2]!["content"]);
    }

    [Theory]
    [InlineData("Nope", "is not a column of the sample")]
    [InlineData("Review Text", "is given twice")]
    public void Unknown_or_repeated_columns_are_refused(string column, string message)
    {
        LlmTextColumn[] columns = column == "Nope" ? [Review(c => c with { Column = "Nope" })] : [Review(), Review()];
        var error = Assert.Throws<SynthDataException>(() => Step(Request(Offline(), columns)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_later_column_sees_the_text_an_earlier_one_wrote()
    {
        var step = new LlmTextStep(Request(OpenAi(_server),
                Review(),
                new LlmTextColumn { Column = "Class Name", Prompt = "Name the garment in: {Review Text}" }),
            ReviewTestTable.Names);
        var chunk = step.Apply(ReviewTestTable.Chunk((5, "Dresses")), 0, CancellationToken.None);

        Assert.Equal("Answer to: Name the garment in: Answer to: Write a 5-star review of a Dresses.", chunk[0, 1]);
    }
}
