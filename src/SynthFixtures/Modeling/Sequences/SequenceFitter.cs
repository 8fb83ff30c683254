using System.Globalization;
using SynthFixtures.Data;
using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Models;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Transforms.Sequences;

namespace SynthFixtures.Modeling.Sequences;

/// <summary>
/// Fits a <see cref="SequenceModel"/>: groups the rows into entities, learns the index recipe (an irregular index adds
/// its step sizes as a step column), trains the context model on one row per entity (context columns, length, start)
/// through a tabular trainer and the step model through a step trainer, and fits the entity keys' recipes.
/// </summary>
internal static class SequenceFitter
{
    /// <summary>What a fit needs besides the rows.</summary>
    public sealed record Plan(IModelTrainer ContextTrainer, SettingValues ContextSettings, ISequenceStepTrainer StepTrainer,
        IReadOnlyDictionary<string, string> StepSettings, long Seed);

    public static SequenceModel Fit(Table table, TableMetadata metadata, SequenceMetadata sequence, Plan plan, IProgress<TrainingUpdate>? progress,
        CancellationToken cancellationToken)
    {
        var source = table;
        var set = SequenceSet.From(table, metadata, sequence);
        CheckContextColumns(set);
        var taken = metadata.Columns.Select(c => c.Name).ToList();
        var (index, values) = SequenceIndexFit.Fit(set, SequenceContextLayout.FreeName((sequence.IndexColumn ?? "index") + "_step", taken));
        var stepColumns = set.StepColumns.Where(c => c.IsModelled).ToList();
        // Identifier, free-text and personal-data step columns are generated as in tabular samples, from aggregate facts only.
        var generated = set.StepColumns.Where(c => !c.IsModelled).Select(c => Sampling.Generated.GeneratedColumnFitter.Fit(table, table.IndexOf(c.Name), c)).ToList();
        var outputColumns = metadata.Columns.Where(c => sequence.IsEntityLevel(c.Name) || stepColumns.Contains(c) || generated.Any(g => g.Name == c.Name)).ToList();
        if (stepColumns.Count == 0)
            throw new SynthDataException("The sequence table has no per-step column to learn: every column is an entity, index or context column, or generated.",
                table.SourcePath, hint: "A sequence model learns the values that change from step to step; leave such a column out of the context columns.");

        if (index.StepColumn is { } stepName)
        {
            // The step sizes become a learned step column; each entity's first row repeats its second step (it has none of its own).
            var sizes = new string?[table.RowCount];
            foreach (var entity in set.Entities)
                for (var i = 0; i < entity.Rows.Count; i++)
                {
                    var (a, b) = i == 0 ? (entity.Rows[0], entity.Rows.Count > 1 ? entity.Rows[1] : entity.Rows[0]) : (entity.Rows[i - 1], entity.Rows[i]);
                    sizes[entity.Rows[i]] = Math.Round((values![b] - values[a]) / index.Unit).ToString(CultureInfo.InvariantCulture);
                }
            var stepColumn = new ColumnMetadata { Name = stepName, Kind = ColumnKind.Integer, Evidence = "step sizes of the sequence index, in " + index.Describe() };
            table = new Table([.. table.ColumnNames, stepName], [.. Enumerable.Range(0, table.ColumnCount).Select(table.ColumnArray), sizes],
                [.. table.MissingTokens, null], table.SourcePath, table.SourceLines);
            metadata = metadata with { Columns = [.. metadata.Columns, stepColumn] };
            set = SequenceSet.From(table, metadata, sequence);
            stepColumns.Add(stepColumn);
        }

        var keys = EntityKeyFit.Fit(set);
        // Learned key members (a low-cardinality part of a composite key) are drawn by the context model and read by the step model like context columns.
        var learnedKeys = keys.Where(k => k.IsLearned).Select(k => LearnedKeyColumn(set, k.Column)).ToList();
        // Gaps only some entities have: their count per entity joins the context model, their sizes and places the index recipe.
        var gaps = EntityGapFit.Fit(set, index, values, SequenceContextLayout.FreeName("sequence_gaps", taken));
        if (gaps is { } found) index = index with { EntityGaps = found.Recipe };
        var (contextTable, contextMetadata, layout) = ContextTable(set, taken, learnedKeys, gaps);
        progress?.Report(new TrainingUpdate(TrainingStage.Fitting, string.Create(CultureInfo.InvariantCulture,
            $"Fitting the context model on {set.Entities.Count:N0} entities ({string.Join(", ", contextMetadata.Columns.Select(c => c.Name))})")));
        var contextModel = plan.ContextTrainer.Train(new TrainingInput(contextTable, contextMetadata, plan.Seed, plan.ContextSettings), progress, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingUpdate(TrainingStage.Fitting, string.Create(CultureInfo.InvariantCulture,
            $"Fitting the step model on {table.RowCount:N0} steps ({string.Join(", ", stepColumns.Select(c => c.Name))})")));
        var contextColumns = sequence.ContextColumns.Select(name => metadata.Find(name)!).Concat(learnedKeys).ToList();
        var indexes = values is null ? null : set.Entities.Select(e => e.Rows.Select(row => values[row]).ToArray()).ToList();
        var covariates = StepTrendCovariates.Fit(index.Step, set.Entities.Select(e => e.Length).ToList(), indexes);
        var covariateValues = covariates is null ? null : set.Entities.Select((e, i) => covariates.Of(indexes is null ? [] : indexes[i], e.Length)).ToList();
        var stepModel = plan.StepTrainer.Train(new SequenceStepTrainingInput(set, stepColumns, contextColumns, plan.Seed, plan.StepSettings,
            covariateValues, covariates?.Count ?? 0), progress, cancellationToken);
        return new SequenceModel(sequence, metadata with { Columns = outputColumns }, contextModel, layout, stepModel, index with { }, keys,
            ModelProvenance.Of(source, plan.Seed), set.Entities.Count,
            // A step kind that does not read covariates leaves them out of the model.
            stepModel.CovariateCount == 0 ? null : covariates, generated);
    }

