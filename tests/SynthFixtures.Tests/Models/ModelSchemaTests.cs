using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.GaussianCopula;

namespace SynthFixtures.Tests.Models;

/// <summary>The schema the generator checks bound types against: kinds, missing rates, ranges, labels, escaped.</summary>
public sealed class ModelSchemaTests
{
    [Fact]
    public void A_fitted_model_describes_every_column_with_what_it_can_produce()
    {
        var model = GaussianCopulaFitter.Fit(MixedTestTable.Create(800), MixedTestTable.Metadata());
        var schema = model.DescribeSchema();
        Assert.Equal(MixedTestTable.Names, schema.Columns.Select(c => c.Name));
        var x = schema.Columns.Single(c => c.Name == "x");
        Assert.Equal(ColumnKind.Decimal, x.Kind);
        Assert.NotNull(x.Minimum);
        Assert.True(double.Parse(x.Minimum!, System.Globalization.CultureInfo.InvariantCulture) < 50);
        Assert.InRange(schema.Columns.Single(c => c.Name == "y").MissingRate, 0.02, 0.08);
        Assert.Equal(["high", "low"], schema.Columns.Single(c => c.Name == "group").Labels!.Order());
        Assert.Equal("sequence", schema.Columns.Single(c => c.Name == "id").Generator);
        Assert.Equal("2024-", schema.Columns.Single(c => c.Name == "day").Minimum![..5]);
    }

    [Fact]
    public void The_text_form_is_one_line_per_column_with_separators_escaped()
    {
        var schema = new ModelSchema("gaussiancopula",
        [
            new ModelSchemaColumn("a,b", ColumnKind.Categorical, 0.25, Labels: ["x,y", "50%", "tab\there"]),
            new ModelSchemaColumn("n", ColumnKind.Integer, 0, "0", "98"),
        ]);
        var lines = schema.Write().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ModelSchema.Header, lines[0]);
        Assert.Equal("model\tgaussiancopula", lines[1]);
        Assert.Equal("column\ta%2Cb\tcategorical\tmissing=0.25\tlabels=x%2Cy,50%25,tab%09here", lines[2]);
        Assert.Equal("column\tn\tinteger\tmissing=0\tmin=0\tmax=98", lines[3]);
    }
}
