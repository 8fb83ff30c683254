using SynthFixtures.Evaluation.Text;
using static SynthFixtures.Tests.Evaluation.Text.TextCorpora;

namespace SynthFixtures.Tests.Evaluation.Text;

/// <summary>Each text metric on hand-made texts whose answer is known.</summary>
public class TextMetricsTests
{
    private static readonly string[] Reviews =
    [
        "Lovely soft dress, fits true to size.",
        "The fabric is thin and the seams came apart after one wash.",
        "Great colour, I wear it to work every week.",
        "Runs small; order one size up if you are between sizes.",
    ];

    [Fact]
    public void Identical_texts_score_perfectly()
    {
        var c = Evaluate(Reviews, Reviews);

        Assert.Equal(1.0, c.Length.CharacterKsComplement);
        Assert.Equal(1.0, c.Length.WordKsComplement);
        Assert.Equal(1.0, c.Vocabulary.Coverage);
        Assert.Equal(0.0, c.Vocabulary.OutOfVocabularyRate);
        Assert.Equal(1.0, c.Keywords.TvComplement, 12);
        Assert.Equal(1.0, c.Score, 12);
        Assert.Equal(c.Diversity.RealDistinct1, c.Diversity.SyntheticDistinct1);
        Assert.Equal(c.Diversity.RealDistinct2, c.Diversity.SyntheticDistinct2);
        // Identical texts are copies of training, all of them.
        Assert.Equal(4, c.Copies.SyntheticExactCopies);
        Assert.Equal(1.0, c.Copies.SyntheticExactCopyRate);
    }

    [Fact]
    public void Disjoint_vocabularies_score_zero_on_vocabulary_and_keywords()
    {
        var c = Evaluate(["alpha beta gamma delta", "beta gamma epsilon"], ["one two three four", "two three five"]);

        Assert.Equal(0.0, c.Vocabulary.Coverage);
        Assert.Equal(1.0, c.Vocabulary.OutOfVocabularyRate);
        Assert.Equal(0.0, c.Keywords.TvComplement, 12);
        Assert.Equal(1.0, c.Length.WordKsComplement); // same word counts: only the words differ
        Assert.Equal(0, c.Copies.SyntheticExactCopies);
        Assert.Equal(0.0, c.Copies.SyntheticOverlapRate);
    }

    [Fact]
    public void Coverage_weighs_real_words_by_frequency_and_the_out_of_vocabulary_rate_counts_synthetic_words()
    {
        // Real occurrences: red ×3, blue ×1. Synthetic uses red (and green, unseen).
        var c = Evaluate(["red red red blue"], ["red green"]);

        Assert.Equal(0.75, c.Vocabulary.Coverage, 12);
        Assert.Equal(0.5, c.Vocabulary.OutOfVocabularyRate, 12);
        Assert.Equal(2, c.Vocabulary.RealVocabulary);
        Assert.Equal(2, c.Vocabulary.SyntheticVocabulary);
    }

    [Fact]
    public void Keywords_leave_out_stop_words_and_compare_proportions()
    {
        // Content words: real dress ×2, shirt ×2; synthetic dress ×3, shirt ×1 → TV = ½(|½ − ¾| + |½ − ¼|) = ¼.
        var c = Evaluate(["the dress and the shirt", "a dress with a shirt"], ["the dress", "a dress and the dress and a shirt"]);

        Assert.Equal(0.75, c.Keywords.TvComplement, 12);
        Assert.Equal(2, c.Keywords.Keywords);
        Assert.DoesNotContain(c.Keywords.Real, k => k.Word is "the" or "a" or "and");
        Assert.Equal("dress", c.Keywords.Synthetic[0].Word);
        Assert.Equal(0.75, c.Keywords.Synthetic[0].Share, 12);
    }

    [Fact]
    public void Copies_are_found_after_normalisation_and_near_copies_by_an_eight_word_run()
    {
        const string training = "I bought this dress for a wedding and it was perfect for the day";
        string[] synthetic =
        [
            "i bought THIS dress, for a wedding -- and it was perfect for the day!", // a copy: case, spacing and punctuation differ
            "Honestly I bought this dress for a wedding and it was lovely",            // shares the 8-word run "i bought … wedding and"
            "We bought this dress for a party and it was perfect",                     // longest shared run 7 words ("it was perfect" … no 8)
            "Nothing in common with anything at all here today friends",
        ];

        var c = Evaluate([training], synthetic);

        Assert.Equal(1, c.Copies.SyntheticExactCopies);
        Assert.Equal(0.25, c.Copies.SyntheticExactCopyRate);
        Assert.Equal(0.5, c.Copies.SyntheticOverlapRate); // the copy and the 8-word run
        Assert.Null(c.Copies.HoldoutOverlapRate);
        Assert.Equal(0.5, c.Copies.Protection);
    }

    [Fact]
    public void A_run_one_word_short_of_n_is_not_a_near_copy()
    {
        var c = Evaluate(["one two three four five six seven eight nine"], ["zero one two three four five six seven zero"]);
        Assert.Equal(0.0, c.Copies.SyntheticOverlapRate);

        var eight = Evaluate(["one two three four five six seven eight nine"], ["zero one two three four five six seven eight zero"]);
        Assert.Equal(1.0, eight.Copies.SyntheticOverlapRate);
    }

