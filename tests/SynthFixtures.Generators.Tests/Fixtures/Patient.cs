using SynthFixtures;

namespace SynthFixtures.Generators.Tests.Fixtures;

public enum Ward { Cardiology, Oncology, Paediatrics, Emergency }

/// <summary>Every kind of constraint on one type: what the property tests check object by object.</summary>
[Synthesize]
public partial record Patient
{
    [SynthKey] public int Id { get; init; }
    [SynthRange(0, 110)] public int Age { get; init; }
    [OneOf("A+", "A-", "B+", "B-", "O+", "O-", "AB+", "AB-")] public string BloodType { get; init; } = "";
    [Fake("Name.FullName")] public string Name { get; init; } = "";
    [SynthRange("2020-01-01", "2024-12-31")] public DateOnly Admitted { get; init; }
    [GreaterThan(nameof(Admitted)), NullRate(0.2)] public DateOnly? Discharged { get; init; }
    [SynthRegex(@"MRN-\d{6}"), Unique] public string RecordNumber { get; init; } = "";
    [SynthStringLength(3, 8)] public string Nickname { get; init; } = "";
    [Distribution(DistributionKind.Normal, 70, 15), SynthRange(30.0, 200.0)] public double WeightKg { get; init; }
    [OneOf(1, 2, 3, Weights = new[] { 0.7, 0.2, 0.1 })] public byte Priority { get; init; }
    public Ward Ward { get; init; }
    public bool Insured { get; init; }
    [SynthRange("0.50", "99.99")] public decimal CoPay { get; init; }
    public Guid ExternalId { get; init; }
    [SynthRange("08:00", "17:59")] public TimeOnly Appointment { get; init; }
    [SynthRange("2020-01-01T00:00:00", "2020-12-31T23:59:59")] public DateTime Created { get; init; }
    [GreaterThan(nameof(Created))] public DateTime Updated { get; init; }
    public DateTimeOffset Seen { get; init; }
    [SynthRange("00:05:00", "02:00:00")] public TimeSpan Duration { get; init; }
    [SynthRange(-5L, 5L), NullRate(0.5)] public long? Delta { get; init; }
    [SynthRange(0.0, 1.0)] public float Score { get; init; }
    [LessThan(nameof(Score))] public float LowerScore { get; init; }
    public short Floor { get; init; }
    [Fake("Company.CompanyName"), NullRate(0.3)] public string? Employer { get; init; }
    [SynthIgnore] public string Untouched { get; init; } = "kept";
    public Address Home { get; init; } = new();
}

[Synthesize]
public partial record Address
{
    [Fake("Address.City")] public string City { get; init; } = "";
    [SynthRegex("[A-Z]{2}[0-9]{3}")] public string PostCode { get; init; } = "";
}
