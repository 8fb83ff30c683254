namespace SynthFixtures.Evaluation.Text;

/// <summary>
/// English function words left out of the keyword distribution, so that it compares what texts are about ("dress",
/// "fabric", "small") rather than how often every text says "the". The other metrics keep them.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "don't", "down", "during", "each", "even", "few", "for", "from", "further", "get", "got", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "i'm", "i've",
        "if", "in", "into", "is", "it", "it's", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
        "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
        "own", "really", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "much", "many",
        "wasn't", "isn't", "didn't", "doesn't", "won't", "can't", "couldn't", "wouldn't", "shouldn't", "aren't", "weren't",
    };

    /// <summary>Whether <paramref name="word"/> (lower-cased, as <see cref="TextTokens.Words"/> gives it) is a function word.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
