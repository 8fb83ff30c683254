namespace Fixtures.Sample;

/// <summary>Patient is bound to the model learned at build time from samples/patients/patients.csv.</summary>
public sealed class LearnedPatientTests
{
    private static readonly List<Patient> Patients = Patient.Synth.WithSeed(11).Generate(3000);

    [Fact]
    public void Patients_follow_what_the_model_learned_from_the_csv()
    {
        // The bundled data admits children only to Pediatrics (mean age 8 against 58). A Gaussian copula keeps the
        // direction and much of the size of that dependency, not its sharpness; neural models (CTGAN/TVAE) do better.
        var children = Patients.Where(p => p.Department == Department.Pediatrics).Average(p => p.Age);
        var adults = Patients.Where(p => p.Department != Department.Pediatrics).Average(p => p.Age);
        Assert.True(children < adults - 15, $"Pediatrics mean age {children:F1}, others {adults:F1}");
        Assert.InRange(adults, 45, 70);
        // Missing weights come back as null at about the source's 4 % rate; every admission is within the data's range.
        Assert.InRange(Patients.Count(p => p.WeightKg is null) / (double)Patients.Count, 0.01, 0.08);
        Assert.All(Patients, p => Assert.InRange(p.Admitted, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.InRange(Patients.Count(p => p.Smoker) / (double)Patients.Count, 0.1, 0.3);
        Assert.Equal(2, Patients.Select(p => p.Sex).Distinct().Count());
    }

    [Fact]
    public void Rare_combinations_are_met_by_the_model_itself()
    {
        var teenagers = Patient.Synth.WithSeed(3).Where(p => p.Department == Department.Pediatrics && p.Age >= 15).Take(100).ToList();
        Assert.Equal(100, teenagers.Count);
        Assert.All(teenagers, p =>
        {
            Assert.Equal(Department.Pediatrics, p.Department);
            Assert.True(p.Age >= 15);
        });
    }

    [Fact]
    public void Bound_and_generated_properties_keep_their_constraints()
    {
        Assert.All(Patients, p =>
        {
            Assert.True(p.Discharged is null || p.Discharged > p.Admitted);
            Assert.Contains(p.BloodType, new[] { "A+", "A-", "B+", "B-", "O+", "O-", "AB+", "AB-" });
            Assert.False(string.IsNullOrWhiteSpace(p.Name));
        });
        Assert.Equal(Patients.Count, Patients.Select(p => p.Id).Distinct().Count());
    }
}
