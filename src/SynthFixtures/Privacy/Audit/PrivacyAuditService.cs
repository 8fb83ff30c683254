using System.Diagnostics;
using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms;

namespace SynthFixtures.Privacy.Audit;

/// <summary>
/// Proof by audit: an empirical lower bound on the ε of a model kind's training. It trains the kind many times on the
/// data with a canary row (<see cref="AuditCanary"/>) and as many times without it, each training in memory through
/// the kind's registered trainer and each DP fit drawing its own secret noise, so the trainings are independent draws
/// of the mechanism. Each model samples synthetic rows; the attack scores a training by the canary's traces in them and
/// guesses "trained with the canary" above a threshold (<see cref="ThresholdAttack"/>). Clopper–Pearson bounds on its
/// error rates turn into a lower bound on ε (<see cref="EpsilonLowerBound"/>): if the training were (ε, δ)-DP with a
/// smaller ε, errors this rare would have had probability below 1 − confidence. A bound below the claimed ε does not
/// prove the claim (another attack might do better); a bound above it refutes the claim.
/// </summary>
/// <param name="trainers">Which trainer trains each kind.</param>
public sealed class PrivacyAuditService(ModelTrainers trainers)
{
    /// <summary>The attack, in words (the result repeats it).</summary>
    public const string AttackDescription =
        "count the canary's traces in each model's synthetic rows (cells nearer the canary's values than any value of the data: its unseen labels, numbers past the midpoint to its extremes) and guess \"trained with the canary\" at a threshold";

