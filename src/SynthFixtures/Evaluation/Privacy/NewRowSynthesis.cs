namespace SynthFixtures.Evaluation.Privacy;

/// <summary>How many synthetic rows copy a training row, exactly or nearly.</summary>
/// <param name="ExactCopies">Synthetic rows equal to some training row in every evaluated column.</param>
/// <param name="NearCopies">Synthetic rows matching some training row: same categories (missing matching missing) and
/// every number within the relative tolerance of the synthetic value (datetimes: within the tolerance times the
/// training range); exact copies included.</param>
/// <param name="SyntheticRows">Number of synthetic rows checked.</param>
public sealed record NewRowSynthesisResult(int ExactCopies, int NearCopies, int SyntheticRows)
{
    /// <summary>The score: the share of synthetic rows that are new (match no training row), 1 being best.</summary>
    public double Score => SyntheticRows == 0 ? 1.0 : 1.0 - (double)NearCopies / SyntheticRows;
}

/// <summary>
/// New-row synthesis as SDMetrics defines it: a synthetic row is a copy when some training row has the same category in
/// every categorical column and, in every numeric column, a value within <c>tolerance · |synthetic value|</c> (missing
/// matches only missing). Datetimes are seconds since year 1, where a relative tolerance would span decades, so theirs
/// is <c>tolerance · (max − min)</c> of the training values instead. Training rows are grouped by their categories, so each synthetic row is only compared with
/// the rows sharing all of its categories.
/// </summary>
internal static class NewRowSynthesis
{
    /// <summary>The relative tolerance SDMetrics uses for numbers.</summary>
    public const double DefaultTolerance = 0.01;

    public static NewRowSynthesisResult Compute(IReadOnlyList<EvaluatedColumn> columns, double tolerance,
        int maxDegreeOfParallelism, CancellationToken ct)
    {
        var categorical = columns.Where(c => !c.IsNumeric).ToArray();
        var numeric = columns.Where(c => c.IsNumeric).ToArray();
        var absoluteTolerance = numeric.Select(c => c.Metadata.Kind == Metadata.ColumnKind.DateTime ? tolerance * Range(c.RealValues!) : double.NaN).ToArray();
        var trainingRows = columns[0].RealCodes.Length;
        var syntheticRows = columns[0].SyntheticCodes.Length;
        var groups = new Dictionary<ulong, List<int>>();
        for (var row = 0; row < trainingRows; row++)
        {
            var key = CategoryKey(categorical, row, synthetic: false);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(row);
        }
        var exact = new bool[syntheticRows];
        var near = new bool[syntheticRows];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = ct };
        Parallel.For(0, syntheticRows, options, row =>
        {
            if (!groups.TryGetValue(CategoryKey(categorical, row, synthetic: true), out var candidates)) return;
            foreach (var candidate in candidates)
            {
                if (!SameCategories(categorical, candidate, row)) continue; // a hash collision
                var match = Match(numeric, absoluteTolerance, candidate, row, tolerance);
                if (match == NumericMatch.None) continue;
                near[row] = true;
                if (match == NumericMatch.Exact)
                {
                    exact[row] = true;
                    return;
                }
            }
        });
        return new NewRowSynthesisResult(exact.Count(e => e), near.Count(n => n), syntheticRows);
    }

    private enum NumericMatch
    {
        None,
        Near,
        Exact,
    }

    private static NumericMatch Match(EvaluatedColumn[] numeric, double[] absoluteTolerance, int training, int synthetic, double tolerance)
    {
        var exact = true;
        for (var c = 0; c < numeric.Length; c++)
        {
            var column = numeric[c];
            var real = column.RealValues![training];
            var value = column.SyntheticValues![synthetic];
            if (double.IsNaN(real) || double.IsNaN(value))
            {
                if (double.IsNaN(real) != double.IsNaN(value)) return NumericMatch.None;
                continue;
            }
            if (real == value) continue;
            var allowed = double.IsNaN(absoluteTolerance[c]) ? tolerance * Math.Abs(value) : absoluteTolerance[c];
            if (Math.Abs(real - value) > allowed) return NumericMatch.None;
            exact = false;
        }
        return exact ? NumericMatch.Exact : NumericMatch.Near;
    }

    private static double Range(double[] values)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        return present.Length == 0 ? 0 : present.Max() - present.Min();
    }

    private static bool SameCategories(EvaluatedColumn[] categorical, int training, int synthetic)
    {
        foreach (var column in categorical)
            if (column.RealCodes[training] != column.SyntheticCodes[synthetic]) return false;
        return true;
    }

    private static ulong CategoryKey(EvaluatedColumn[] categorical, int row, bool synthetic)
    {
        // FNV-1a over the codes: collisions are harmless, SameCategories confirms every candidate.
        var hash = 14695981039346656037UL;
        foreach (var column in categorical)
        {
            var code = synthetic ? column.SyntheticCodes[row] : column.RealCodes[row];
            hash = (hash ^ (uint)code) * 1099511628211UL;
        }
        return hash;
    }
}