    [Fact]
    public void The_holdout_baseline_is_the_same_measure_on_unseen_real_texts()
    {
        string[] training = ["Love it", "one two three four five six seven eight nine ten", "A plain review of a plain shirt"];
        string[] holdout = ["love it!", "zero one two three four five six seven eight", "Something else entirely", "Not like the others at all"];
        string[] synthetic = ["Love it", "Totally new words here", "More fresh words", "Different again"];

        var c = Evaluate(training, synthetic, holdout);

        Assert.Equal(0.25, c.Copies.HoldoutExactCopyRate);
        Assert.Equal(0.25, c.Copies.HoldoutOverlapRate);
        Assert.Equal(0.25, c.Copies.SyntheticExactCopyRate);
        Assert.Equal(0.0, c.Copies.SyntheticOverlapRate); // "love it" is two words: an exact copy but no 8-word run
        Assert.Equal(1.0, c.Copies.Protection);
        Assert.Equal(4, c.HoldoutTexts);
        Assert.NotNull(c.Vocabulary.HoldoutCoverage);
    }

    [Fact]
    public void Protection_falls_when_synthetic_texts_share_long_runs_more_often_than_the_holdout()
    {
        var copies = new CopyScore(8, 0, 0, SyntheticOverlapRate: 0.6, HoldoutExactCopyRate: 0, HoldoutOverlapRate: 0.2);
        Assert.Equal(0.5, copies.Protection, 12);
        Assert.Equal(1.0, (copies with { SyntheticOverlapRate = 0.1 }).Protection);
    }

    [Fact]
    public void Diversity_counts_distinct_n_grams_duplicates_and_near_duplicates_within_a_side()
    {
        string[] synthetic =
        [
            "a b c", "a b d",                                   // distinct-1 over these two alone: 4 / 6
            "same text here", "Same text, here!",               // a duplicate pair after normalisation
            "w1 w2 w3 w4 w5 w6 w7 w8 x", "y w1 w2 w3 w4 w5 w6 w7 w8", // a near-duplicate pair (8-word run)
        ];
        var c = Evaluate(synthetic, synthetic);

        Assert.Equal(6, c.Diversity.Texts);
        Assert.Equal(2.0 / 6, c.Diversity.SyntheticDuplicateRate, 12);
        Assert.Equal(2.0 / 6, c.Diversity.SyntheticNearDuplicateRate, 12);
        // 30 words, 17 distinct (a b c d, same text here, w1…w8, x y) → 17 / 30.
        Assert.Equal(17.0 / 30, c.Diversity.SyntheticDistinct1, 12);
        Assert.Equal(c.Diversity.RealDuplicateRate, c.Diversity.SyntheticDuplicateRate);
    }

    [Fact]
    public void Length_KS_sees_texts_of_a_different_length()
    {
        var c = Evaluate(["short one", "short two", "short three"], ["a much longer text with many words", "another long one with words", "yet more and more words"]);

        Assert.Equal(0.0, c.Length.WordKsComplement);
        Assert.Equal(0.0, c.Length.CharacterKsComplement);
        Assert.Equal(2.0, c.Length.RealMeanWords);
    }

    [Fact]
    public void Missing_and_blank_cells_are_left_out_and_counted_as_missing()
    {
        var c = Evaluate(["one text", null, "  ", "two text"], ["one text", "two text"]);

        Assert.Equal(2, c.RealTexts);
        Assert.Equal(0.5, c.RealMissingRate);
        Assert.Equal(0.0, c.SyntheticMissingRate);
    }

    [Fact]
    public void Words_are_lower_cased_runs_of_letters_and_digits_keeping_inner_apostrophes()
    {
        Assert.Equal(["don't", "buy", "it", "size", "10", "café"], TextTokens.Words("Don't buy it -- size 10, CAFÉ!"));
        Assert.Equal("runs small", TextTokens.Normalise("  Runs   SMALL!! "));
        Assert.Equal(4, TextTokens.Characters(" café "));
    }

    [Fact]
    public void The_section_is_the_same_for_the_same_seed_and_subsamples_change_with_it()
    {
        var (table, metadata) = Labelled(600, seed: 3);
        TextReport Run(long seed) => TextEvaluator.Evaluate(new TextEvaluationInput
        {
            Training = table, Synthetic = Labelled(600, seed: 4).Table, Metadata = metadata, Seed = seed,
            Options = new TextEvaluationOptions { MaxTexts = 400, DiversityTexts = 100 },
        });

        var first = Run(1);
        var again = Run(1);
        Assert.Equal(first.Columns[0].Samples.Select(s => s.Row), again.Columns[0].Samples.Select(s => s.Row));
        static double[] Figures(TextColumnReport c) =>
        [
            c.Score, c.Length.CharacterKsComplement, c.Length.WordKsComplement, c.Vocabulary.Coverage, c.Vocabulary.OutOfVocabularyRate,
            c.Keywords.TvComplement, c.Diversity.SyntheticDistinct2, c.Diversity.RealDistinct2, c.Copies.SyntheticOverlapRate,
            c.Consistency!.RealAccuracy, c.Consistency.SyntheticAccuracy,
        ];
        Assert.Equal(Figures(first.Columns[0]), Figures(again.Columns[0]));
        Assert.Equal(400, first.Columns[0].RealTexts);
        Assert.NotEqual(first.Columns[0].Samples.Select(s => s.Row), Run(2).Columns[0].Samples.Select(s => s.Row));
    }
}
