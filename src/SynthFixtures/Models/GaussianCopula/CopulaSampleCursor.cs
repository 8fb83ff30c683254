using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// A copula sample handed out chunk by chunk: without row checks chunk blocks are drawn straight into place from the
/// block they belong to; with row checks the accepted rows come in block order from <see cref="AcceptedRows"/>.
/// Generated columns continue their own streams across chunks.
/// </summary>
internal sealed class CopulaSampleCursor : SampleCursor
{
    private readonly GaussianCopulaModel _model;
    private readonly CopulaBlockSampler _blocks;
    private readonly AcceptedRows? _accepted;
    private readonly ColumnValueGenerator[] _generators;

    public CopulaSampleCursor(GaussianCopulaModel model, ConditionalGaussian gaussian, CopulaConditionPlan? plan, SynthRandom root,
        int rows, SamplingOptions options, RowFilter? filter, CancellationToken cancellationToken) : base(rows, options, cancellationToken)
    {
        _model = model;
        _blocks = new CopulaBlockSampler(model, gaussian, plan, root.Derive("copula"));
        if (plan is { NeedsFilter: true } || filter is not null)
        {
            var probabilities = plan?.Probabilities.Select(p => (p.Condition, (double?)p.Probability)).ToList() ?? [];
            _accepted = new AcceptedRows(_blocks.DrawWholeBlock, RowFilter.Both(plan is { NeedsFilter: true } ? plan.Accepts : null, filter), CandidateBudget,
                (accepted, drawn) => filter?.TooRare(accepted, drawn, rows, CandidateBudget, probabilities)
                    ?? ConditionErrors.TooRare(accepted, drawn, rows, CandidateBudget, probabilities));
        }
        _generators = ColumnValueGenerator.CreateAll(model.GeneratedColumns, root);
    }

    public override (long Examined, long Accepted)? Candidates => _accepted is null ? null : (_accepted.Examined, _accepted.Accepted);

    protected override SampledTable Draw(int count, int firstRow)
    {
        var columns = _model.CopulaColumns;
        var numbers = new double[]?[columns.Count];
        var codes = new int[]?[columns.Count];
        foreach (var column in columns)
        {
            if (column is NumericCopulaColumn) numbers[column.Index] = new double[count];
            else codes[column.Index] = new int[count];
        }
        if (_accepted is null) _blocks.FillDirect(numbers, codes, count, firstRow / BlockSize, Parallel);
        else _accepted.Fill(numbers, codes, count, Parallel);
        var generated = ColumnValueGenerator.GenerateAll(_generators, count, FirstRowNumber + firstRow, Parallel);
        return _model.Assemble(numbers, codes, generated, count);
    }
}
