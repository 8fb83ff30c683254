using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Randomness;

namespace SynthFixtures.Evaluation.Utility;

/// <summary>
/// Machine-learning utility with ML.NET: for a target column, a FastTree and a linear learner are trained on the real
/// training rows and on the synthetic rows and both are tested on the real holdout (F1 and accuracy for a categorical
/// target, R² for a numeric one); and detection: a logistic regression and gradient-boosted trees (FastTree) each
/// separating real from synthetic rows, 3-fold stratified on the same rows, their AUCs turned into scores. Seeded
/// throughout.
/// </summary>
public static class UtilityEvaluator
{
    /// <summary>Rows per side the detection classifier uses at most (a seeded sample), to keep it to seconds.</summary>
    public const int DetectionRowsPerSide = 10_000;

    private const int Folds = 3;

    /// <summary>Checks that <paramref name="target"/> is a modelled column of <paramref name="metadata"/> (<see cref="UtilityTarget.Check"/>).</summary>
    /// <exception cref="SynthDataException">It is not.</exception>
    public static void CheckTarget(TableMetadata metadata, string target, string? path = null) => UtilityTarget.Check(metadata, target, path);

    /// <summary>Computes TSTR scores (when <paramref name="target"/> and <paramref name="holdout"/> are given) and detection.</summary>
    /// <exception cref="SynthDataException">The target is not an evaluated column, or a table lacks a column.</exception>
    public static UtilityReport Evaluate(Table training, Table synthetic, Table? holdout, TableMetadata metadata, string? target,
        long seed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(metadata);
        var columns = PreparedColumns.Prepare(training, synthetic, holdout, metadata, new ParallelOptions { CancellationToken = ct });
        var random = new SynthRandom(seed).Derive("utility");
        var detection = Detection(columns, random.Derive("detection"), seed);
        if (target is null || holdout is null) return new UtilityReport { Scores = [], Detections = detection };
        CheckTarget(metadata, target);
        var targetColumn = columns.First(c => c.Metadata.Name == target);
        var features = columns.Where(c => c != targetColumn).ToArray();
        var task = targetColumn.IsNumeric ? UtilityTask.Regression : UtilityTask.Classification;
        var scores = new List<UtilityScore>();
        foreach (var learner in new[] { "FastTree", "Linear" })
        {
            ct.ThrowIfCancellationRequested();
            var real = Tstr(features, targetColumn, Side.Real, learner, seed);
            var fake = Tstr(features, targetColumn, Side.Synthetic, learner, seed);
            scores.Add(new UtilityScore(learner, task == UtilityTask.Regression ? "R²" : "F1", real.Score, fake.Score, real.Accuracy, fake.Accuracy));
        }
        return new UtilityReport { Target = target, Task = task, Scores = scores, Detections = detection };
    }

    private sealed class LabelledRow
    {
        public float[] Features { get; set; } = [];
        public string LabelText { get; set; } = "";
        public float Label { get; set; }
    }

