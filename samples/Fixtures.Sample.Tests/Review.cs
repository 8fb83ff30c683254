using System.ComponentModel.DataAnnotations.Schema;
using SynthFixtures;

namespace Fixtures.Sample;

public enum Product { Dress, Sweater, Jeans, Blouse }

/// <summary>
/// A product review bound to the model learned at build time from samples/reviews/reviews.csv (the SynthModel item
/// with <c>TextModel="learned"</c> in the project file): the rating and product come from the tabular model, and
/// <see cref="Body"/> from the learned text model of the <c>review</c> column, which writes each review conditioned on
/// the row's rating and product.
/// </summary>
[Synthesize(From = "../reviews/reviews.csv")]
public partial record Review
{
    public Product Product { get; init; }
    public int Rating { get; init; }
    [Text, Column("review")] public string? Body { get; init; }
}
