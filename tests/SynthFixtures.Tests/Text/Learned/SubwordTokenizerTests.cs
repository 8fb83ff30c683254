using System.Text;
using SynthFixtures.Randomness;
using SynthFixtures.Text.Learned;

namespace SynthFixtures.Tests.Text.Learned;

/// <summary>The byte-level BPE tokenizer: lossless on any text, learns frequent words, deterministic.</summary>
public class SubwordTokenizerTests
{
    private static readonly string[] Reviews =
    [
        "I love this dress, it fits perfectly.",
        "The dress is too small for me. Love the color though!",
        "Beautiful dress; fits true to size.",
        "This top runs large, but the fabric is lovely.",
        "Love love love this sweater 😍 — so soft.",
        "Café-style blouse, très jolie, 5/5",
    ];

    [Fact]
    public void Any_text_round_trips_through_a_trained_tokenizer()
    {
        var tokenizer = SubwordTokenizer.Train(Enumerable.Repeat(Reviews, 20).SelectMany(r => r), 400);
        var random = new SynthRandom(12);
        string[] alphabet = ["a", "e", "t", " ", "  ", "\t", "\n", "\r\n", ",", ".", "!", "é", "ß", "Ж", "中", "文", "😍", "👍🏽", "\u0301", "0", "7", "'", "\"", "dress", " the", "love"];
        Assert.Equal("", tokenizer.Decode(tokenizer.Encode("")));
        Assert.Empty(tokenizer.Encode(""));
        for (var trial = 0; trial < 500; trial++)
        {
            var builder = new StringBuilder();
            var length = random.NextInt(trial < 100 ? 8 : 120);
            for (var i = 0; i < length; i++) builder.Append(alphabet[random.NextInt(alphabet.Length)]);
            var text = builder.ToString();
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text)));
        }
        foreach (var review in Reviews) Assert.Equal(review, tokenizer.Decode(tokenizer.Encode(review)));
        var longWord = new string('x', 500) + " " + new string(' ', 300) + "end";
        Assert.Equal(longWord, tokenizer.Decode(tokenizer.Encode(longWord)));
    }

    [Fact]
    public void Frequent_words_become_single_tokens_and_the_vocabulary_stops_at_its_size()
    {
        var texts = Enumerable.Repeat(Reviews, 50).SelectMany(r => r).ToArray();
        var tokenizer = SubwordTokenizer.Train(texts, 300);

        Assert.Equal(300, tokenizer.Count);
        Assert.Single(tokenizer.Encode(" dress"));
        Assert.Single(tokenizer.Encode(" love"));
        Assert.True(tokenizer.Encode(Reviews[0]).Length < Encoding.UTF8.GetByteCount(Reviews[0]) / 2,
            "a trained tokenizer should need well under half a token per byte on its own texts");
        // An unseen word falls back to smaller pieces, down to bytes.
        Assert.True(tokenizer.Encode(" zygote").Length >= 3);
    }

    [Fact]
    public void Training_is_deterministic_and_stops_when_no_pair_repeats()
    {
        var a = SubwordTokenizer.Train(Reviews.Reverse(), 2000);
        var b = SubwordTokenizer.Train(Reviews, 2000);
        Assert.Equal(a.Merges, b.Merges);
        Assert.True(a.Count < 2000, "six reviews cannot fill 2,000 tokens with pairs seen twice");
        Assert.Equal(256, SubwordTokenizer.Train([], 500).Count);
    }

    [Fact]
    public void Decoding_drops_bytes_that_end_inside_a_character()
    {
        var tokenizer = new SubwordTokenizer([]);
        var bytes = Encoding.UTF8.GetBytes("ok😍").Select(b => (int)b).ToArray();
        Assert.Equal("ok", tokenizer.Decode(bytes[..^1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.Decode([256]));
        Assert.Throws<ArgumentException>(() => new SubwordTokenizer([(1, 300)]));
    }
}
