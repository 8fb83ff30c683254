using SynthFixtures.Metadata;
using SynthFixtures.Models;
using SynthFixtures.Models.DpMarginals;
using SynthFixtures.Models.GaussianCopula;
using SynthFixtures.Privacy;
using SynthFixtures.Tests.Models;

namespace SynthFixtures.Tests.Privacy;

/// <summary>
/// What a model promises, as the schema and the typed API carry it: a DP model's plan's ε and δ, a model without a
/// plan its kind alone, and the schema's privacy line for each.
/// </summary>
public sealed class PrivacyGuaranteeTests
{
    [Fact]
    public void A_dp_marginals_model_states_its_plans_epsilon_and_delta_and_its_schema_writes_them()
    {
        var model = DpMarginalsFitter.Fit(MixedTestTable.Create(400, seed: 3), MixedTestTable.Metadata(),
            new DpMarginalsOptions { Epsilon = 1.5, Delta = 1e-8, NoiseSeed = 1 });

        var guarantee = model.DescribeSchema().Privacy!;

        Assert.Equal("dp-marginals", guarantee.Model);
        Assert.Equal(model.Privacy!.Epsilon, guarantee.Epsilon);
        Assert.Equal(1.5, guarantee.Epsilon!.Value, 9);
        Assert.Equal(1e-8, guarantee.Delta);
        Assert.True(guarantee.IsDifferentiallyPrivate);
        var schema = model.DescribeSchema();
        Assert.Equal(PrivacyGuarantee.Of(model.Kind, model.Privacy), schema.Privacy);
        var lines = schema.Write().Split('\n');
        Assert.Equal($"privacy\tepsilon={model.Privacy.Epsilon:R}\tdelta=1E-08", lines[2]);
    }

    [Fact]
    public void A_model_without_a_plan_states_its_kind_and_no_guarantee_and_its_schema_says_none()
    {
        var model = GaussianCopulaFitter.Fit(MixedTestTable.Create(300), MixedTestTable.Metadata());

        var guarantee = model.DescribeSchema().Privacy!;

        Assert.Equal("gaussiancopula", guarantee.Model);
        Assert.Null(guarantee.Epsilon);
        Assert.Null(guarantee.Delta);
        Assert.False(guarantee.IsDifferentiallyPrivate);
        Assert.Equal("gaussiancopula: no differential-privacy guarantee", guarantee.ToString());
        Assert.Equal("privacy\tnone", model.DescribeSchema().Write().Split('\n')[2]);
    }

    [Fact]
    public void A_schema_that_states_nothing_writes_no_privacy_line()
    {
        var schema = new ModelSchema("gaussiancopula", [new ModelSchemaColumn("n", ColumnKind.Integer, 0, "0", "9")]);

        Assert.DoesNotContain("privacy", schema.Write(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_guarantees_read_as_what_they_promise()
    {
        Assert.Equal("dp-marginals: (ε = 1, δ = 2.41E-07)-differentially private", PrivacyGuarantee.DifferentiallyPrivate("dp-marginals", 1, 2.4106e-7).ToString());
        Assert.Equal(0, PrivacyGuarantee.NoData.Epsilon);
        Assert.Equal(0, PrivacyGuarantee.NoData.Delta);
        Assert.Null(PrivacyGuarantee.NoData.Model);
        Assert.True(PrivacyGuarantee.NoData.IsDifferentiallyPrivate);
        Assert.False(PrivacyGuarantee.Unknown.IsDifferentiallyPrivate);
        Assert.Equal("no privacy guarantee stated", PrivacyGuarantee.Unknown.ToString());
    }

    [Theory]
    [InlineData(-0.1, 1e-9)]
    [InlineData(double.NaN, 1e-9)]
    [InlineData(double.PositiveInfinity, 1e-9)]
    [InlineData(1, 1)]
    [InlineData(1, -1e-9)]
    public void A_guarantee_outside_what_epsilon_and_delta_can_be_is_refused(double epsilon, double delta) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PrivacyGuarantee.DifferentiallyPrivate("dp-marginals", epsilon, delta));

    [Fact]
    public void A_hand_written_synthesizer_states_nothing_and_the_query_reports_what_its_synthesizer_states()
    {
        var query = new Synth<int>(new Counting());

        Assert.Same(PrivacyGuarantee.Unknown, query.Privacy);
        Assert.Same(PrivacyGuarantee.Unknown, query.WithSeed(3).Take(2).Privacy);
        Assert.Same(Stated.Guarantee, query.Using(new Stated()).Privacy);
    }

    private sealed class Counting : ISynthesizer<int>
    {
        public ISynthStream<int> Open(SynthGraph graph) => new Stream();

        private sealed class Stream : ISynthStream<int>
        {
            private int _next;

            public int Next() => _next++;
        }
    }

    private sealed class Stated : ISynthesizer<int>
    {
        public static readonly PrivacyGuarantee Guarantee = PrivacyGuarantee.DifferentiallyPrivate("dp-marginals", 2, 1e-9);

        public PrivacyGuarantee Privacy => Guarantee;

        public ISynthStream<int> Open(SynthGraph graph) => new Counting().Open(graph);
    }
}
