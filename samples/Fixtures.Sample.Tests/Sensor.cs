using System.ComponentModel.DataAnnotations.Schema;
using SynthFixtures;

namespace Fixtures.Sample;

public enum Site { Indoor, Outdoor }

public enum Status { Ok, Alert }

/// <summary>
/// A sensor with its daily readings, bound to the sequence model learned at build time from samples/sensors/sensors.csv
/// (the SynthModel item with Entity="sensor" in the project file). The entity's own properties bind to the entity key
/// and the context columns (site, constant per sensor); the [Steps] list's record binds to the per-step columns and the
/// sequence index, so each sensor comes with its learned number of readings, in day order.
/// </summary>
[Synthesize(From = "../sensors/sensors.csv")]
public partial class Sensor
{
    [Column("sensor")] public string Name { get; set; } = "";
    public Site Site { get; set; }
    [Steps] public List<Reading> Readings { get; set; } = new();
}

/// <summary>One daily reading of a <see cref="Sensor"/>.</summary>
public sealed record Reading(DateOnly Day, double Temperature, Status Status);
