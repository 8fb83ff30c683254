using SynthFixtures.Generators.Model;
using SynthFixtures.Generators.Parsing;
using SynthFixtures.Metadata.Sequences;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models.Sequences;

namespace SynthFixtures.Generators.Tests;

/// <summary>
/// A sequence model's schema as the runtime writes it (<see cref="SequenceSchema.Write"/>, through the training
/// service) and as the generator reads it (<see cref="SchemaParser"/>): each column's role, kind, missing share, range
/// and labels come through, so the bindings the generator checks are the ones the model samples.
/// </summary>
public sealed class SequenceSchemaRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("synthfixtures-seqschema-").FullName;

    [Fact]
    public void Roles_kinds_ranges_and_labels_survive_training_writer_then_parser()
    {
        var csv = Path.Combine(_folder, "meters.csv");
        var lines = new List<string> { "meter,region,month,kwh,tariff" };
        for (var m = 0; m < 12; m++)
            for (var step = 0; step < 6; step++)
                lines.Add($"M{m:00},{(m % 3 == 0 ? "north" : "south")},2025-{step + 1:00}-01,{(step == 2 && m % 4 == 0 ? "" : (100 + m * 3 + step * 7).ToString(System.Globalization.CultureInfo.InvariantCulture))},{(step % 2 == 0 ? "day" : "night")}");
        File.WriteAllLines(csv, lines);
        var schemaPath = Path.Combine(_folder, "meters.synthschema");

        new SequenceTrainingService(ModelTrainers.Core, SequenceStepTrainers.Core).Train(new SequenceTrainingRequest
        {
            DataPath = csv,
            Sequence = new SequenceMetadata { EntityColumns = ["meter"], IndexColumn = "month", ContextColumns = ["region"] },
            ContextGiven = true,
            StepModelKind = SequenceModelKinds.LaggedCopula,
            ModelPath = Path.Combine(_folder, "meters.synth"),
            SchemaOutputPath = schemaPath,
        });
        var parsed = SchemaParser.Parse(schemaPath, File.ReadAllText(schemaPath))!;

        Assert.True(parsed.IsSequence);
        Assert.Equal("meters", parsed.ModelName);
        Assert.Equal(SequenceModelKinds.LaggedCopula, parsed.ModelKind);
        Assert.Equal(SchemaPrivacy.None, parsed.Privacy);
        Assert.Equal(["meter", "region", "month", "kwh", "tariff"], parsed.Columns.Select(c => c.Name));
        Assert.Equal([SequenceRoles.Entity, SequenceRoles.Context, SequenceRoles.Index, SequenceRoles.Step, SequenceRoles.Step], parsed.Columns.Select(c => c.Role));
        var key = parsed.Columns[0];
        Assert.Equal(("identifier", "pattern", 0.0), (key.Kind, key.Generator, key.MissingRate));
        Assert.Equal(["north", "south"], parsed.Columns[1].Labels.Order());
        Assert.Equal(("datetime", "2025-01-01", "2025-06-01"), (parsed.Columns[2].Kind, parsed.Columns[2].Minimum, parsed.Columns[2].Maximum));
        var kwh = parsed.Columns[3];
        Assert.Equal(("integer", "100", "168"), (kwh.Kind, kwh.Minimum, kwh.Maximum));
        Assert.Equal(3.0 / 72, kwh.MissingRate, 12); // meters 0, 4 and 8 miss their third reading
        Assert.Equal(["day", "night"], parsed.Columns[4].Labels);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
