using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Models;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.Private;
using SynthFixtures.Privacy;
using SynthFixtures.Randomness;
using SynthFixtures.Sampling;
using SynthFixtures.Transforms;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// Fits a <c>dp-lagged-copula</c> sequence model with (ε, δ) differential privacy for datasets that differ by one
/// entity's whole sequence: the context model (context columns, length, start; one row per entity) through dp-marginals
/// at its share of the zCDP budget, the step model through <see cref="DpLaggedCopulaFitter"/>, the index from its
/// declaration and the entity keys from a recipe that reads nothing. Whatever the non-private fit reads from the rows
/// (the step kind, skipped grid values, constant columns, lengths as labels, key shapes, the data's hash) is declared,
/// replaced by a public choice or measured here.
/// </summary>
internal static class DpSequenceFitter
{
    /// <summary>The longest sampled sequence: a public bound on lengths (the non-private model keeps the source's range, a statistic).</summary>
    internal const int MaximumLength = 10_000;

    /// <summary>Context rows drawn from the fitted context model to place a typical start (post-processing).</summary>
    private const int StartProbeRows = 1_001;

    /// <summary>Refused when the correlation noise is at least this many times the noisy entity count: every latent correlation would be mostly noise.</summary>
    internal const double MaxCorrelationNoiseToSignal = 1;

