using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Evaluation.Sequences;

/// <summary>Which set of sequences values come from.</summary>
internal enum SequenceSide
{
    Real,
    Synthetic,
    Holdout,
}

/// <summary>
/// The sets under comparison and their columns prepared once (<see cref="EvaluatedColumn"/>: numbers, and codes on one
/// dictionary across the sides), with each entity's values read by step.
/// </summary>
internal sealed class SequenceSides
{
    private readonly Dictionary<string, EvaluatedColumn> _columns;

    public SequenceSides(SequenceSet real, SequenceSet synthetic, SequenceSet? holdout, IReadOnlyList<EvaluatedColumn> columns)
    {
        Real = real;
        Synthetic = synthetic;
        Holdout = holdout;
        _columns = columns.ToDictionary(c => c.Metadata.Name, StringComparer.Ordinal);
    }

    public SequenceSet Real { get; }

    public SequenceSet Synthetic { get; }

    public SequenceSet? Holdout { get; }

    public EvaluatedColumn Column(string name) => _columns[name];

    public SequenceSet Set(SequenceSide side) => side switch
    {
        SequenceSide.Real => Real,
        SequenceSide.Synthetic => Synthetic,
        _ => Holdout ?? throw new InvalidOperationException("No holdout."),
    };

    public static double[] Values(EvaluatedColumn column, SequenceSide side) => side switch
    {
        SequenceSide.Real => column.RealValues!,
        SequenceSide.Synthetic => column.SyntheticValues!,
        _ => column.HoldoutValues!,
    };

    public static int[] Codes(EvaluatedColumn column, SequenceSide side) => side switch
    {
        SequenceSide.Real => column.RealCodes,
        SequenceSide.Synthetic => column.SyntheticCodes,
        _ => column.HoldoutCodes!,
    };

    /// <summary>Each entity's values of a numeric column, by step.</summary>
    public IEnumerable<double[]> EntityValues(EvaluatedColumn column, SequenceSide side)
    {
        var values = Values(column, side);
        return Set(side).Entities.Select(e => Pick(values, e));
    }

    /// <summary>Each entity's codes of a column, by step.</summary>
    public IEnumerable<int[]> EntityCodes(EvaluatedColumn column, SequenceSide side)
    {
        var codes = Codes(column, side);
        return Set(side).Entities.Select(e => e.Rows.Select(r => codes[r]).ToArray());
    }

    /// <summary>A column's value at each entity's first step (the context value).</summary>
    public double[] FirstValues(EvaluatedColumn column, SequenceSide side)
    {
        var values = Values(column, side);
        return Set(side).Entities.Select(e => values[e.Rows[0]]).ToArray();
    }

    /// <summary>A column's code at each entity's first step.</summary>
    public int[] FirstCodes(EvaluatedColumn column, SequenceSide side)
    {
        var codes = Codes(column, side);
        return Set(side).Entities.Select(e => codes[e.Rows[0]]).ToArray();
    }

    public static double[] Pick(double[] values, SequenceEntity entity)
    {
        var picked = new double[entity.Rows.Count];
        for (var i = 0; i < picked.Length; i++) picked[i] = values[entity.Rows[i]];
        return picked;
    }
}
