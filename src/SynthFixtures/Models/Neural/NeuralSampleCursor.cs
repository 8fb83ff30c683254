using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// A TVAE or CTGAN sample handed out chunk by chunk: without row checks each chunk's blocks decode straight into
/// place; with row checks the accepted rows come in block order from <see cref="AcceptedRows"/>. Generated columns
/// come block by block from their own streams (<see cref="GeneratedColumnBlocks"/>).
/// </summary>
internal sealed class NeuralSampleCursor : SampleCursor
{
    private readonly NeuralSynthModel _model;
    private readonly NeuralBlockSampler _blocks;
    private readonly AcceptedRows? _accepted;
    private readonly SynthRandom[] _generated;

    public NeuralSampleCursor(NeuralSynthModel model, NeuralConditionPlan plan, SynthRandom root, long startRow, long rows,
        SamplingOptions options, RowFilter? filter, CancellationToken cancellationToken) : base(startRow, rows, options, cancellationToken)
    {
        _model = model;
        _blocks = new NeuralBlockSampler(model, plan, root.Derive(model.Kind));
        if (plan.NeedsFilter || filter is not null)
        {
            var conditions = plan.Conditions.Select(c => (c, (double?)null)).ToList();
            _accepted = new AcceptedRows(_blocks.DrawWholeBlock, RowFilter.Both(plan.NeedsFilter ? plan.Accepts : null, filter), CandidateBudget,
                (accepted, drawn) => filter?.TooRare(accepted, drawn, rows, CandidateBudget, conditions)
                    ?? ConditionErrors.TooRare(accepted, drawn, rows, CandidateBudget, conditions));
        }
        _generated = GeneratedColumnBlocks.SampleStreams(model.Parameters.Generated, root);
    }

    public override bool ChecksRows => _accepted is not null;

    public override (long Examined, long Accepted)? Candidates => _accepted is null ? null : (_accepted.Examined, _accepted.Accepted);

    protected override SampledTable Draw(int count, long firstRow)
    {
        var (numbers, codes) = _blocks.Allocate(count);
        if (_accepted is null) _blocks.FillDirect(numbers, codes, count, firstRow / BlockSize, Parallel);
        else _accepted.Fill(numbers, codes, count, Parallel);
        var generated = GeneratedColumnBlocks.Generate(_model.Parameters.Generated, _generated, firstRow, count, FirstRowNumber, Parallel);
        return _model.Assemble(numbers, codes, generated, count);
    }
}
