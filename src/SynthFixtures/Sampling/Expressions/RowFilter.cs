using System.Globalization;

namespace SynthFixtures.Sampling.Expressions;

/// <summary>
/// The part of a condition plan a model checks on its candidate rows (drawn blocks in the model's own slots), and the
/// error when too few candidates pass.
/// </summary>
internal sealed class RowFilter
{
    private readonly RowPredicate _predicate;
    private readonly ConditionPlan _plan;

    public RowFilter(ConditionPlan plan)
    {
        _plan = plan;
        _predicate = plan.Filter ?? throw new ArgumentException("The plan filters nothing.", nameof(plan));
    }

    /// <summary>A row check that needs both the model's own check (when it has one) and <paramref name="filter"/>'s (when there is one).</summary>
    public static Func<double[]?[], int[]?[], int, bool> Both(Func<double[]?[], int[]?[], int, bool>? model, RowFilter? filter) =>
        (model, filter) switch
        {
            (null, null) => (_, _, _) => true,
            ({ } own, null) => own,
            (null, { } rows) => rows.Accepts,
            ({ } own, { } rows) => (numbers, codes, row) => own(numbers, codes, row) && rows.Accepts(numbers, codes, row),
        };

    /// <summary>Whether row <paramref name="row"/> of a drawn block makes the filtered part true.</summary>
    public bool Accepts(double[]?[] numbers, int[]?[] codes, int row) => _predicate.Matches(new RowBuffers(numbers, codes, []), row);

    /// <summary>The candidate budget ran out before enough rows met the expression.</summary>
    /// <param name="accepted">Rows that met it.</param>
    /// <param name="drawn">Candidates drawn.</param>
    /// <param name="rows">Rows asked for.</param>
    /// <param name="budget">The candidate budget.</param>
    /// <param name="pushed">The conditions the model met itself and, when it knows it, each one's probability.</param>
    public SynthDataException TooRare(long accepted, long drawn, long rows, long budget, IEnumerable<(Condition Condition, double? Probability)> pushed)
    {
        var rate = drawn == 0 ? 0 : accepted / (double)drawn;
        var model = string.Join(", ", pushed.Select(p => p.Probability is { } probability
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Condition} (model probability {probability:P4})")
            : p.Condition.ToString()));
        var needed = rate > 0 ? string.Create(CultureInfo.InvariantCulture, $"about {rows / rate:N0}") : "more than any budget";
        return new SynthDataException(string.Create(CultureInfo.InvariantCulture,
            $"The condition '{_plan.Text}' is too rare: only {accepted:N0} of {drawn:N0} candidate rows ({rate:P4}) met it; {rows:N0} rows would need {needed} candidates, over the budget of {budget:N0}. The model met {(model.Length == 0 ? "nothing itself" : model)}; the rows were filtered on {string.Join(" AND ", _plan.Filtered)}."),
            hint: "Loosen the condition, ask for fewer rows, or raise the candidate budget (SamplingOptions.CandidatesPerRow).");
    }
}
