using System.Globalization;
using System.Text.Json;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Models.Sequences.LaggedCopula;
using SynthFixtures.Models.Sequences.Par;
using SynthFixtures.Privacy;

namespace SynthFixtures.Cli.Commands;

/// <summary>What <c>inspect --json</c> prints for a sequence model: the same as its text, field by field.</summary>
/// <param name="Model">Always <c>sequence</c>, so a reader can tell it from a table model's report.</param>
/// <param name="StepKind">The step model's kind (<c>par</c>, <c>lagged-copula</c>).</param>
/// <param name="ContextKind">The context model's kind.</param>
/// <param name="TrainedOn">The source's name, or <c>null</c> for an in-memory table.</param>
/// <param name="Entities">Entities trained on.</param>
/// <param name="Rows">Rows (steps) trained on.</param>
/// <param name="SourceDataSha256">SHA-256 of the source's content.</param>
/// <param name="Seed">The training seed.</param>
/// <param name="Entity">How each entity column's keys are generated.</param>
/// <param name="Index">The index and its recipe, or <c>null</c> without an index column (the file's order).</param>
/// <param name="Lengths">The lengths the context model learned.</param>
/// <param name="Context">The context columns.</param>
/// <param name="Steps">The step columns.</param>
/// <param name="ContextModel">The context model's columns as <c>inspect</c> describes a table model's.</param>
/// <param name="StepModel">The step model's settings and, for PAR, what early stopping did.</param>
/// <param name="Generated">The per-step columns no model learns, generated in samples; <c>null</c> when there are none.</param>
/// <param name="Privacy">The privacy plan of a differentially private model; <c>null</c> otherwise.</param>
internal sealed record InspectSequenceReport(string Model, string StepKind, string ContextKind, string? TrainedOn, int Entities, int Rows,
    string SourceDataSha256, long Seed, IReadOnlyList<InspectEntityKey> Entity, InspectSequenceIndex? Index, InspectLengths Lengths,
    IReadOnlyList<string> Context, IReadOnlyList<string> Steps, IReadOnlyList<InspectColumn> ContextModel, InspectStepModel StepModel,
    IReadOnlyList<InspectGeneratedColumn>? Generated, PrivacyPlan? Privacy);

/// <summary>A generated per-step column and how it is generated, in words.</summary>
internal sealed record InspectGeneratedColumn(string Column, string Description);

/// <summary>An entity column's keys: generated as <c>number</c> from <c>start</c>, <c>code</c> (a prefix and digits) or <c>template</c>, or <c>labels</c> learned by the context model; and the same in words.</summary>
internal sealed record InspectEntityKey(string Column, string Shape, string Description);

/// <summary>The index column, its step rule in words, the learned step-size column of an irregular index, the grid values every entity skips, and the calendar cycles and trends (<c>position</c>, <c>indexValue</c>) the step model reads.</summary>
internal sealed record InspectSequenceIndex(string Column, string Rule, string? StepColumn, IReadOnlyList<double>? SkippedValues, IReadOnlyList<string>? Cycles,
    IReadOnlyList<string>? Trends);

/// <summary>The shortest and longest sequence, and the context model's length and start columns.</summary>
internal sealed record InspectLengths(int Min, int Max, string LengthColumn, string? StartColumn);

/// <summary>The step model's kind, its settings as stored in the model (names as the settings table spells them), and PAR's early-stopping outcome.</summary>
internal sealed record InspectStepModel(string Kind, IReadOnlyDictionary<string, string> Settings, ParEarlyStopping? EarlyStopping);

/// <summary>Builds <see cref="InspectSequenceReport"/> and the step model's settings for the text.</summary>
internal static class InspectSequence
{
    public static InspectSequenceReport Report(SequenceModel model)
    {
        var p = model.Provenance;
        var s = model.Sequence;
        return new InspectSequenceReport("sequence", model.Kind, model.ContextModel.Kind, p.SourceName, model.SourceEntities, p.SourceRows,
            p.SourceDataSha256, p.Seed,
            model.EntityKeys.Select(k => new InspectEntityKey(k.Column, JsonNamingPolicy.CamelCase.ConvertName(k.Shape.ToString()), SequenceSample.Describe(k))).ToList(),
            s.IndexColumn is null ? null : new InspectSequenceIndex(s.IndexColumn, model.Index.Describe(), model.Index.StepColumn, model.Index.SkippedValues,
                model.Covariates is { Cycles.Count: > 0 } cycles ? cycles.Cycles.Select(c => JsonNamingPolicy.CamelCase.ConvertName(c.ToString())).ToList() : null,
                Trends(model)),
            new InspectLengths(model.Context.MinLength, model.Context.MaxLength, model.Context.LengthColumn, model.Context.StartColumn),
            s.ContextColumns, model.StepColumns.Select(c => c.Name).ToList(),
            model.ContextModel.DescribeColumns().Select(c => new InspectColumn(c.Column, JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString()), c.Summary)).ToList(),
            new InspectStepModel(model.Kind, Settings(model.StepModel), (model.StepModel as ParStepModel)?.Parameters.EarlyStopping),
            model.GeneratedColumns.Count == 0 ? null : model.GeneratedColumns.Select(g => new InspectGeneratedColumn(g.Name, g.Describe())).ToList(),
            model.Privacy);
    }

    private static List<string>? Trends(SequenceModel model)
    {
        if (model.Covariates is not { } covariates) return null;
        var trends = new List<string>();
        if (covariates.Position is not null) trends.Add("position");
        if (covariates.IndexValue is not null) trends.Add("indexValue");
        return trends.Count == 0 ? null : trends;
    }

    /// <summary>The settings a step model keeps (its training-only settings, such as epochs, are not stored in it).</summary>
    public static IReadOnlyDictionary<string, string> Settings(ISequenceStepModel step)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        switch (step)
        {
            case LaggedCopulaStepModel copula:
                settings["lags"] = copula.Lags.ToString(CultureInfo.InvariantCulture);
                break;
            case ParStepModel par:
                settings["hidden-width"] = par.Parameters.HiddenWidth.ToString(CultureInfo.InvariantCulture);
                settings["recurrent-layers"] = par.Parameters.Layers.ToString(CultureInfo.InvariantCulture);
                break;
        }
        if (step.CovariateCount > 0) settings["covariates"] = step.CovariateCount.ToString(CultureInfo.InvariantCulture);
        return settings;
    }
}
