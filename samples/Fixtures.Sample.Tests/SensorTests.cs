namespace Fixtures.Sample;

/// <summary>Sensor is bound to the sequence model learned at build time from samples/sensors/sensors.csv.</summary>
public sealed class SensorTests
{
    [Fact]
    public void Each_sensor_has_the_learned_number_of_readings_one_day_apart()
    {
        var sensors = Sensor.Synth.WithSeed(7).Take(25).ToList();

        Assert.Equal(25, sensors.Count);
        // Every source sensor has 30 consecutive daily readings: so does every generated one.
        Assert.All(sensors, s =>
        {
            Assert.Equal(30, s.Readings.Count);
            Assert.All(s.Readings.Zip(s.Readings.Skip(1)), pair => Assert.Equal(pair.First.Day.AddDays(1), pair.Second.Day));
            Assert.InRange(s.Readings[0].Day, new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 31));
        });
        // Entity keys are generated, unique, and shaped like the source's (S-001).
        Assert.Equal(25, sensors.Select(s => s.Name).Distinct().Count());
        Assert.All(sensors, s => Assert.Matches("^[A-Z]-[0-9]{3}$", s.Name));
    }

    [Fact]
    public void Readings_follow_their_sensors_site()
    {
        var sensors = Sensor.Synth.WithSeed(3).Take(60).ToList();
        var indoor = sensors.Where(s => s.Site == Site.Indoor).SelectMany(s => s.Readings).Average(r => r.Temperature);
        var outdoor = sensors.Where(s => s.Site == Site.Outdoor).SelectMany(s => s.Readings).Average(r => r.Temperature);

        // The source's indoor sensors read about 21 °C, its outdoor ones about 12 °C.
        Assert.True(indoor > outdoor + 5, $"indoor mean {indoor:F1} °C, outdoor {outdoor:F1} °C");
        Assert.Equal(2, sensors.Select(s => s.Site).Distinct().Count());
    }

    [Fact]
    public void A_where_on_the_site_is_met_by_the_context_model()
    {
        var indoor = Sensor.Synth.WithSeed(5).Where(s => s.Site == Site.Indoor).Take(10).ToList();

        Assert.Equal(10, indoor.Count);
        Assert.All(indoor, s => Assert.Equal(Site.Indoor, s.Site));
        Assert.InRange(indoor.SelectMany(s => s.Readings).Average(r => r.Temperature), 18, 24);
    }

    [Fact]
    public void The_same_seed_gives_the_same_sensors_and_a_shorter_run_is_a_prefix()
    {
        static string Show(Sensor s) => s.Name + "|" + s.Site + "|" + string.Join(";", s.Readings);
        var first = Sensor.Synth.WithSeed(11).Take(12).Select(Show).ToList();
        var again = Sensor.Synth.WithSeed(11).Take(12).Select(Show).ToList();
        var longer = Sensor.Synth.WithSeed(11).Take(20).Select(Show).ToList();
        var other = Sensor.Synth.WithSeed(12).Take(12).Select(Show).ToList();

        Assert.Equal(first, again);
        Assert.Equal(first, longer.Take(12));
        Assert.NotEqual(first, other);
    }
}
