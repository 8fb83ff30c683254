using SynthFixtures.Metadata;
using SynthFixtures.Metadata.Rules;

namespace SynthFixtures.Modeling;

/// <summary>
/// Rules a training run keeps besides the metadata's own, declared elsewhere (the build reads them from the attributes
/// of the types bound to the model). They are resolved against the metadata the run trains with, since they name its columns.
/// </summary>
public interface IDeclaredRules
{
    /// <summary>The rules over <paramref name="metadata"/>'s columns, each with the place that declared it.</summary>
    /// <exception cref="SynthDataException">A declaration cannot be a rule over these columns (at its file, line and character).</exception>
    IReadOnlyList<DeclaredRule> Resolve(TableMetadata metadata);
}