    /// <summary>Reads the CSV (and metadata) as training does, then audits (see <see cref="Audit(Table, TableMetadata, PrivacyAuditOptions, IProgress{string}, CancellationToken)"/>).</summary>
    /// <param name="dataPath">The CSV.</param>
    /// <param name="metadataPath">Its metadata, or <c>null</c> to profile it.</param>
    /// <param name="readOptions">How to read the CSV.</param>
    /// <param name="options">What to train and how often.</param>
    /// <param name="progress">A line every tenth of the trainings, from any thread (one at a time).</param>
    /// <param name="cancellationToken">Stops the trainings.</param>
    /// <exception cref="SynthDataException">Bad input: the CSV, the metadata, the canary, a setting, too few trainings.</exception>
    public (PrivacyAuditResult Result, IReadOnlyList<CellIssue> CellIssues) Audit(string dataPath, string? metadataPath, CsvReadOptions readOptions,
        PrivacyAuditOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataPath);
        ArgumentNullException.ThrowIfNull(readOptions);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options);
        var read = CsvTableReader.Read(dataPath, readOptions);
        var (table, metadata, issues) = TableCheck.Prepare(metadataPath is null ? null : MetadataJson.Load(metadataPath), read, readOptions.BadCells);
        return (Audit(table, metadata, options, progress, cancellationToken), issues);
    }

    /// <summary>Audits <paramref name="options"/>' model kind on <paramref name="table"/>.</summary>
    /// <param name="table">The data (checked against <paramref name="metadata"/>).</param>
    /// <param name="metadata">The columns' metadata, shared by every training (it is public under DP).</param>
    /// <param name="options">What to train and how often.</param>
    /// <param name="progress">A line every tenth of the trainings, from any thread (one at a time).</param>
    /// <param name="cancellationToken">Stops the trainings.</param>
    /// <exception cref="SynthDataException">Bad input: the canary, a setting, too few trainings.</exception>
    /// <exception cref="SettingException">Settings that do not fit the kind.</exception>
    public PrivacyAuditResult Audit(Table table, TableMetadata metadata, PrivacyAuditOptions options,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options);
        var clock = Stopwatch.StartNew();
        var kind = trainers.Catalog.Find(options.ModelKind);
        var settings = SettingValues.Parse(kind, WithFixedDelta(kind, options.Settings, table.RowCount), trainers.Catalog);
        var canary = AuditCanary.Create(table, metadata, options.Canary);
        var withCanary = canary.AddTo(table);
        var rows = options.SyntheticRows ?? table.RowCount;

        var trainings = options.Trainings;
        var traces = new int[2 * trainings][];
        var plans = new PrivacyPlan?[2 * trainings];
        var finished = 0;
        var report = new object();
        var random = new SynthRandom(options.Seed).Derive("privacy-audit");
        var parallel = new ParallelOptions
        {
            // TorchSharp trainers use every core themselves and share native state: one at a time.
            MaxDegreeOfParallelism = kind.TrainsWithTorch ? 1 : options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        // Training i is with the canary when i is even: both sides advance together, so a stopped audit is balanced.
        Parallel.For(0, 2 * trainings, parallel, i =>
        {
            var seeds = random.Derive(i);
            var input = new TrainingInput(i % 2 == 0 ? withCanary : table, metadata, (long)seeds.NextUInt64(), settings);
            var model = trainers.For(kind).Train(input, null, cancellationToken);
            var sample = model.Sample(rows, (long)seeds.NextUInt64(), null, new SamplingOptions { MaxDegreeOfParallelism = 1 }, cancellationToken);
            traces[i] = canary.CountTraces(sample);
            plans[i] = model.Privacy;
            if (progress is null) return;
            lock (report)
            {
                // About ten lines in all: hundreds of trainings would otherwise bury the result.
                if (++finished % Math.Max(1, 2 * trainings / 10) == 0 || finished == 2 * trainings)
                    progress.Report(string.Create(CultureInfo.InvariantCulture, $"trained and attacked {finished} of {2 * trainings} models"));
            }
        });

        var with = Enumerable.Range(0, trainings).Select(i => traces[2 * i].Sum()).ToArray();
        var without = Enumerable.Range(0, trainings).Select(i => traces[2 * i + 1].Sum()).ToArray();
        var byColumn = canary.TracedColumnNames.Select((name, t) => new CanaryColumnTraces(name,
            Enumerable.Range(0, trainings).Count(i => traces[2 * i][t] > 0), Enumerable.Range(0, trainings).Count(i => traces[2 * i + 1][t] > 0))).ToList();
        var plan = plans.FirstOrDefault(p => p is not null);
        var delta = plan?.Delta ?? Setting(settings, PrivacySettingTable.Delta) ?? 0;
        var choosing = trainings / 2;
        var threshold = ThresholdAttack.Choose(with[..choosing], without[..choosing], options.Confidence, delta);
        var outcome = ThresholdAttack.Measure(threshold, with[choosing..], without[choosing..], options.Confidence, delta);
        return new PrivacyAuditResult
        {
            Model = kind.Name,
            Rows = table.RowCount,
            Trainings = trainings,
            SyntheticRows = rows,
            ClaimedEpsilon = plan?.Epsilon ?? Setting(settings, PrivacySettingTable.Epsilon),
            Delta = delta,
            Confidence = options.Confidence,
            Canary = canary.Columns,
            Attack = AttackDescription,
            ScoresWith = with,
            ScoresWithout = without,
            TracesByColumn = byColumn,
            ChoosingTrainings = choosing,
            Outcome = outcome,
            MostProvable = ThresholdAttack.MostProvable(trainings - choosing, trainings - choosing, options.Confidence, delta),
            SecretNoise = kind.Specs.Contains(PrivacySettingTable.Epsilon),
            Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>
    /// The settings with δ fixed when the kind has one and none was given: a DP kind's default δ follows the row count,
    /// which differs by the canary, so the two sides would run two different mechanisms.
    /// </summary>
    private static Dictionary<string, string> WithFixedDelta(ModelKind kind, IReadOnlyDictionary<string, string> given, int rows)
    {
        var settings = new Dictionary<string, string>(given, StringComparer.Ordinal);
        if (kind.Specs.Contains(PrivacySettingTable.Delta) && !settings.ContainsKey(PrivacySettingTable.Delta.Name) && rows > 0)
            settings[PrivacySettingTable.Delta.Name] = (1.0 / (rows * Math.Sqrt(rows))).ToString("R", CultureInfo.InvariantCulture);
        return settings;
    }

    private static double? Setting(SettingValues settings, SettingSpec spec) =>
        settings.Given.Where(s => s.Spec == spec).Select(s => (double?)Convert.ToDouble(s.Value, CultureInfo.InvariantCulture)).FirstOrDefault();

    private static void CheckOptions(PrivacyAuditOptions options)
    {
        if (options.Trainings < PrivacyAuditOptions.MinimumTrainings)
            throw new SynthDataException($"An audit needs at least {PrivacyAuditOptions.MinimumTrainings} trainings with the canary (and as many without), not {options.Trainings}.",
                hint: "Half of them choose the attack's threshold and half measure it; a few hundred give a useful bound.");
        if (options.SyntheticRows is < 1)
            throw new SynthDataException($"Each model must sample at least one synthetic row, not {options.SyntheticRows}.");
        if (!(options.Confidence > 0 && options.Confidence < 1))
            throw new SynthDataException($"The confidence must lie strictly between 0 and 1, not {options.Confidence.ToString(CultureInfo.InvariantCulture)}.",
                hint: "0.95 is usual.");
        if (options.MaxDegreeOfParallelism is <= 0)
            throw new SynthDataException($"The thread count must be 1 or more, not {options.MaxDegreeOfParallelism}.", hint: "Leave it unset to use every core.");
    }
}
