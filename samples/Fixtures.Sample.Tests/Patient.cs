using SynthFixtures;

namespace Fixtures.Sample;

public enum Sex { Female, Male }

/// <summary>The patient record from the design: schema-based for now (From binds a learned model in a later release).</summary>
[Synthesize(From = "../patients/patients.csv")]
public partial record Patient
{
    [SynthKey] public int Id { get; init; }
    [SynthRange(0, 110)] public int Age { get; init; }
    public Sex Sex { get; init; }
    [OneOf("A+", "A-", "B+", "B-", "O+", "O-", "AB+", "AB-", Weights = new[] { 36.0, 6, 9, 2, 38, 7, 3, 1 })] public string BloodType { get; init; } = "";
    [Fake("Name.FullName")] public string Name { get; init; } = "";
    [SynthRange("2023-01-01", "2024-12-31")] public DateOnly Admitted { get; init; }
    [GreaterThan(nameof(Admitted)), NullRate(0.15)] public DateOnly? Discharged { get; init; }
    [Distribution(DistributionKind.Normal, 120, 15), SynthRange(70, 220)] public int SystolicBp { get; init; }
    public Address Home { get; init; } = new();
}

[Synthesize]
public partial record Address
{
    [Fake("Address.City")] public string City { get; init; } = "";
    [SynthRegex(@"[A-Z]{2}\d{1,2} \d[A-Z]{2}")] public string PostCode { get; init; } = "";
}
