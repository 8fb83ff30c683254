using SynthFixtures.Generators.Tests.Infrastructure;

namespace SynthFixtures.Generators.Tests;

/// <summary>
/// Entity types with a [Steps] list bound to a sequence model's schema (the weather.synthschema additional file a
/// &lt;SynthModel Entity="…"&gt; item writes): every sequence-binding diagnostic, and the generated code of bound entities.
/// </summary>
public sealed class SequenceBindingTests
{
    private const string Usings = "using System; using System.Collections.Generic; using SynthFixtures; using System.ComponentModel.DataAnnotations.Schema;\n";

    /// <summary>What SequenceSchema.Write produces for a small weather.csv: locations with a region, daily steps.</summary>
    public const string WeatherSchema = """
        synthfixtures-sequence-schema 1
        model	lagged-copula
        privacy	none
        column	location	identifier	missing=0	generator=pattern	role=entity
        column	date	datetime	missing=0	min=2020-01-01	max=2023-12-31	role=index
        column	region	categorical	missing=0	labels=North,South	role=context
        column	elevation	integer	missing=0	min=3	max=1650	role=context
        column	temp_max	decimal	missing=0	min=-5.2	max=38.1	role=step
        column	weather	categorical	missing=0	labels=sun,rain,fog	role=step
        column	precipitation	decimal	missing=0.1	min=0	max=55	role=step

        """;

    private static readonly (string, string)[] Files =
    [
        ("obj/Debug/net10.0/synthfixtures/weather.synthschema", WeatherSchema),
        ("obj/Debug/net10.0/synthfixtures/people.synthschema", BindingTests.PeopleSchema),
    ];

