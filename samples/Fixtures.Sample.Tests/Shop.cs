using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using SynthFixtures;

namespace Fixtures.Sample;

/// <summary>
/// An EF Core-style entity: DataAnnotations only (plus [Synthesize]), both namespaces imported, no name clashes.
/// </summary>
[Synthesize, Table("customers")]
public partial class Customer
{
    [Key] public int CustomerId { get; set; }
    [Required, StringLength(60, MinimumLength = 2)] public string DisplayName { get; set; } = "";
    [EmailAddress] public string Email { get; set; } = "";
    [Phone, NullRate(0.3)] public string? Phone { get; set; }
    [Range(18, 99)] public int Age { get; set; }
}

[Synthesize]
public partial class Invoice
{
    [SynthKey(Kind = KeyKind.Guid)] public Guid InvoiceId { get; set; }
    [SynthForeignKey(typeof(Customer))] public int CustomerId { get; set; }
    [SynthRange("1.00", "2500.00")] public decimal Amount { get; set; }
    [SynthRange("2024-01-01T00:00:00", "2024-12-31T23:59:59")] public DateTime Issued { get; set; }
    [GreaterThan(nameof(Issued))] public DateTime Due { get; set; }
}
