using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Expressions;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.Neural;

/// <summary>
/// A TVAE or CTGAN sample handed out chunk by chunk: without row checks each chunk's blocks decode straight into
/// place; with row checks the accepted rows come in block order from <see cref="AcceptedRows"/>. Generated columns
/// continue their own streams across chunks.
/// </summary>
internal sealed class NeuralSampleCursor : SampleCursor
{
    private readonly NeuralSynthModel _model;
    private readonly NeuralBlockSampler _blocks;
    private readonly AcceptedRows? _accepted;
    private readonly ColumnValueGenerator[] _generators;

    public NeuralSampleCursor(NeuralSynthModel model, NeuralConditionPlan plan, SynthRandom root, int rows, SamplingOptions options,
        RowFilter? filter, CancellationToken cancellationToken) : base(rows, options, cancellationToken)
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
        _generators = ColumnValueGenerator.CreateAll(model.Parameters.Generated, root);
    }

    public override (long Examined, long Accepted)? Candidates => _accepted is null ? null : (_accepted.Examined, _accepted.Accepted);

    protected override SampledTable Draw(int count, int firstRow)
    {
        var (numbers, codes) = _blocks.Allocate(count);
        if (_accepted is null) _blocks.FillDirect(numbers, codes, count, firstRow / BlockSize, Parallel);
        else _accepted.Fill(numbers, codes, count, Parallel);
        var generated = ColumnValueGenerator.GenerateAll(_generators, count, FirstRowNumber + firstRow, Parallel);
        return _model.Assemble(numbers, codes, generated, count);
    }
}