    private const string Entity = """[Synthesize(From = "data/weather.csv")] public partial class Location { [Column("location")] public string Name { get; set; } = ""; public string Region { get; set; } = ""; [Steps] public List<Reading> Readings { get; set; } = new(); }""";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "SF0045", Entity + " public sealed record Reading(DateTime Date, double TempMax, double Humidity);",
            "'Reading.Humidity' is a property of the steps of 'Location', but data/weather.csv has no per-step column named like it; bind one with [Column(\"name\")] (step columns: date, temp_max, weather, precipitation)" },
        { "SF0045", Entity + " public sealed record Reading(DateTime Date, int Elevation);", "'elevation' is constant within an entity: put the property on 'Location'" },
        { "SF0045", Entity + " public sealed class Reading { [Column(\"rain\")] public double? Wet { get; set; } }", "[Column(\"rain\")] names none of them (date, temp_max, weather, precipitation)" },
        { "SF0046", Entity + " public sealed record Reading(DateTime Date, int Weather);",
            "Step property 'Reading.Weather' has type 'int', but column 'weather' of data/weather.csv is a categorical column (labels sun, rain, fog)" },
        { "SF0046", Entity + " public sealed record Reading(int Date);", "column 'date' of data/weather.csv is a date/time column" },
        { "SF0019", Entity + " public sealed record Reading(double Precipitation);", "Column 'precipitation' of data/weather.csv has missing values (10.0 % of rows) but property 'Reading.Precipitation' cannot be null; make it 'double?'" },
        { "SF0021", "public enum Sky { Sun, Rain } " + Entity + " public sealed record Reading(Sky Weather);", "holds the label 'fog', which matches no member of 'Sky'" },
        { "SF0047", """[Synthesize(From = "data/weather.csv")] public partial class Location { public string Region { get; set; } = ""; public double TempMax { get; set; } [Steps] public List<Reading> Readings { get; set; } = new(); } public sealed record Reading(DateTime Date);""",
            "'Location.TempMax' matches column 'temp_max' of data/weather.csv, which changes from step to step; an entity holds only its entity and context columns (location, region, elevation); move 'Location.TempMax' to the step type 'Reading'" },
        { "SF0048", """[Synthesize(From = "data/weather.csv")] public partial class Location { public string Region { get; set; } = ""; }""",
            "'Location' is bound to the sequence model learned from data/weather.csv, but has no [Steps] property for its steps; add one" },
        { "SF0049", """[Synthesize(From = "data/people.csv")] public partial class P { public int Age { get; set; } [Steps] public List<Visit> Visits { get; set; } = new(); } public sealed record Visit(DateTime Joined);""",
            "[Steps] on 'P.Visits' needs a sequence model, but data/people.csv is learned as one table of independent rows" },
        { "SF0049", """[Synthesize] public partial class P { public int Age { get; set; } [Steps] public List<Visit> Visits { get; set; } = new(); } public sealed record Visit(DateTime Joined);""",
            "'P' is made from attributes alone" },
        { "SF0050", """[Synthesize(From = "data/weather.csv")] public partial class Location { public string Region { get; set; } = ""; [Steps] public List<double> Readings { get; set; } = new(); }""",
            "its steps are 'double', which is not a step type" },
        { "SF0050", """[Synthesize(From = "data/weather.csv")] public partial class Location { public string Region { get; set; } = ""; [Steps] public Dictionary<int, Reading> Readings { get; set; } = new(); } public sealed record Reading(DateTime Date);""",
            "make it List<T>, IReadOnlyList<T>" },
        { "SF0050", """[Synthesize(From = "data/weather.csv")] public partial class Location { public string Region { get; set; } = ""; [Steps] public List<Reading> Readings { get; } = new(); } public sealed record Reading(DateTime Date);""",
            "the property needs a setter" },
        { "SF0050", """[Synthesize(From = "data/weather.csv")] public partial class Location { [Steps] public List<Reading> A { get; set; } = new(); [Steps] public List<Reading> B { get; set; } = new(); } public sealed record Reading(DateTime Date);""",
            "'Location' already has [Steps] on 'A'" },
        { "SF0050", """[Synthesize(From = "data/weather.csv")] public partial class Location { [Steps] public List<Reading> Readings { get; set; } = new(); } public sealed class Reading { public Reading(int x) { } public DateTime Date { get; set; } }""",
            "its step type 'Reading' needs a parameterless constructor, or a constructor whose parameters are its properties" },
        { "SF0050", """[Synthesize(From = "data/weather.csv")] public partial class Location { [SynthRange(1, 2000), Unique] public int Elevation { get; set; } [Steps] public List<Reading> Readings { get; set; } = new(); } public sealed record Reading(DateTime Date);""",
            "'Location.Elevation' has [Unique], which an entity of a sequence model does not support" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_sequence_binding_problem_is_reported_and_says_what_to_do(string id, string source, string messagePart)
    {
        var outcome = GeneratorHarness.RunWithFiles([Usings + source], Files);

        outcome.SingleDiagnostic(id, messagePart);
        // The code still compiles: a type with binding errors gets its attribute-only synthesizer.
        Assert.DoesNotContain(outcome.CompileDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_problem_is_reported_at_the_step_property()
    {
        var outcome = GeneratorHarness.RunWithFiles([Usings + Entity + "\npublic sealed record Reading(DateTime Date,\n    int Weather);"], Files);

        var diagnostic = outcome.SingleDiagnostic("SF0046", "'Reading.Weather'");
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Entities_bound_to_a_sequence_model_read_their_context_and_steps_and_compile_warning_free()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations.Schema;
            using SynthFixtures;
            namespace Weather;
            public enum Region { North, South }
            public enum Sky { Sun, Rain, Fog }
            [Synthesize(From = "data/weather.csv")]
            public partial class Location
            {
                [Column("location")] public string Name { get; set; } = "";
                public Region Region { get; set; }
                public int Elevation { get; set; }
                [Fake("Address.City")] public string Nearest { get; set; } = "";
                [Steps] public List<Reading> Readings { get; set; } = new();
            }
            public sealed record Reading(DateOnly Date, decimal TempMax, Sky Weather, double? Precipitation);
            [Synthesize(From = "data/weather.csv")]
            public partial record Station
            {
                public string Location { get; init; } = "";
                [Steps] public Day[] Days { get; init; } = [];
            }
            public sealed class Day
            {
                public DateTime Date { get; init; }
                [Column("temp_max")] public double High { get; set; }
                public string Weather { get; set; } = "";
            }
            """;
        var outcome = GeneratorHarness.RunWithFiles([source], Files);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        ApprovedFiles.Verify("Location.Sequence", outcome.Source("Weather.Location.g.cs"));
        ApprovedFiles.Verify("Station.Sequence", outcome.Source("Weather.Station.g.cs"));
    }
}
