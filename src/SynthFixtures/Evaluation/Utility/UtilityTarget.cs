using SynthFixtures.Metadata;

namespace SynthFixtures.Evaluation.Utility;

/// <summary>The utility target's one rule, checked from the metadata alone so a wrong target fails before a long run.</summary>
public static class UtilityTarget
{
    /// <summary>Checks that <paramref name="target"/> is a modelled column of <paramref name="metadata"/>.</summary>
    /// <param name="metadata">Column kinds.</param>
    /// <param name="target">The column to predict.</param>
    /// <param name="path">The file the columns come from, named in the error.</param>
    /// <exception cref="SynthDataException">It is not.</exception>
    public static void Check(TableMetadata metadata, string target, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.Find(target) is not { IsModelled: true })
            throw new SynthDataException($"The target '{target}' is not an evaluated column.", path,
                hint: $"Choose one of: {string.Join(", ", metadata.Columns.Where(c => c.IsModelled).Select(c => c.Name))}.", columnName: target)
            {
                Settings = [SettingNames.Target],
            };
    }
}
