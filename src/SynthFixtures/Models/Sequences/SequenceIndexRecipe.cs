using System.Globalization;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Models.Sequences;

/// <summary>
/// How a sampled entity's index is written from its start (drawn by the context model): a regular <see cref="Step"/>
/// exactly (daily, monthly on the calendar, every 5 units; the start put on the source's grid first), irregular steps
/// by adding up the step sizes the step model draws as the column <see cref="StepColumn"/>.
/// </summary>
public sealed record SequenceIndexRecipe
{
    /// <summary>The index's step rule, as <see cref="SequenceIndexSteps"/> found it.</summary>
    public required SequenceIndexStep Step { get; init; }

    /// <summary>For irregular steps: the added step column's name (a whole number of <see cref="Unit"/>s per step); <c>null</c> otherwise.</summary>
    public string? StepColumn { get; init; }

    /// <summary>For irregular steps: seconds (datetime) or units (integer) per unit of the step column.</summary>
    public double Unit { get; init; } = 1;

    /// <summary>The median source start, used when the context model leaves a start missing.</summary>
    public double TypicalStart { get; init; }

    /// <summary>
    /// For a regular index: grid values the source skips in every entity (ascending), which sampled indexes skip too;
    /// <c>null</c> when there are none.
    /// </summary>
    public double[]? SkippedValues { get; init; }

    /// <summary>
    /// For a regular index: the gaps only some source entities have (how many each entity has is learned by the context
    /// model); <c>null</c> when no entity has one, and in models trained before them.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public EntityGapRecipe? EntityGaps { get; init; }

    /// <summary>What the index holds.</summary>
    public SequenceIndexKind Kind => Step.IndexKind;

    /// <summary>The steps in words (for <c>inspect</c>): "daily", "monthly (day 1)", "irregular: step sizes learned as 'date_step' in days".</summary>
    public string Describe() => (Step.Kind != SequenceStepKind.Irregular ? Step.Describe()
        : $"irregular: step sizes learned as '{StepColumn}' in {(Kind == SequenceIndexKind.DateTime ? SequenceIndexStep.Duration(Unit) : "units of " + Unit.ToString("0.###", CultureInfo.InvariantCulture))}")
        + (EntityGaps is { } gaps
            ? string.Create(CultureInfo.InvariantCulture, $"; gaps of {gaps.Sizes[0]} to {gaps.Sizes[^1]} steps in some entities (their number learned as '{gaps.CountColumn}')")
            : "");

    /// <summary>A sampled start moved onto the source's grid (phase, day of the month, time of day), so regular steps land where the source's did.</summary>
    public double Align(double start) => Step.Align(double.IsNaN(start) ? TypicalStart : start);

    /// <summary>
    /// Writes the index of one entity (as many steps as <paramref name="destination"/> holds) from <paramref name="start"/>;
    /// <paramref name="stepSizes"/> holds an irregular index's drawn step sizes (in units; the first is ignored, negative
    /// ones count as 0 so the index never runs backwards); <paramref name="skippedAfter"/>, for a regular index, the grid
    /// steps an entity's own gaps skip after each step (<see cref="EntityGapRecipe.Layout"/>; empty: none).
    /// </summary>
    public void Write(double start, ReadOnlySpan<double> stepSizes, Span<double> destination, ReadOnlySpan<long> skippedAfter = default)
    {
        start = Align(start);
        var value = start;
        var gridStep = 0L;
        for (var step = 0; step < destination.Length; step++)
        {
            if (Step.Kind == SequenceStepKind.Irregular)
            {
                if (step > 0) value += Math.Max(0, Math.Round(double.IsNaN(stepSizes[step]) ? 0 : stepSizes[step])) * Unit;
                destination[step] = value;
            }
            else
            {
                if (step > 0 && step - 1 < skippedAfter.Length)
                    for (var k = 0L; k < skippedAfter[step - 1]; k++) NextHeld(start, ref gridStep);
                destination[step] = Step.IsRegular ? NextHeld(start, ref gridStep) : start;
            }
        }
    }

    /// <summary>The grid value <paramref name="gridStep"/> steps after <paramref name="start"/>, passing over skipped values; advances the count past it.</summary>
    private double NextHeld(double start, ref long gridStep)
    {
        var value = Step.Next(start, gridStep++);
        if (SkippedValues is not { Length: > 0 } skipped) return value;
        for (var passed = 0; passed < skipped.Length && Array.BinarySearch(skipped, value) >= 0; passed++)
            value = Step.Next(start, gridStep++);
        return value;
    }
}
