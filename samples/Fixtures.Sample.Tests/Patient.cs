using SynthFixtures;

namespace Fixtures.Sample;

public enum Sex { Female, Male }

public enum Department { Cardiology, Orthopedics, Oncology, Pediatrics, Neurology, GeneralSurgery }

/// <summary>
/// The patient record from the design, bound to the model learned at build time from samples/patients/patients.csv
/// (the SynthModel item in the project file). Columns bind by name ignoring case and separators (systolic_bp →
/// SystolicBp; the label "F" → Sex.Female); properties with no column, or whose attributes say how to make them
/// ([SynthKey], [Fake], nested types), are generated from their attributes.
/// </summary>
[Synthesize(From = "../patients/patients.csv")]
public partial record Patient
{
    [SynthKey] public int Id { get; init; }
    [SynthRange(0, 110)] public int Age { get; init; }
    public Sex Sex { get; init; }
    [OneOf("A+", "A-", "B+", "B-", "O+", "O-", "AB+", "AB-")] public string BloodType { get; init; } = "";
    public Department Department { get; init; }
    [Fake("Name.FullName")] public string Name { get; init; } = "";
    [SynthRange("2024-01-01", "2025-12-31")] public DateOnly Admitted { get; init; }
    [GreaterThan(nameof(Admitted)), NullRate(0.15)] public DateOnly? Discharged { get; init; }
    public int LengthOfStay { get; init; }
    public double? WeightKg { get; init; }
    [SynthRange(60, 220)] public int SystolicBp { get; init; }
    public bool Smoker { get; init; }
    public Address Home { get; init; } = new();
}

[Synthesize]
public partial record Address
{
    [Fake("Address.City")] public string City { get; init; } = "";
    [SynthRegex(@"[A-Z]{2}\d{1,2} \d[A-Z]{2}")] public string PostCode { get; init; } = "";
}
