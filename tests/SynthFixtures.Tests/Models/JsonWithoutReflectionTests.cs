using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SynthFixtures.Evaluation;
using SynthFixtures.Evaluation.Diagnostics;
using SynthFixtures.Evaluation.Report;
using SynthFixtures.Evaluation.Utility;
using SynthFixtures.Metadata;
using SynthFixtures.Models.Artifacts;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Models.GaussianCopula.Marginals;
using SynthFixtures.Models.Neural;
using SynthFixtures.Sampling.Generated;
using SynthFixtures.Transforms.Modes;

namespace SynthFixtures.Tests.Models;

/// <summary>
/// Artifacts, metadata and reports go through source-generated JSON contexts only. This test run has the reflection
/// resolver switched off (build/SynthFixtures.Common.props), so every test here that saves or loads a model, metadata or a
/// report also proves it needs no reflection.
/// </summary>
public sealed class JsonWithoutReflectionTests
{
    private sealed record NotInAnyContext(int Value);

    [Fact]
    public void Reflection_based_serialization_is_off_in_this_run()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(new NotInAnyContext(1)));
    }

    [Fact]
    public void A_model_its_metadata_and_its_quality_report_round_trip()
    {
        var table = MixedTestTable.Create(400);
        var model = GaussianCopulaFitter.Fit(table, MixedTestTable.Metadata(), new GaussianCopulaOptions { MarginalFamilies = [MarginalFamily.Beta, MarginalFamily.Normal] });
        var bytes = ModelArtifact.ToBytes(model);
        var loaded = (GaussianCopulaModel)ModelArtifact.FromBytes(bytes);
        Assert.Equal(bytes, ModelArtifact.ToBytes(loaded));
        Assert.Equal(model.Options, loaded.Options);

        var metadataJson = MetadataJson.Serialize(model.Metadata);
        Assert.Equal(model.Metadata, MetadataJson.Parse(metadataJson, "metadata.json"));

        var report = QualityEvaluator.Evaluate(table, loaded.Sample(300, seed: 2).ToTable(), model.Metadata);
        using var document = JsonDocument.Parse(QualityReportJson.Serialize(report));
        Assert.Equal(report.Overall, document.RootElement.GetProperty("overall").GetDouble());
    }

    [Fact]
    public void Every_enum_in_an_artifact_header_and_in_metadata_is_written_as_its_camelCase_name()
    {
        var artifactEnums = EnumsReachable(ArtifactJson.Default, typeof(ArtifactHeader), typeof(GaussianCopulaOptions),
            typeof(GaussianCopulaCodec.Parameters), typeof(NeuralModelCodec.Parameters));
        // The walk reaches the header's whole graph (else it would prove nothing about the enums left out).
        Assert.Superset(new HashSet<Type>
        {
            typeof(ColumnKind), typeof(PiiKind), typeof(MarginalFamily), typeof(GeneratorKind), typeof(LayerKind),
            typeof(Activation), typeof(SpanActivation), typeof(SpanRole),
        }, artifactEnums.ToHashSet());
        AssertNamesWritten(ArtifactJson.Default, artifactEnums, JsonNamingPolicy.CamelCase.ConvertName);

        var metadataEnums = EnumsReachable(MetadataWriteJson.Default, typeof(TableMetadata));
        Assert.Equal([typeof(ColumnKind), typeof(PiiKind)], metadataEnums.OrderBy(t => t.Name));
        AssertNamesWritten(MetadataWriteJson.Default, metadataEnums, JsonNamingPolicy.CamelCase.ConvertName);
    }

    [Fact]
    public void Every_enum_in_a_report_is_written_as_its_CSharp_name()
    {
        var quality = EnumsReachable(QualityReportJsonContext.Default, typeof(QualityReportDocument));
        Assert.Equal([typeof(QualityMetric), typeof(UnscoredReason)], quality.OrderBy(t => t.Name));
        AssertNamesWritten(QualityReportJsonContext.Default, quality, name => name);

        var evaluation = EnumsReachable(EvaluationReportJsonContext.Default, typeof(EvaluationReportDocument));
        Assert.Equal([typeof(DiagnosticCheck), typeof(QualityMetric), typeof(UnscoredReason), typeof(UtilityTask)], evaluation.OrderBy(t => t.Name));
        AssertNamesWritten(EvaluationReportJsonContext.Default, evaluation, name => name);
    }

    private static void AssertNamesWritten(JsonSerializerContext context, IEnumerable<Type> enums, Func<string, string> naming)
    {
        foreach (var type in enums)
        {
            var info = context.GetTypeInfo(type)!;
            foreach (var value in Enum.GetValues(type))
                Assert.Equal($"\"{naming(value.ToString()!)}\"", JsonSerializer.Serialize(value, info));
        }
    }

    /// <summary>The enum types a context's contract for <paramref name="roots"/> reaches: properties, elements, keys, derived types.</summary>
    private static List<Type> EnumsReachable(JsonSerializerContext context, params Type[] roots)
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type.IsEnum) continue;
            var info = context.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type.Name} is not in {context.GetType().Name}.");
            foreach (var property in info.Properties) pending.Enqueue(property.PropertyType);
            if (info.ElementType is { } element) pending.Enqueue(element);
            if (info.KeyType is { } key) pending.Enqueue(key);
            foreach (var derived in info.PolymorphismOptions?.DerivedTypes ?? []) pending.Enqueue(derived.DerivedType);
        }
        return seen.Where(t => t.IsEnum).ToList();
    }
}
