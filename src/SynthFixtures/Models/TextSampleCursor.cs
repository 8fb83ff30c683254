using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Text;

namespace SynthFixtures.Models;

/// <summary>
/// A sample whose learned free-text columns are written by their text models after the tabular model has drawn the
/// rest of each chunk. Each text column has its own stream (<c>Derive("text:&lt;column&gt;")</c> of the sampling seed)
/// and row r of the sample is written from that stream's <c>Derive(r)</c>, numbered from the sample's first row number,
/// so the text does not depend on the chunk size or the thread count.
/// </summary>
internal sealed class TextSampleCursor : SampleCursor
{
    private readonly SampleCursor _rows;
    private readonly IReadOnlyList<(TextColumnModel Model, SynthRandom Random)> _texts;

    public TextSampleCursor(SampleCursor rows, IReadOnlyList<TextColumnModel> textModels, long seed, SamplingOptions options,
        CancellationToken cancellationToken)
        : base(rows.StartRow, rows.Rows, options, cancellationToken)
    {
        _rows = rows;
        var random = new SynthRandom(seed);
        _texts = textModels.Select(m => (m, random.Derive("text:" + m.Column))).ToList();
    }

    public override bool ChecksRows => _rows.ChecksRows;

    public override (long Examined, long Accepted)? Candidates => _rows.Candidates;

    protected override SampledTable Draw(int count, long firstRow)
    {
        var table = _rows.Next(count);
        foreach (var (model, random) in _texts)
        {
            var context = model.ContextColumns.Select(c => table[c].Cells()).ToList();
            var texts = model.Generate(context, count, FirstRowNumber + firstRow, random, Parallel);
            if (texts.Length != count)
                throw new InvalidOperationException($"The text model of '{model.Column}' wrote {texts.Length} texts for {count} rows.");
            table = table.WithTexts(IndexOf(table, model.Column), texts);
        }
        return table;
    }

    private static int IndexOf(SampledTable table, string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
            if (table.Columns[i].Metadata.Name == column) return i;
        throw new InvalidOperationException($"The sample has no column '{column}'.");
    }
}