    /// <summary>One row per entity: its context cells, its length and (with an index) its first index cell.</summary>
    private static (Table Table, TableMetadata Metadata, SequenceContextLayout Layout) ContextTable(SequenceSet set, IReadOnlyList<string> taken,
        IReadOnlyList<ColumnMetadata> learnedKeys, (EntityGapRecipe Recipe, int[] Counts)? gaps)
    {
        var sequence = set.Sequence;
        var lengthName = SequenceContextLayout.FreeName("sequence_length", taken);
        var startName = sequence.IndexColumn is null ? null : SequenceContextLayout.FreeName("sequence_start", [.. taken, lengthName]);
        var contextNames = sequence.ContextColumns.Concat(learnedKeys.Select(c => c.Name)).ToList();
        var names = new List<string>(contextNames) { lengthName };
        var columns = contextNames.Select(name => set.Entities.Select(e => set.Table[e.Rows[0], set.Table.IndexOf(name)]).ToArray()).ToList();
        var missing = contextNames.Select(name => set.Table.MissingTokens[set.Table.IndexOf(name)]).ToList();
        columns.Add(set.Entities.Select(e => (string?)e.Length.ToString(CultureInfo.InvariantCulture)).ToArray());
        missing.Add(null);
        var metadata = sequence.ContextColumns.Select(name => set.Columns.Find(name)!).Concat(learnedKeys).ToList();
        metadata.Add(FewValues(new ColumnMetadata { Name = lengthName, Kind = ColumnKind.Integer, Evidence = "steps per entity" }, columns[^1]));
        if (startName is not null)
        {
            var index = set.Table.IndexOf(sequence.IndexColumn!);
            names.Add(startName);
            columns.Add(set.Entities.Select(e => set.Table[e.Rows[0], index]).ToArray());
            missing.Add(null);
            metadata.Add(FewValues(set.Columns.Find(sequence.IndexColumn!)! with { Name = startName, Evidence = "where each entity's index starts" }, columns[^1]));
        }
        if (gaps is { } entityGaps)
        {
            names.Add(entityGaps.Recipe.CountColumn);
            columns.Add(entityGaps.Counts.Select(c => (string?)c.ToString(CultureInfo.InvariantCulture)).ToArray());
            missing.Add(null);
            metadata.Add(FewValues(new ColumnMetadata { Name = entityGaps.Recipe.CountColumn, Kind = ColumnKind.Integer, Evidence = "gaps in each entity's index" }, columns[^1]));
        }
        var lengths = set.Entities.Select(e => e.Length).ToList();
        return (new Table(names, columns.ToArray(), missing, set.Table.SourcePath), new TableMetadata { Columns = metadata },
            new SequenceContextLayout(lengthName, startName, lengths.Min(), lengths.Max()));
    }

    /// <summary>A learned key member as the context and step models see it: its labels, whatever kind the profiler gave the column.</summary>
    private static ColumnMetadata LearnedKeyColumn(SequenceSet set, string name) =>
        set.Columns.Find(name)! with { Kind = ColumnKind.Categorical, Pii = PiiKind.None, DateTimeFormat = null, DecimalPlaces = null, TextModel = null };

    /// <summary>At most this many distinct lengths (or starts) are learned as labels rather than as numbers.</summary>
    internal const int MaxLabelledValues = 20;

    /// <summary>
    /// The length or start column as labels when the entities hold few distinct values: a numeric marginal fitted to a
    /// handful of lengths (four series of 123 months and one of 68) draws lengths no entity had, while labels keep each
    /// value's share and, through the copula, how it goes with the context and the start.
    /// </summary>
    private static ColumnMetadata FewValues(ColumnMetadata column, string?[] cells) =>
        cells.Distinct(StringComparer.Ordinal).Count() <= MaxLabelledValues
            ? column with { Kind = ColumnKind.Categorical, Evidence = column.Evidence + $"; {cells.Distinct(StringComparer.Ordinal).Count()} distinct values, learned as labels" }
            : column;

    /// <summary>Refuses a context column whose cells change within an entity: a context holds one value per entity.</summary>
    private static void CheckContextColumns(SequenceSet set)
    {
        foreach (var name in set.Sequence.ContextColumns)
        {
            var position = set.Table.IndexOf(name);
            foreach (var entity in set.Entities)
            {
                var first = set.Table[entity.Rows[0], position];
                foreach (var row in entity.Rows)
                    if (!string.Equals(set.Table[row, position], first, StringComparison.Ordinal))
                        throw new SynthDataException(
                            $"The context column '{name}' changes within the entity {string.Join(", ", entity.Key)}: '{first}' on its first step, '{set.Table[row, position]}' here. A context column holds one value per entity.",
                            set.Table.SourcePath, set.Table.SourceLine(row), position + 1,
                            "Leave the column out of the context columns (it is then learned per step), or fix the cell.", name);
            }
        }
    }
}
