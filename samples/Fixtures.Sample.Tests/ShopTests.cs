using System.ComponentModel.DataAnnotations;
using SynthFixtures;
using SynthFixtures.Xunit;

namespace Fixtures.Sample;

public sealed class ShopTests
{
    [Theory, SynthData<Customer>(Count = 10, Seed = 1)]
    public void Generated_customers_pass_entity_validation(Customer customer)
    {
        var errors = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(customer, new ValidationContext(customer), errors, validateAllProperties: true),
            string.Join("; ", errors.Select(e => e.ErrorMessage)));
    }

    [Fact]
    public void Invoices_reference_only_seeded_customers_and_fall_due_after_issue()
    {
        var graph = new SynthGraph(seed: 99);
        var customers = Customer.Synth.In(graph).Take(5).ToList();
        var invoices = Invoice.Synth.In(graph).Take(40).ToList();

        var ids = customers.Select(c => c.CustomerId).ToHashSet();
        Assert.All(invoices, i =>
        {
            Assert.Contains(i.CustomerId, ids);
            Assert.True(i.Due > i.Issued);
            Assert.InRange(i.Amount, 1.00m, 2500.00m);
        });
    }
}