    private sealed class DetectionRow
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    private static (double Score, double? Accuracy) Tstr(EvaluatedColumn[] features, EvaluatedColumn target, Side trainOn, string learner, long seed)
    {
        var ml = new MLContext(seed: unchecked((int)seed));
        var encoder = FeatureEncoder.Fit(features, trainOn);
        var trainRows = Rows(encoder, target, trainOn);
        var testRows = Rows(encoder, target, Side.Holdout);
        var schema = Schema<LabelledRow>(encoder.Width);
        var train = ml.Data.LoadFromEnumerable(trainRows, schema);
        var test = ml.Data.LoadFromEnumerable(testRows, schema);
        if (target.IsNumeric)
        {
            IEstimator<ITransformer> regressor = learner == "FastTree"
                ? ml.Regression.Trainers.FastTree(labelColumnName: "Label", featureColumnName: "Features")
                : ml.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features");
            var predicted = regressor.Fit(train).Transform(test).GetColumn<float>("Score").ToArray();
            var actual = testRows.Select(r => (double)r.Label).ToArray();
            var mean = actual.Average();
            var residual = actual.Zip(predicted, (a, p) => (a - p) * (a - p)).Sum();
            var total = actual.Sum(a => (a - mean) * (a - mean));
            return (total > 0 ? 1 - residual / total : 0, null);
        }
        var truth = testRows.Select(r => r.LabelText).ToArray();
        var positive = PositiveClasses(target);
        if (positive.Length == 1)
        {
            // Two classes: one binary learner, not one-versus-all's two, which would halve nothing but the speed.
            var binaryRows = ml.Data.LoadFromEnumerable(trainRows.Select(r => new DetectionRow { Features = r.Features, Label = r.LabelText == positive[0] }), Schema<DetectionRow>(encoder.Width));
            var binaryTest = ml.Data.LoadFromEnumerable(testRows.Select(r => new DetectionRow { Features = r.Features, Label = r.LabelText == positive[0] }), Schema<DetectionRow>(encoder.Width));
            IEstimator<ITransformer> binary = learner == "FastTree"
                ? ml.BinaryClassification.Trainers.FastTree(labelColumnName: "Label", featureColumnName: "Features")
                : ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Label", featureColumnName: "Features");
            var negative = ObservedClasses(target).First(l => l != positive[0]);
            var predictedBinary = binary.Fit(binaryRows).Transform(binaryTest).GetColumn<bool>("PredictedLabel").Select(p => p ? positive[0] : negative).ToArray();
            return (F1(truth, predictedBinary, positive), truth.Zip(predictedBinary, (t, p) => t == p ? 1.0 : 0.0).Average());
        }
        var binaryTrainer = ml.BinaryClassification.Trainers.FastTree(labelColumnName: "Label", featureColumnName: "Features");
        IEstimator<ITransformer> classifier = learner == "FastTree"
            ? ml.MulticlassClassification.Trainers.OneVersusAll(binaryTrainer, labelColumnName: "Label")
            : ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(labelColumnName: "Label", featureColumnName: "Features");
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "LabelText")
            .Append(classifier)
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedText", "PredictedLabel"));
        var labels = pipeline.Fit(train).Transform(test).GetColumn<ReadOnlyMemory<char>>("PredictedText").Select(m => m.ToString()).ToArray();
        var accuracy = truth.Zip(labels, (t, p) => t == p ? 1.0 : 0.0).Average();
        return (F1(truth, labels, positive), accuracy);
    }

    /// <summary>The observed (non-missing) classes of the real training rows, rarest first.</summary>
    private static string[] ObservedClasses(EvaluatedColumn target) =>
        target.RealCodes.Where(c => c != CategoryCodes.Missing).GroupBy(c => c).OrderBy(g => g.Count()).ThenBy(g => g.Key).Select(g => target.Labels![g.Key]).ToArray();

    /// <summary>With two classes, the minority class of the real training rows (F1 of the positive class); otherwise all (macro F1).</summary>
    private static string[] PositiveClasses(EvaluatedColumn target)
    {
        var classes = ObservedClasses(target);
        return classes.Length == 2 ? [classes[0]] : classes;
    }

    private static double F1(string[] truth, string[] predicted, string[] classes)
    {
        double sum = 0;
        foreach (var cls in classes)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < truth.Length; i++)
            {
                var isTrue = truth[i] == cls;
                var isPredicted = predicted[i] == cls;
                if (isTrue && isPredicted) tp++;
                else if (isPredicted) fp++;
                else if (isTrue) fn++;
            }
            sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
        return classes.Length == 0 ? 0 : sum / classes.Length;
    }

    private static LabelledRow[] Rows(FeatureEncoder encoder, EvaluatedColumn target, Side side)
    {
        var codes = FeatureEncoder.Codes(target, side);
        var values = FeatureEncoder.Values(target, side);
        // Rows whose target is missing teach and test nothing.
        return Enumerable.Range(0, codes.Length).Where(r => codes[r] != CategoryCodes.Missing)
            .Select(r => new LabelledRow
            {
                Features = encoder.Encode(side, r),
                LabelText = target.Labels is { } labels ? labels[codes[r]] : "",
                Label = values is null ? 0 : (float)values[r],
            }).ToArray();
    }

    private static IReadOnlyList<DetectionScore> Detection(EvaluatedColumn[] columns, SynthRandom random, long seed)
    {
        var realRows = SeededSample(columns[0].RealCodes.Length, random.Derive("real"));
        var syntheticRows = SeededSample(columns[0].SyntheticCodes.Length, random.Derive("synthetic"));
        var perSide = Math.Min(realRows.Length, syntheticRows.Length);
        realRows = realRows[..perSide];
        syntheticRows = syntheticRows[..perSide];
        var encoder = FeatureEncoder.Fit(columns, Side.Real);
        // Stratified folds: the i-th shuffled row of each side goes to fold i mod 3.
        var rows = realRows.Select((r, i) => (Row: new DetectionRow { Features = encoder.Encode(Side.Real, r), Label = true }, Fold: i % Folds))
            .Concat(syntheticRows.Select((r, i) => (Row: new DetectionRow { Features = encoder.Encode(Side.Synthetic, r), Label = false }, Fold: i % Folds)))
            .ToArray();
        var ml = new MLContext(seed: unchecked((int)seed));
        var schema = Schema<DetectionRow>(encoder.Width);
        // Both detectors see the same rows and folds, so their AUCs differ only by what each can see: the linear one
        // misses relations a copula keeps only on average (interactions, thresholds), which the trees find.
        var detectors = new (string Name, Func<IEstimator<ITransformer>> Create)[]
        {
            ("logistic regression", () => ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Label", featureColumnName: "Features")),
            ("gradient-boosted trees", () => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
                // One thread: the trees, and so the AUC, are then the same on every machine for a seed.
                NumberOfThreads = 1,
                Seed = unchecked((int)seed),
            })),
        };
        var scores = new List<DetectionScore>();
        foreach (var (name, create) in detectors)
        {
            double auc = 0;
            for (var fold = 0; fold < Folds; fold++)
            {
                var train = ml.Data.LoadFromEnumerable(rows.Where(r => r.Fold != fold).Select(r => r.Row), schema);
                var test = ml.Data.LoadFromEnumerable(rows.Where(r => r.Fold == fold).Select(r => r.Row), schema);
                var model = create().Fit(train);
                auc += ml.BinaryClassification.Evaluate(model.Transform(test), labelColumnName: "Label").AreaUnderRocCurve;
            }
            scores.Add(new DetectionScore(name, auc / Folds, Folds, perSide));
        }
        return scores;
    }

    /// <summary>A seeded shuffle of the rows, at most <see cref="DetectionRowsPerSide"/> of them.</summary>
    private static int[] SeededSample(int rows, SynthRandom random)
    {
        var index = Enumerable.Range(0, rows).ToArray();
        var count = Math.Min(rows, DetectionRowsPerSide);
        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt(rows - i);
            (index[i], index[j]) = (index[j], index[i]);
        }
        return index[..count];
    }

    private static SchemaDefinition Schema<T>(int width)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }
}
