using System.Diagnostics;
using SynthFixtures.Data;
using SynthFixtures.Numerics;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;

namespace SynthFixtures.Evaluation.Privacy;

/// <summary>
/// Computes the <see cref="PrivacyReport"/>: DCR of every synthetic row against the training rows, DCR baseline
/// protection, new-row synthesis, and, given a holdout of real rows the model never saw, DCR overfitting protection
/// and a membership-inference attack. Every distance is exact (<see cref="NearestNeighbourSearch"/>); every random
/// choice comes from <see cref="PrivacyOptions.Seed"/>.
/// </summary>
public static class PrivacyEvaluator
{
    /// <summary>Evaluates <paramref name="synthetic"/> against the rows it was learned from.</summary>
    /// <param name="training">The real rows the model was trained on.</param>
    /// <param name="synthetic">The synthetic rows.</param>
    /// <param name="metadata">Column kinds; only modelled columns count (keys, free text and PII do not).</param>
    /// <param name="holdout">Real rows the model never saw, with the same columns; enables overfitting and membership inference.</param>
    /// <param name="options">Seed and tolerance; defaults when <c>null</c>.</param>
    /// <param name="progress">Receives one line per stage.</param>
    /// <param name="ct">Cancels the evaluation.</param>
    /// <exception cref="SynthDataException">A table lacks a modelled column or has no rows, or a numeric cell does not parse.</exception>
    public static PrivacyReport Evaluate(Table training, Table synthetic, TableMetadata metadata, Table? holdout = null,
        PrivacyOptions? options = null, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(metadata);
        var parallel = new ParallelOptions { CancellationToken = ct };
        var columns = PreparedColumns.Prepare(training, synthetic, holdout, metadata, parallel);
        return FromColumns(columns, holdout is not null, options ?? new PrivacyOptions(), progress, ct, -1);
    }

    /// <summary>The report from prepared columns (holdout codes set when <paramref name="hasHoldout"/>).</summary>
    internal static PrivacyReport FromColumns(EvaluatedColumn[] columns, bool hasHoldout, PrivacyOptions options,
        IProgress<string>? progress, CancellationToken ct, int maxDegreeOfParallelism)
    {
        var random = new SynthRandom(options.Seed).Derive("privacy");
        var encoder = DistanceEncoder.Create(columns, random.Derive("column order"));
        var training = encoder.Encode(RowSource.Training);
        var synthetic = encoder.Encode(RowSource.Synthetic);
        var clock = Stopwatch.StartNew();
        long pairs = 0;
        double[] Search(DistanceRows queries, DistanceRows reference)
        {
            pairs += (long)queries.Rows * reference.Rows;
            return NearestNeighbourSearch.Distances(queries, reference, maxDegreeOfParallelism, ct);
        }

        progress?.Report($"DCR: {synthetic.Rows} synthetic rows against {training.Rows} training rows");
        var syntheticDcr = Search(synthetic, training);
        var randomRows = encoder.RandomRows(synthetic.Rows, random.Derive("baseline"));
        var randomDcr = Search(randomRows, training);
        var syntheticSummary = DcrSummary.Of(syntheticDcr);
        var randomSummary = DcrSummary.Of(randomDcr);
        var baseline = randomSummary.Median > 0 ? Math.Min(syntheticSummary.Median / randomSummary.Median, 1.0) : 1.0;

        DcrOverfitting? overfitting = null;
        MembershipInference? membership = null;
        var holdoutRows = 0;
        if (hasHoldout)
        {
            var holdout = encoder.Encode(RowSource.Holdout);
            holdoutRows = holdout.Rows;
            progress?.Report($"Overfitting: {synthetic.Rows} synthetic rows against {holdout.Rows} holdout rows");
            overfitting = Overfitting(syntheticDcr, Search(synthetic, holdout), training.Rows, holdout.Rows);

            // Balanced classes: as many members (a seeded sample of training rows) as non-members.
            var members = SampleRows(training.Rows, holdout.Rows, random.Derive("members"));
            progress?.Report($"Membership inference: {members.Length} training and {holdout.Rows} holdout rows against the synthetic rows");
            var memberScores = Search(encoder.Encode(RowSource.Training, members), synthetic).Select(d => -d).ToArray();
            var nonMemberScores = Search(holdout, synthetic).Select(d => -d).ToArray();
            membership = new MembershipInference(RocAuc.Compute(memberScores, nonMemberScores), memberScores.Length, nonMemberScores.Length);
        }
        var searchTime = clock.Elapsed;

        progress?.Report("New-row synthesis");
        var newRows = NewRowSynthesis.Compute(columns, options.NumericMatchTolerance, maxDegreeOfParallelism, ct);
        progress?.Report($"Privacy: DCR median {syntheticSummary.Median:F4} (random {randomSummary.Median:F4}), " +
            $"new rows {newRows.Score:F4}, {pairs:N0} pairs searched in {searchTime.TotalSeconds:F2} s");
        return new PrivacyReport
        {
            TrainingRows = training.Rows,
            SyntheticRows = synthetic.Rows,
            HoldoutRows = holdoutRows,
            SyntheticDcr = syntheticSummary,
            RandomDcr = randomSummary,
            DcrBaselineProtection = baseline,
            DcrOverfitting = overfitting,
            NewRows = newRows,
            MembershipInference = membership,
            SyntheticDistances = syntheticDcr,
            RandomDistances = randomDcr,
            PairsSearched = pairs,
            SearchTime = searchTime,
        };
    }

    private static DcrOverfitting Overfitting(double[] toTraining, double[] toHoldout, int trainingRows, int holdoutRows)
    {
        var closer = 0;
        for (var i = 0; i < toTraining.Length; i++)
            if (toTraining[i] < toHoldout[i]) closer++;
        var share = (double)closer / toTraining.Length;
        var expected = (double)trainingRows / (trainingRows + holdoutRows);
        return new DcrOverfitting(share, expected, Math.Min((1 - share) / (1 - expected), 1.0));
    }

    /// <summary><paramref name="count"/> distinct rows of 0 … <paramref name="rows"/> − 1 (all of them if fewer), ascending.</summary>
    internal static int[] SampleRows(int rows, int count, SynthRandom random)
    {
        if (count >= rows) return Enumerable.Range(0, rows).ToArray();
        // A partial Fisher–Yates shuffle: the first `count` slots are a uniform sample without replacement.
        var index = Enumerable.Range(0, rows).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt(rows - i);
            (index[i], index[j]) = (index[j], index[i]);
        }
        var sample = index[..count];
        Array.Sort(sample);
        return sample;
    }
}
