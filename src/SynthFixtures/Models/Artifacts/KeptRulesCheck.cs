using SynthFixtures.Metadata;
using SynthFixtures.Models.Rules;

namespace SynthFixtures.Models.Artifacts;

/// <summary>
/// Checks a model file's rules against its inner model before wrapping it (the checksum proves the file is as written,
/// not that its rules name columns that exist), so sampling never meets a missing column.
/// </summary>
internal static class KeptRulesCheck
{
    private const string Retrain = "The file was edited or not written by SynthFixtures: retrain the model.";

    public static SynthModel Attach(SynthModel inner, KeptRules kept, ArtifactHeader header, uint version, string sourceName)
    {
        if (version < 3)
            throw new SynthDataException($"The model file has format version {version}, which cannot hold rules, but its header lists some.", sourceName, hint: Retrain);
        TableMetadata metadata;
        try
        {
            metadata = MetadataJson.Parse(MetadataJson.Serialize(kept.Metadata), sourceName);
        }
        catch (SynthDataException e)
        {
            throw new SynthDataException($"The model's rules are not valid: {e.Reason}", sourceName, hint: Retrain, columnName: e.ColumnName, inner: e);
        }
        var rules = metadata.Rules ?? [];
        var innerColumns = inner.Metadata.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var written = rules.SelectMany(r => r.WrittenColumns).ToHashSet(StringComparer.Ordinal);
        var problem =
            rules.Count == 0 ? "the rules section lists no rules"
            : kept.Combinations.Any(c => c.Rule < 0 || c.Rule >= rules.Count || !innerColumns.Contains(c.JointColumn)) ? "a combination's column is missing"
            : kept.Inequalities.Any(c => c.Rule < 0 || c.Rule >= rules.Count || !innerColumns.Contains(c.DifferenceColumn)
                || c.FallbackColumn is { } f && !innerColumns.Contains(f) || !double.IsFinite(c.Offset) || c.Offset < 0) ? "an inequality's column is missing"
            : kept.Combinations.Count != rules.Count(r => r is Metadata.Rules.FixedCombinationRule)
                || kept.Inequalities.Count != rules.Count(r => r is Metadata.Rules.InequalityRule)
                || kept.Identifiers.Count != rules.Count(r => r is Metadata.Rules.IdentifierFormatRule) ? "the rules and their stored parts disagree"
            : metadata.Columns.Any(c => !written.Contains(c.Name) && !innerColumns.Contains(c.Name)) ? "a column is neither drawn by the model nor set by a rule"
            : null;
        if (problem is not null) throw new SynthDataException($"The model's rules are not valid: {problem}.", sourceName, hint: Retrain);
        return new RulesModel(inner, kept with { Metadata = metadata }, header.Provenance);
    }
}
