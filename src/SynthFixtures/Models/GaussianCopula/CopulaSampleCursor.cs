using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.GaussianCopula;

/// <summary>
/// A copula sample handed out chunk by chunk: without row checks chunk blocks are drawn straight into place from the
/// block they belong to; with row checks the accepted rows come in block order from <see cref="AcceptedRows"/>.
/// Generated columns come block by block from their own streams (<see cref="GeneratedColumnBlocks"/>).
/// </summary>
internal sealed class CopulaSampleCursor : SampleCursor
{
    private readonly GaussianCopulaModel _model;
    private readonly CopulaBlockSampler _blocks;
    private readonly AcceptedRows? _accepted;
    private readonly SynthRandom[] _generated;

    public CopulaSampleCursor(GaussianCopulaModel model, ConditionalGaussian gaussian, CopulaConditionPlan? plan, SynthRandom root,
        long startRow, long rows, SamplingOptions options, RowFilter? filter, CancellationToken cancellationToken) : base(startRow, rows, options, cancellationToken)
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
        _generated = GeneratedColumnBlocks.SampleStreams(model.GeneratedColumns, root);
    }

    public override bool ChecksRows => _accepted is not null;

    public override (long Examined, long Accepted)? Candidates => _accepted is null ? null : (_accepted.Examined, _accepted.Accepted);

    protected override SampledTable Draw(int count, long firstRow)
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
        var generated = GeneratedColumnBlocks.Generate(_model.GeneratedColumns, _generated, firstRow, count, FirstRowNumber, Parallel);
        return _model.Assemble(numbers, codes, generated, count);
    }
}
