namespace SynthFixtures.Evaluation.Privacy;

/// <summary>The area under the ROC curve of a score separating positives from negatives (Mann–Whitney, ties counted half).</summary>
internal static class RocAuc
{
    /// <summary>P(score of a random positive &gt; score of a random negative) + ½ P(equal); 0.5 when a side is empty.</summary>
    public static double Compute(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        if (positives.Count == 0 || negatives.Count == 0) return 0.5;
        var all = new (double Score, bool Positive)[positives.Count + negatives.Count];
        for (var i = 0; i < positives.Count; i++) all[i] = (positives[i], true);
        for (var i = 0; i < negatives.Count; i++) all[positives.Count + i] = (negatives[i], false);
        Array.Sort(all, (a, b) => a.Score.CompareTo(b.Score));
        // Sum of the positives' ranks, tied scores sharing their average rank.
        double rankSum = 0;
        for (var start = 0; start < all.Length;)
        {
            var end = start;
            var positivesInTie = 0;
            while (end < all.Length && all[end].Score.Equals(all[start].Score))
            {
                if (all[end].Positive) positivesInTie++;
                end++;
            }
            var averageRank = (start + 1 + end) / 2.0;
            rankSum += positivesInTie * averageRank;
            start = end;
        }
        double p = positives.Count, n = negatives.Count;
        return (rankSum - p * (p + 1) / 2) / (p * n);
    }
}
