using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models.DpMarginals;

/// <summary>
/// A dp-marginals sample handed out chunk by chunk: block b of the sample always comes from stream
/// <c>Derive("dp-marginals").Derive(b)</c>, drawn row by row down the tree, and generated columns come block by block from
/// their own streams (<see cref="GeneratedColumnBlocks"/>), so any split into chunks gives the rows of one whole sample.
/// </summary>
internal sealed class DpMarginalsSampleCursor : SampleCursor
{
    private readonly DpMarginalsModel _model;
    private readonly SynthRandom _stream;
    private readonly SynthRandom[] _generated;

    public DpMarginalsSampleCursor(DpMarginalsModel model, SynthRandom root, long startRow, long rows, SamplingOptions options,
        CancellationToken cancellationToken) : base(startRow, rows, options, cancellationToken)
    {
        _model = model;
        _stream = root.Derive("dp-marginals");
        _generated = GeneratedColumnBlocks.SampleStreams(model.Generated, root);
    }

    public override bool ChecksRows => false;

    protected override SampledTable Draw(int count, long firstRow)
    {
        var cells = _model.Columns.Select(_ => new int[count]).ToArray();
        var numbers = _model.Columns.Select(c => c.IsNumeric ? new double[count] : null).ToArray();
        var firstBlock = firstRow / BlockSize;
        var blocks = (count + BlockSize - 1) / BlockSize;
        System.Threading.Tasks.Parallel.For(0, blocks, Parallel, block =>
        {
            var random = _stream.Derive(firstBlock + block);
            var end = Math.Min(count, (block + 1) * BlockSize);
            for (var row = block * BlockSize; row < end; row++) _model.DrawRow(random, cells, numbers, row);
        });
        var generated = GeneratedColumnBlocks.Generate(_model.Generated, _generated, firstRow, count, FirstRowNumber, Parallel);
        return _model.Assemble(cells, numbers, generated, count);
    }
}
