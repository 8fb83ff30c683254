using System.ComponentModel.DataAnnotations;
using SynthFixtures;

namespace SynthFixtures.Generators.Tests.Fixtures;

/// <summary>An EF-style entity annotated only with DataAnnotations, as it would be in an existing code base.</summary>
[Synthesize]
public partial class Customer
{
    [Key] public int CustomerId { get; set; }
    [Required, StringLength(40, MinimumLength = 2)] public string Name { get; set; } = "";
    [EmailAddress] public string Email { get; set; } = "";
    [Phone] public string? Phone { get; set; }
    [Range(18, 99)] public int Age { get; set; }
    [RegularExpression("[A-Z]{3}-[0-9]{4}")] public string Code { get; set; } = "";
    [MaxLength(10)] public string Tag { get; set; } = "";
    [Url] public string Homepage { get; set; } = "";
    [RegularExpression("[a-z]{2,20}"), StringLength(8)] public string Login { get; set; } = ""; // only some matches fit: redrawn
}

/// <summary>A child type whose foreign key must always point at a generated <see cref="Customer"/>.</summary>
[Synthesize]
public partial class Order
{
    [SynthKey(Kind = KeyKind.Guid)] public Guid OrderId { get; set; }
    [SynthForeignKey(typeof(Customer))] public int CustomerId { get; set; }
    [SynthRange("0.01", "500")] public decimal Total { get; set; }
}