    public static SequenceModel Fit(Table table, TableMetadata? givenMetadata, SequenceMetadata sequence, DpSequenceOptions options,
        SettingValues contextSettings, IProgress<TrainingUpdate>? progress, CancellationToken cancellationToken)
    {
        if (givenMetadata is null)
            throw new SynthDataException("A differentially private sequence model needs the column metadata given: the column kinds would otherwise be read from the rows outside the budget.",
                table.SourcePath, hint: "Give metadata written without looking at the data (or accepted as public), e.g. profiled once and reviewed.");
        var metadata = givenMetadata;
        var source = table;
        table = WithPlacedRows(TableCheck.ConformPrivately(metadata, table), sequence);
        var set = SequenceSet.From(table, metadata, sequence);
        var entities = set.Entities.Count;
        if (entities == 0)
            throw new SynthDataException("The table has no sequences to learn from.", table.SourcePath, hint: "Give a table with at least one entity's rows.");

        // The index: its step is declared; nothing about it is read from the rows.
        SequenceIndexRecipe index;
        if (sequence.IndexColumn is { } indexColumn)
        {
            if (options.IndexStep is not { } word)
                throw new SettingException(DpLaggedCopulaKind.IndexStep,
                    _ => $"under differential privacy the step of the sequence index '{indexColumn}' is not read from the rows (the step kind, its phase and the values every entity skips are statistics of the data), and none was declared",
                    n => $"declare it, e.g. {n.Assignment(DpLaggedCopulaKind.IndexStep, set.IndexKind == SequenceIndexKind.Integer ? "units" : "daily")} (with {n.Setting(DpLaggedCopulaKind.IndexStepSize)} for steps of several units)");
            index = new SequenceIndexRecipe { Step = DpIndexDeclaration.Step(set.IndexKind, word, options.IndexStepSize, indexColumn) };
        }
        else index = new SequenceIndexRecipe { Step = new SequenceIndexStep(SequenceIndexKind.RowOrder, SequenceStepKind.RowOrder, 0) };

        var stepColumns = set.StepColumns.Where(c => c.IsModelled).ToList();
        if (stepColumns.Count == 0)
            throw new SynthDataException("The sequence table has no per-step column to learn: every column is an entity, index or context column, or generated.",
                table.SourcePath, hint: "A sequence model learns the values that change from step to step; leave such a column out of the context columns.");
        var contextColumns = sequence.ContextColumns.Select(name => metadata.Find(name)!).ToList();
        foreach (var column in contextColumns.Where(c => !c.IsModelled))
            throw new SynthDataException($"The context column '{column.Name}' is not learned (an identifier, free text or personal data).", table.SourcePath,
                hint: "Leave it out of the context columns.", columnName: column.Name);

        var taken = metadata.Columns.Select(c => c.Name).ToList();
        var (contextTable, contextMetadata, layout) = ContextTable(set, taken);
        var budget = DpSequenceBudget.For(options.Epsilon, options.Delta, entities,
            contextMetadata.Columns.Count(c => !c.IsNumeric), stepColumns.Concat(contextColumns).Count(c => !c.IsNumeric));
        var secret = new SynthRandom(options.NoiseSeed ?? SecretSeed.Draw());

        // 1. The context model, at its share of ρ.
        progress?.Report(new TrainingUpdate(TrainingStage.Fitting, string.Create(CultureInfo.InvariantCulture,
            $"Fitting the context model privately (dp-marginals, ε = {budget.ContextEpsilon:G4}) on one row per entity ({string.Join(", ", contextMetadata.Columns.Select(c => c.Name))})")));
        var contextOptions = DpMarginalsKind.Instance.Options(contextSettings, options.Seed) with
        {
            Epsilon = budget.ContextEpsilon,
            Delta = budget.ContextDelta,
            // The context model records its noise seed when one is fixed, so one is passed only when the whole model's is
            // fixed (tests); otherwise it draws its own secret seed.
            NoiseSeed = options.NoiseSeed is null ? null : unchecked((long)secret.Derive("context-model").NextUInt64()),
        };
        var contextModel = DpMarginalsFitter.Fit(contextTable, contextMetadata, contextOptions, null, cancellationToken);
        var contextPlan = contextModel.Privacy!;
        cancellationToken.ThrowIfCancellationRequested();

        // 2. The step model: marginals and the latent correlation from what is left.
        var noise = budget.StepNoise(contextPlan.Rho!.Value, stepColumns.Count, contextColumns.Count, options.MaxSteps);
        var covariates = StepCovariates.For(index.Step);
        var rows = DpLaggedCopulaFitter.BoundedRows(set, options.MaxSteps, options.Seed);
        IReadOnlyList<float[]>? covariateValues = null;
        if (covariates is not null)
        {
            var values = ColumnValues.ToDoubles(table, table.IndexOf(sequence.IndexColumn!), set.Columns.Find(sequence.IndexColumn!)!);
            covariateValues = set.Entities.Select(e => covariates.Of(e.Rows.Select(row => values[row]).ToArray())).ToList();
        }
        progress?.Report(new TrainingUpdate(TrainingStage.Fitting, string.Create(CultureInfo.InvariantCulture,
            $"Fitting the step model privately (at most {options.MaxSteps} steps an entity; {string.Join(", ", stepColumns.Select(c => c.Name))})")));
        var lines = progress is null ? null : new Lines(progress);
        var fitted = DpLaggedCopulaFitter.Fit(set, rows, stepColumns, contextColumns, options.Lags, options.MaxSteps, options.Seed,
            new DpLaggedCopulaFitter.Noise(noise.StepSigma, noise.ContextSigma, noise.CorrelationMultiplier, Math.Max(budget.StepLabelDelta, 1e-300)),
            secret.Derive("step-model"), covariateValues, covariates?.Count ?? 0, lines, cancellationToken);
        if (fitted.CorrelationNoiseToSignal >= MaxCorrelationNoiseToSignal)
            throw new SettingException(PrivacySettingTable.Epsilon, _ => string.Create(CultureInfo.InvariantCulture,
                $"ε = {options.Epsilon:G4} is too small for about {Math.Max(0, fitted.CorrelationSigma / fitted.CorrelationNoiseToSignal):0} entities: the noise on the latent correlations (σ = {fitted.CorrelationSigma:G3}) would be {fitted.CorrelationNoiseToSignal:0.##} times the entities' whole signal, so every correlation the step model learns would be noise."),
                n => $"raise {n.Setting(PrivacySettingTable.Epsilon)}, or train on more entities; fewer lags or step columns also lower the noise");

        var plan = Plan(options, budget, contextPlan, noise, fitted, stepColumns.Count, contextColumns.Count,
            stepColumns.Concat(contextColumns).Count(c => !c.IsNumeric), entities);
        var typicalStart = layout.StartColumn is null ? 0 : TypicalStart(contextModel, layout.StartColumn, set.Columns.Find(sequence.IndexColumn!)!, options.Seed);
        var keys = sequence.EntityColumns.Select(name => new EntityKeyRecipe { Column = name, Shape = EntityKeyShape.Number, Start = 1 }).ToList();
        var outputColumns = metadata.Columns.Where(c => sequence.IsEntityLevel(c.Name) || stepColumns.Contains(c)).ToList();
        var provenance = ModelProvenance.Of(source, options.Seed) with
        {
            SourceDataSha256 = ModelProvenance.WithheldHash,
            SourceRows = 0,
        };
        var sourceEntities = options.Delta is null ? entities : contextModel.Provenance.SourceRows;
        return new SequenceModel(sequence, metadata with { Columns = outputColumns }, contextModel, layout, fitted.Model,
            index with { TypicalStart = typicalStart }, keys, provenance, sourceEntities, fitted.Model.CovariateCount == 0 ? null : covariates)
        {
            Privacy = plan,
        };
    }

