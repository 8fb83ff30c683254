namespace SynthFixtures.Evaluation.Report;

/// <summary>A table the evaluation read: where from, what it held (its <see cref="Data.TableHash"/>) and its size.</summary>
/// <param name="Name">The file name, or a description ("20 % of real.csv, seed 1").</param>
/// <param name="Sha256">The table's content hash, the same hash a model records of its training data.</param>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Number of columns.</param>
public sealed record DataSource(string Name, string Sha256, int Rows, int Columns)
{
    /// <summary>Describes <paramref name="table"/> as <paramref name="name"/>.</summary>
    public static DataSource Of(Data.Table table, string name) =>
        new(name, Data.TableHash.Compute(table), table.RowCount, table.ColumnCount);
}

/// <summary>The model the synthetic data came from, as its artifact records it.</summary>
/// <param name="Path">The .synth file.</param>
/// <param name="Kind">The model kind.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="SourceDataSha256">The content hash of the data it was trained on.</param>
/// <param name="SourceRows">The number of rows it was trained on.</param>
/// <param name="TrainedOnEvaluatedData">Whether that hash equals the evaluation's training table's hash (false means the
/// privacy metrics compare against other rows than the model saw).</param>
/// <param name="Settings">Its training settings, name and value.</param>
public sealed record ModelSummary(string Path, string Kind, long Seed, string SourceDataSha256, int SourceRows,
    bool TrainedOnEvaluatedData, IReadOnlyList<KeyValuePair<string, string>> Settings)
{
    /// <summary>
    /// Whether the model withholds its training data's hash (a differentially private model: a hash would confirm a
    /// guessed table), so whether it saw the evaluated data cannot be told.
    /// </summary>
    public bool DataHashWithheld => SourceDataSha256 == Models.ModelProvenance.WithheldHash;

    /// <summary>The model's differential-privacy guarantee and where its budget went, or <c>null</c> for a model without one.</summary>
    public SynthFixtures.Privacy.PrivacyPlan? PrivacyPlan { get; init; }

    /// <summary>How the model's training data relates to the evaluated data, in words for the reports.</summary>
    public string TrainingDataRelation => DataHashWithheld ? "training data hash withheld, so not compared"
        : TrainedOnEvaluatedData ? "the evaluated training data" : "NOT the evaluated training data";
}

/// <summary>What was evaluated, how, and how long each part took: the report's audit trail.</summary>
public sealed record EvaluationAudit
{
    /// <summary>The real rows the model was trained on (the reference of every metric).</summary>
    public required DataSource Training { get; init; }

    /// <summary>The synthetic rows.</summary>
    public required DataSource Synthetic { get; init; }

    /// <summary>The real rows the model never saw; <c>null</c> without a holdout.</summary>
    public DataSource? Holdout { get; init; }

    /// <summary>The seed of every random choice the evaluation made.</summary>
    public required long Seed { get; init; }

    /// <summary>The model, when its artifact was given.</summary>
    public ModelSummary? Model { get; init; }

    /// <summary>The SynthFixtures version that wrote the report.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>Wall time per part of the evaluation, in order.</summary>
    public required IReadOnlyList<KeyValuePair<string, TimeSpan>> Timings { get; init; }

    /// <summary>Wall time of the whole evaluation.</summary>
    public TimeSpan Total => Timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Value);
}
