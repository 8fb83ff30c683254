using System.Text.RegularExpressions;

namespace Fixtures.Sample;

/// <summary>Review is bound to the model learned at build time, text included, from samples/reviews/reviews.csv.</summary>
public sealed partial class ReviewTests
{
    // Words the bundled reviews use only in praise (4–5 stars) or only in complaints (1–2 stars).
    [GeneratedRegex(@"\b(love|lovely|perfect|happy|beautiful|soft|great|gorgeous|comfortable|excellent|flattering|recommend|penny)\b")]
    private static partial Regex Praise();

    [GeneratedRegex(@"\b(returned|disappointed|awful|poor|sadly|cheap|terrible|faded|scratchy|shrank|refund|waste|never)\b")]
    private static partial Regex Complaint();

    private static double Share(IEnumerable<Review> reviews, Regex words)
    {
        var texts = reviews.Select(r => r.Body).Where(t => !string.IsNullOrEmpty(t)).ToList();
        return texts.Count == 0 ? double.NaN : texts.Count(t => words.IsMatch(t!)) / (double)texts.Count;
    }

    [Fact]
    public void Reviews_use_words_that_fit_their_rating()
    {
        var reviews = Review.Synth.WithSeed(1).Take(100).ToList();

        var high = reviews.Where(r => r.Rating >= 4).ToList();
        var low = reviews.Where(r => r.Rating <= 2).ToList();
        Assert.True(high.Count >= 20 && low.Count >= 10, $"{high.Count} reviews of 4–5 stars and {low.Count} of 1–2 in 100");
        Assert.All(reviews, r => Assert.False(string.IsNullOrWhiteSpace(r.Body)));
        // A text model that ignored the rating would write praise and complaints alike at every rating.
        var (praiseHigh, praiseLow) = (Share(high, Praise()), Share(low, Praise()));
        var (complaintHigh, complaintLow) = (Share(high, Complaint()), Share(low, Complaint()));
        Assert.True(praiseHigh > praiseLow + 0.3, $"praise in {praiseHigh:P0} of 4–5-star reviews, {praiseLow:P0} of 1–2-star ones");
        Assert.True(complaintLow > complaintHigh + 0.3, $"complaints in {complaintLow:P0} of 1–2-star reviews, {complaintHigh:P0} of 4–5-star ones");
    }

    [Fact]
    public void The_same_seed_gives_the_same_reviews()
    {
        var first = Review.Synth.WithSeed(1).Take(100).ToList();
        var second = Review.Synth.WithSeed(1).Take(100).ToList();
        var other = Review.Synth.WithSeed(2).Take(100).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(r => r.Body), other.Select(r => r.Body));
    }
}
