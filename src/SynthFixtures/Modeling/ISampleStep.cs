using SynthFixtures.Data;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Modeling;

/// <summary>
/// A step between drawing a sample's rows and writing them (for example LLM-written text columns, in
/// <c>SynthFixtures.Text.Llm</c>): it may rewrite the cells of each chunk and add files that the sampling service writes
/// with the sample, so they appear together with it or not at all.
/// </summary>
public interface ISampleStep
{
    /// <summary>
    /// The chunk as it is to be written. Chunks arrive in row order; <paramref name="firstRow"/> is the 0-based sample row
    /// of the chunk's first row, so a step that draws per row can derive its randomness from the row number.
    /// </summary>
    /// <param name="chunk">The drawn rows, formatted as the CSV writes them.</param>
    /// <param name="firstRow">The sample row of <c>chunk</c>'s first row.</param>
    /// <param name="cancellationToken">Cancels the step; the sample is then not written.</param>
    Table Apply(Table chunk, long firstRow, CancellationToken cancellationToken);

    /// <summary>Adds the files this step writes beside the sample at <paramref name="samplePath"/>, after the last chunk.</summary>
    void AddOutputs(string samplePath, OutputFiles files);

    /// <summary>
    /// Called once when the run ends, whether or not the sample was written (<paramref name="written"/>), e.g. to keep
    /// what paid calls returned even when the sample itself failed.
    /// </summary>
    void Ended(bool written);
}
