using SynthFixtures.Metadata;
using SynthFixtures.Sampling.Generated;

namespace SynthFixtures.Models;

/// <summary>
/// The <see cref="ModelSchemaColumn"/> of a generated column. It lives with the models, not with
/// <see cref="GeneratedColumnSpec"/>, because the sampling vocabulary sits below the models and must not name their types.
/// </summary>
internal static class GeneratedColumnSchema
{
    /// <summary>The column of <see cref="SynthModel.DescribeSchema"/> for a generated column.</summary>
    public static ModelSchemaColumn Schema(this GeneratedColumnSpec spec, ColumnMetadata column) =>
        new(column.Name, column.Kind, spec.MissingProbability, Generator: spec.Generator.ToString().ToLowerInvariant());
}
