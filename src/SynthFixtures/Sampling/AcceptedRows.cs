namespace SynthFixtures.Sampling;

/// <summary>
/// The rows of a conditional sample that pass the exact checks, in block order. Blocks are drawn a few at a time in
/// parallel and queued; rows are taken from the queue in order, so the rows kept depend neither on thread count nor on
/// how the sample is split into chunks: a chunk that ends inside a block leaves the rest of that block (and of the
/// queue) to the next chunk. The candidate budget counts every block whose rows were looked at.
/// </summary>
/// <param name="drawBlock">Draws block b: numbers and codes per column (exactly one of the two set per column), <see cref="SampleCursor.BlockSize"/> rows.</param>
/// <param name="accepts">Whether row r of a drawn block meets the conditions.</param>
/// <param name="candidateBudget">Candidates that may be looked at before the conditions are declared too rare.</param>
/// <param name="tooRare">The error when the budget runs out, given rows accepted and candidates drawn.</param>
internal sealed class AcceptedRows(
    Func<int, (double[]?[] Numbers, int[]?[] Codes)> drawBlock,
    Func<double[]?[], int[]?[], int, bool> accepts,
    long candidateBudget,
    Func<long, long, SynthDataException> tooRare)
{
    private const int BlockSize = SampleCursor.BlockSize;
    private readonly Queue<(double[]?[] Numbers, int[]?[] Codes)> _queue = new();
    private int _nextBlock;
    private int _nextRow;   // in the block at the head of the queue
    private long _accepted;
    private long _drawn;

    /// <summary>Candidate rows checked so far (rows looked at, not blocks drawn, so the count does not depend on the thread count).</summary>
    public long Examined { get; private set; }

    /// <summary>Candidate rows that met the conditions so far.</summary>
    public long Accepted => _accepted;

    /// <summary>Fills rows 0 … <paramref name="count"/> − 1 of <paramref name="numbers"/> and <paramref name="codes"/> with the next accepted rows.</summary>
    public void Fill(double[]?[] numbers, int[]?[] codes, int count, ParallelOptions parallel)
    {
        var filled = 0;
        while (filled < count)
        {
            if (_queue.Count == 0) Refill(parallel);
            var (n, c) = _queue.Peek();
            for (; _nextRow < BlockSize && filled < count; _nextRow++)
            {
                Examined++;
                if (!accepts(n, c, _nextRow)) continue;
                for (var t = 0; t < n.Length; t++)
                {
                    if (n[t] is { } values) numbers[t]![filled] = values[_nextRow];
                    else if (c[t] is { } labels) codes[t]![filled] = labels[_nextRow];
                }
                filled++;
                _accepted++;
            }
            if (_nextRow == BlockSize)
            {
                _queue.Dequeue();
                _nextRow = 0;
            }
        }
    }

    private void Refill(ParallelOptions parallel)
    {
        parallel.CancellationToken.ThrowIfCancellationRequested();
        if (_drawn >= candidateBudget) throw tooRare(_accepted, _drawn);
        // A few blocks per worker at a time keeps both cores busy and bounds the work past the last row needed.
        var workers = Math.Max(1, parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount);
        var blocks = new (double[]?[] Numbers, int[]?[] Codes)[Math.Max(2, 2 * workers)];
        var first = _nextBlock;
        Parallel.For(0, blocks.Length, parallel, i => blocks[i] = drawBlock(first + i));
        _nextBlock += blocks.Length;
        foreach (var block in blocks) _queue.Enqueue(block);
        _drawn += (long)blocks.Length * BlockSize;
    }
}
