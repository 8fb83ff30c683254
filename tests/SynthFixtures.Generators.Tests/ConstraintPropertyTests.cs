using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CsCheck;
using SynthFixtures.Generators.Tests.Fixtures;

namespace SynthFixtures.Generators.Tests;

/// <summary>For random seeds (CsCheck), every generated object satisfies every constraint declared on its type.</summary>
public sealed class ConstraintPropertyTests
{
    private const int Iterations = 40;
    private static readonly string[] BloodTypes = ["A+", "A-", "B+", "B-", "O+", "O-", "AB+", "AB-"];

    [Fact]
    public void Every_patient_satisfies_its_declared_constraints() =>
        Gen.Long.Sample(seed =>
        {
            var patients = Patient.Synth.WithSeed(seed).Take(25).ToList();
            Assert.Equal(Enumerable.Range(1, 25), patients.Select(p => p.Id));
            Assert.Equal(patients.Count, patients.Select(p => p.RecordNumber).Distinct().Count());
            foreach (var p in patients) AssertValid(p);
        }, iter: Iterations);

    private static void AssertValid(Patient p)
    {
        Assert.InRange(p.Age, 0, 110);
        Assert.Contains(p.BloodType, BloodTypes);
        Assert.False(string.IsNullOrWhiteSpace(p.Name));
        Assert.InRange(p.Admitted, new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31));
        Assert.True(p.Discharged is null || p.Discharged > p.Admitted, $"discharged {p.Discharged} not after {p.Admitted}");
        Assert.Matches(new Regex(@"^MRN-\d{6}$"), p.RecordNumber);
        Assert.InRange(p.Nickname.Length, 3, 8);
        Assert.Matches(new Regex("^[a-z]+$"), p.Nickname);
        Assert.InRange(p.WeightKg, 30, 200);
        Assert.Contains(p.Priority, new byte[] { 1, 2, 3 });
        Assert.True(Enum.IsDefined(p.Ward));
        Assert.InRange(p.CoPay, 0.50m, 99.99m);
        Assert.Equal(p.CoPay, Math.Round(p.CoPay, 2));
        Assert.InRange(p.Appointment, new TimeOnly(8, 0), new TimeOnly(17, 59));
        Assert.InRange(p.Created, new DateTime(2020, 1, 1), new DateTime(2020, 12, 31, 23, 59, 59));
        Assert.True(p.Updated > p.Created);
        Assert.InRange(p.Duration, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2));
        Assert.True(p.Delta is null or >= -5 and <= 5);
        Assert.InRange(p.Score, 0f, 1f);
        Assert.True(p.LowerScore < p.Score && p.LowerScore >= 0f, $"{p.LowerScore} < {p.Score}");
        Assert.InRange(p.Floor, (short)0, (short)1000);
        Assert.True(p.Employer is null || p.Employer.Length > 0);
        Assert.Equal("kept", p.Untouched);
        Assert.Matches(new Regex("^[A-Z]{2}[0-9]{3}$"), p.Home.PostCode);
        Assert.False(string.IsNullOrWhiteSpace(p.Home.City));
    }

    [Fact]
    public void Entities_annotated_only_with_DataAnnotations_pass_their_own_validators() =>
        Gen.Long.Sample(seed =>
        {
            foreach (var customer in Customer.Synth.WithSeed(seed).Take(25))
            {
                var errors = new List<ValidationResult>();
                var valid = Validator.TryValidateObject(customer, new ValidationContext(customer), errors, validateAllProperties: true);
                Assert.True(valid, string.Join("; ", errors.Select(e => e.ErrorMessage)));
            }
        }, iter: Iterations);

    [Fact]
    public void Foreign_keys_point_only_at_principals_generated_in_the_same_graph() =>
        Gen.Long.Sample(seed =>
        {
            var graph = new SynthGraph(seed);
            var customers = Customer.Synth.In(graph).Take(8).ToList();
            var orders = Order.Synth.In(graph).Take(60).ToList();

            var ids = customers.Select(c => c.CustomerId).ToHashSet();
            Assert.All(orders, o => Assert.Contains(o.CustomerId, ids));
            Assert.Equal(orders.Count, orders.Select(o => o.OrderId).Distinct().Count());
        }, iter: Iterations);

    [Fact]
    public void Without_explicit_principals_children_create_them_on_demand_and_they_are_recorded() =>
        Gen.Long.Sample(seed =>
        {
            var graph = new SynthGraph(seed);
            var orders = Order.Synth.In(graph).Take(50).ToList();
            var created = graph.Generated(Customer.CustomerSynthesizer.Instance).Select(c => c.CustomerId).ToHashSet();

            Assert.All(orders, o => Assert.Contains(o.CustomerId, created));
            Assert.InRange(created.Count, 2, 50); // spread over several principals, not one per child
        }, iter: Iterations);

    [Theory, Xunit.SynthData<Patient>(Count = 5, Seed = 7)]
    public void Theories_receive_generated_patients(Patient patient) => AssertValid(patient);
}
