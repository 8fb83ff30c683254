namespace SynthFixtures.Sampling;

/// <summary>
/// What a conditional sample cost: the candidate rows checked and the rows kept, updated as its chunks are drawn. When
/// the model meets every condition in closed form, every candidate is kept and the rate is 1.
/// </summary>
public sealed class ConditionTally
{
    /// <summary>Candidate rows drawn and checked so far.</summary>
    public long CandidatesExamined { get; private set; }

    /// <summary>Candidate rows that met the conditions so far.</summary>
    public long RowsAccepted { get; private set; }

    /// <summary>Accepted over examined (1 before any row, and when nothing had to be checked).</summary>
    public double AcceptanceRate => CandidatesExamined == 0 ? 1 : RowsAccepted / (double)CandidatesExamined;

    internal void Set(long examined, long accepted)
    {
        CandidatesExamined = examined;
        RowsAccepted = accepted;
    }
}
