using SynthFixtures.Data;
using SynthFixtures.Data.Files;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// Samples a sequence model into a file as the entities are drawn: chunk by chunk (whole entities, about
/// <see cref="Sampling.SamplingOptions.ChunkRows"/> steps each), each written before the next is drawn, in long format
/// (one row per step: entity, index, context and step columns in the source's order). The file appears whole or not at
/// all: a cancellation, a condition too rare for its budget or an I/O error leaves an earlier file of the target name as it was.
/// </summary>
public static class SequenceSamplingService
{
    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="SynthDataException">A bad entity count or thread count, a condition the model cannot meet, an output that would overwrite an input, an unwritable output.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public static SequenceSamplingResult Sample(SequenceSamplingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Entities <= 0)
            throw new SynthDataException($"The number of entities must be 1 or more, not {request.Entities}.",
                hint: "Ask for the number of sequences (customers, devices, symbols) to draw, each with all its steps.");
        if (request.Options.MaxDegreeOfParallelism is <= 0)
            throw new SynthDataException($"The thread count must be 1 or more, not {request.Options.MaxDegreeOfParallelism}.", hint: "Leave it unset to use every core.");
        var model = request.Model;
        // Checked here, before the output is opened: bad conditions fail without touching any file.
        var tally = request.StepConditions.Count > 0 ? new Models.Sequences.Conditions.StepConditionTally() : null;
        var chunks = tally is null
            ? model.SampleEntities(request.Entities, request.Seed, request.Conditions, request.Options, cancellationToken)
            : model.SampleEntities(request.Entities, request.Seed, request.Conditions, request.StepConditions, tally, request.Options, cancellationToken);
        long entities = 0, rows = 0;
        var tables = chunks.Select(chunk =>
        {
            entities += chunk.EntityCount;
            rows += chunk.Rows.RowCount;
            return chunk.Rows.ToTable();
        });
        // The disk check reads the row count: the expected steps per entity times the entities.
        var expectedRows = (long)Math.Ceiling(request.Entities * (model.Provenance.SourceRows / (double)Math.Max(1, model.SourceEntities)));
        var files = new OutputFiles();
        files.Add(request.OutputPath, request.Format.Description,
            path => request.Format.Write(tables, new SampleFileContext(model.Metadata, expectedRows, null, request.Options), path, cancellationToken));
        var target = files.Targets.First();
        files.Commit(cancellationToken);
        return new SequenceSamplingResult(entities, rows, target, new FileInfo(target).Length, tally);
    }
}