    /// <summary>
    /// The rows with an entity and an index value (after unparsable cells became missing): the non-private path stops at
    /// the first row without them, naming it, which would depend on a single entity's rows; here such a row is dropped,
    /// a rule applied row by row, so no other entity's rows depend on it.
    /// </summary>
    private static Table WithPlacedRows(Table table, SequenceMetadata sequence)
    {
        var positions = sequence.EntityColumns.Append(sequence.IndexColumn).OfType<string>().Select(table.IndexOf).ToArray();
        var kept = Enumerable.Range(0, table.RowCount).Where(row => positions.All(p => table[row, p] is not null)).ToArray();
        if (kept.Length == table.RowCount) return table;
        return new Table(table.ColumnNames, Enumerable.Range(0, table.ColumnCount).Select(c => kept.Select(row => table[row, c]).ToArray()).ToArray(),
            table.MissingTokens, table.SourcePath);
    }

    /// <summary>One row per entity: its context cells (first step's), its length and its first index value, with public kinds.</summary>
    private static (Table Table, TableMetadata Metadata, SequenceContextLayout Layout) ContextTable(SequenceSet set, IReadOnlyList<string> taken)
    {
        var sequence = set.Sequence;
        var lengthName = SequenceContextLayout.FreeName("sequence_length", taken);
        var startName = sequence.IndexColumn is null ? null : SequenceContextLayout.FreeName("sequence_start", [.. taken, lengthName]);
        var names = new List<string>(sequence.ContextColumns) { lengthName };
        var columns = sequence.ContextColumns.Select(name => set.Entities.Select(e => set.Table[e.Rows[0], set.Table.IndexOf(name)]).ToArray()).ToList();
        var missing = sequence.ContextColumns.Select(name => set.Table.MissingTokens[set.Table.IndexOf(name)]).ToList();
        columns.Add(set.Entities.Select(e => (string?)e.Length.ToString(CultureInfo.InvariantCulture)).ToArray());
        missing.Add(null);
        var metadata = sequence.ContextColumns.Select(name => set.Columns.Find(name)!).ToList();
        // Lengths are integers on dp-marginals' public grid (a cell per value up to 128).
        metadata.Add(new ColumnMetadata { Name = lengthName, Kind = ColumnKind.Integer, Evidence = "steps per entity (differentially private: an integer, whatever the data)" });
        if (startName is not null)
        {
            var index = set.Table.IndexOf(sequence.IndexColumn!);
            names.Add(startName);
            columns.Add(set.Entities.Select(e => set.Table[e.Rows[0], index]).ToArray());
            missing.Add(set.Table.MissingTokens[index]);
            var indexColumn = set.Columns.Find(sequence.IndexColumn!)!;
            // An integer start (a year) would fall into a wide logarithmic cell of the public grid, so it is a label,
            // released only when enough entities share it; a date start keeps the grid's quarterly cells.
            metadata.Add(indexColumn.Kind == ColumnKind.DateTime
                ? indexColumn with { Name = startName, Evidence = "where each entity's index starts (differentially private: on the public date grid)" }
                : new ColumnMetadata { Name = startName, Kind = ColumnKind.Categorical, Evidence = "where each entity's index starts (differentially private: labels released by noisy counts)" });
        }
        return (new Table(names, columns.ToArray(), missing, set.Table.SourcePath), new TableMetadata { Columns = metadata },
            new SequenceContextLayout(lengthName, startName, 1, MaximumLength));
    }

    /// <summary>The median start of rows drawn from the fitted context model (post-processing): used when a sampled start is missing.</summary>
    private static double TypicalStart(SynthModel contextModel, string startColumn, ColumnMetadata indexColumn, long seed)
    {
        var column = contextModel.Sample(StartProbeRows, seed)[startColumn];
        double[] values;
        if (column.Numbers is { } numbers) values = numbers;
        else
        {
            var labels = column.Categories!.Select(label => label is not null && ColumnValues.TryParse(label, indexColumn, out var value) ? value : double.NaN).ToArray();
            values = column.Codes!.Select(code => labels[code]).ToArray();
        }
        var present = values.Where(double.IsFinite).Order().ToList();
        return present.Count == 0 ? 0 : present[(present.Count - 1) / 2];
    }

