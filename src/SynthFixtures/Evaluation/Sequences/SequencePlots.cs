using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>
/// Chooses the sequences the report draws, the same every run: entities evenly spaced through each side's entity order
/// (first, middle, last for three), each drawn in the first numeric step column; when a side has fewer entities than
/// plots, the remaining plots show the next numeric columns of the same entities.
/// </summary>
internal static class SequencePlots
{
    public static IReadOnlyList<SequencePlot> Choose(SequenceSides sides, IReadOnlyList<EvaluatedColumn> numericSteps, int count, int maxSteps)
    {
        if (count == 0 || numericSteps.Count == 0 || sides.Real.Entities.Count == 0 || sides.Synthetic.Entities.Count == 0) return [];
        var distinct = Math.Min(count, Math.Min(sides.Real.Entities.Count, sides.Synthetic.Entities.Count));
        var plots = new List<SequencePlot>();
        for (var p = 0; p < count && p / distinct < numericSteps.Count; p++)
        {
            var slot = p % distinct;
            var column = numericSteps[p / distinct];
            var real = Spaced(sides.Real.Entities, slot, distinct);
            var synthetic = Spaced(sides.Synthetic.Entities, slot, distinct);
            plots.Add(new SequencePlot(column.Metadata.Name, Key(real), Steps(column, SequenceSide.Real, real, maxSteps),
                Key(synthetic), Steps(column, SequenceSide.Synthetic, synthetic, maxSteps)));
        }
        return plots;
    }

    private static SequenceEntity Spaced(IReadOnlyList<SequenceEntity> entities, int slot, int slots) =>
        entities[slots == 1 ? 0 : (int)Math.Round(slot * (entities.Count - 1) / (double)(slots - 1))];

    private static string Key(SequenceEntity entity) => string.Join(" / ", entity.Key);

    private static double[] Steps(EvaluatedColumn column, SequenceSide side, SequenceEntity entity, int maxSteps)
    {
        var values = SequenceSides.Pick(SequenceSides.Values(column, side), entity);
        return values.Length > maxSteps ? values[..maxSteps] : values;
    }
}