    private static PrivacyPlan Plan(DpSequenceOptions options, DpSequenceBudget budget, PrivacyPlan contextPlan,
        (double StepSigma, double ContextSigma, double CorrelationMultiplier, double StepRho, double ContextMarginalsRho, double CorrelationRho) noise,
        DpLaggedCopulaFitter.Result fitted, int stepColumns, int contextColumns, int labelColumns, int entities)
    {
        var steps = new List<PrivacyPlanStep>();
        foreach (var step in contextPlan.Steps)
            steps.Add(step with { Name = "context: " + step.Name, Share = step.Rho!.Value / budget.Rho, Detail = "context model (one row per entity: context columns, length, start): " + step.Detail });
        steps.Add(new()
        {
            Name = "step marginals", Share = noise.StepRho / budget.Rho, Rho = noise.StepRho, NoiseStandardDeviation = noise.StepSigma, Measurements = stepColumns,
            Delta = budget.StepLabelDelta * labelColumns,
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"each step column's counts (public grid or labels, and missing) over at most {options.MaxSteps} steps an entity (L2 sensitivity {options.MaxSteps}); a label is released above {options.MaxSteps} + σ·z(δ)"),
        });
        if (contextColumns > 0)
            steps.Add(new()
            {
                Name = "context marginals", Share = noise.ContextMarginalsRho / budget.Rho, Rho = noise.ContextMarginalsRho, NoiseStandardDeviation = noise.ContextSigma,
                Measurements = contextColumns,
                Detail = "each context column's counts over one row per entity, for the step model's latent scale (L2 sensitivity 1)",
            });
        steps.Add(new()
        {
            Name = "latent correlation", Share = noise.CorrelationRho / budget.Rho, Rho = noise.CorrelationRho, NoiseStandardDeviation = fitted.CorrelationSigma, Measurements = 1,
            Detail = string.Create(CultureInfo.InvariantCulture,
                $"the sum over entities of each entity's mean outer product of its windows' latent scores [context, {options.Lags} previous steps, step], each window's scores clipped to norm² {fitted.ClipSquared:0.#} (L2 sensitivity {fitted.ClipSquared:0.#}); noise on every entry of the upper triangle"),
        });
        var spent = ZcdpBudget.FromRho(steps.Sum(s => s.Rho!.Value));
        var publicFacts = new List<string>
        {
            "the column metadata as given (names, kinds, formats, which columns are keys or personal data): it must be written without looking at the data, or be accepted as public",
            "the entity, index and context columns as named (context columns are not found by reading which columns stay constant)",
            "the declared index step; no grid value skipped by every entity, no phase or day of the month is read from the rows",
            "the token the CSV writes for a missing value, and each numeric column's fine grid (fixed by its kind)",
            string.Create(CultureInfo.InvariantCulture, $"the bound of {options.MaxSteps} steps an entity contributes (a longer entity's window is placed by the training seed and its own key), and the longest sampled sequence ({MaximumLength:N0} steps)"),
            "entity keys generated as numbers from 1 (the source's key shapes are not read)",
            "the training file's name (the audit trail keeps no hash of its content, nor its row count)",
        };
        if (options.NoiseSeed is { } noiseSeed)
            publicFacts.Add($"the noise: drawn from the fixed noise seed {noiseSeed.ToString(CultureInfo.InvariantCulture)}, so the guarantee does not hold against anyone who knows it (a setting for reproducible tests only)");
        if (options.Delta is null) publicFacts.Add($"the entity count ({entities.ToString(CultureInfo.InvariantCulture)}), which sets the default δ = 1/(n·√n)");
        return new PrivacyPlan
        {
            Model = DpLaggedCopulaKind.Name,
            Accounting = "zCDP",
            Epsilon = spent.Spent(budget.ConversionDelta).Epsilon,
            Delta = budget.Delta,
            TargetEpsilon = options.Epsilon,
            Rho = spent.Rho,
            Neighbours = "sequence tables that differ by adding or removing one entity's whole sequence (all its steps and its context)",
            Public = publicFacts,
            Steps = steps,
        };
    }

    private sealed class Lines(IProgress<TrainingUpdate> progress) : IProgress<string>
    {
        public void Report(string value) => progress.Report(new TrainingUpdate(TrainingStage.Fitting, value));
    }
}
