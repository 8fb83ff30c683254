using System.Globalization;
using SynthFixtures.Metadata;
using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Models;
using SynthFixtures.Models.Sequences;
using SynthFixtures.Privacy;
using Xunit.Abstractions;

namespace SynthFixtures.Tests.Modeling.Sequences.Private;

/// <summary>The entity-level DP sequence model: its accounting, what it reads, what it learns and what it refuses.</summary>
public sealed class DpSequenceModelTests(ITestOutputHelper output)
{
    [Fact]
    public void The_plans_total_is_the_target_and_the_accountants_composition_of_its_steps()
    {
        var model = DpPanel.Fit(DpPanel.Write(300), DpPanel.Options(2, noiseSeed: 1, delta: 1e-6));
        var plan = model.Privacy!;
        Assert.Equal("zCDP", plan.Accounting);
        Assert.Equal(2, plan.Epsilon, 1e-6);
        Assert.Equal(1e-6, plan.Delta);
        Assert.Equal(1, plan.Steps.Sum(s => s.Share), 1e-9);
        Assert.Equal(plan.Rho!.Value, plan.Steps.Sum(s => s.Rho!.Value), 1e-15);
        // Recompose every step (the marginals' sensitivity is the 12 steps an entity contributes) with the accountant: Gaussian steps from their noise and sensitivity, selections from their ε.
        var composed = ZcdpBudget.Zero;
        foreach (var step in plan.Steps)
        {
            if (step.SelectionEpsilon is { } selection) composed = composed.WithExponentialMechanism(selection, step.Measurements);
            else
            {
                var sensitivity = step.Name switch
                {
                    "step marginals" => 12.0,
                    // C² = 2 × the window's latent dimensions: the group (1) and the reading at two steps (1 each).
                    "latent correlation" => 6.0,
                    _ => 1.0,
                };
                composed = composed.WithGaussian(step.NoiseStandardDeviation!.Value, sensitivity, step.Measurements);
            }
        }
        Assert.Equal(plan.Rho.Value, composed.Rho, 1e-9);
        var labelDelta = plan.Steps.Sum(s => s.Delta);
        Assert.Equal(plan.Epsilon, composed.Spent(plan.Delta - labelDelta).Epsilon, 1e-9);
        Assert.Contains(plan.Steps, s => s.Name.StartsWith("context: ", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Name == "latent correlation");
    }

    [Fact]
    public void Learns_an_ar1_panels_phi_at_a_generous_epsilon_and_loses_it_at_a_small_one()
    {
        var table = DpPanel.Write(1000);
        var generous = Enumerable.Range(1, 3).Select(seed => DpPanel.PhiOf(DpPanel.Fit(table, DpPanel.Options(10, seed)).Sample(1000, seed: 2))).ToList();
        var small = Enumerable.Range(1, 3).Select(seed => DpPanel.PhiOf(DpPanel.Fit(table, DpPanel.Options(0.5, seed)).Sample(1000, seed: 2))).ToList();
        output.WriteLine($"ε = 10: {string.Join(", ", generous)}; ε = 0.5: {string.Join(", ", small)}");
        Assert.All(generous, phi => Assert.InRange(phi, DpPanel.Phi - 0.1, DpPanel.Phi + 0.1));
        Assert.True(small.Average(phi => Math.Abs(phi - DpPanel.Phi)) > 2 * generous.Average(phi => Math.Abs(phi - DpPanel.Phi)));
    }

    [Fact]
    public void Datasets_that_differ_in_one_entity_store_the_same_public_parts_and_the_odd_entity_leaves_no_trace()
    {
        // The odd entity: a new key shape, an unseen group, a far earlier start, more steps than the bound, readings of 10⁹.
        // Its rows also hold an index that does not parse and a row without a key: dropped, not errors that would name them.
        var odd = Enumerable.Range(0, 40).Select(s => new string?[] { "odd-key-0001", (1700 + s).ToString(CultureInfo.InvariantCulture), "c", "1000000000.000" })
            .Append(["odd-key-0001", "not a year", "c", "7"]).Append([null, "2001", "c", "7"]);
        var options = DpPanel.Options(3, noiseSeed: 7, delta: 1e-6);
        var without = DpPanel.Fit(DpPanel.Write(300), options);
        var with = DpPanel.Fit(DpPanel.Write(300, extra: odd), options);

        Assert.Equal(without.Index with { TypicalStart = 0 }, with.Index with { TypicalStart = 0 });
        Assert.Equal(without.EntityKeys, with.EntityKeys);
        Assert.Equal(without.Context, with.Context);
        Assert.Equal(MetadataJson.Serialize(without.Metadata), MetadataJson.Serialize(with.Metadata));
        Assert.Equal(MetadataJson.Serialize(without.ContextModel.Metadata), MetadataJson.Serialize(with.ContextModel.Metadata));
        Assert.Equal(without.Provenance, with.Provenance);
        Assert.Equal(without.Privacy, with.Privacy);
        Assert.Equal(ModelProvenance.WithheldHash, with.Provenance.SourceDataSha256);

        var sample = with.Sample(2000, seed: 3);
        Assert.DoesNotContain("c", sample.Rows["group"].Cells());
        Assert.All(sample.Rows["reading"].Numbers!, x => Assert.InRange(x, -100, 100));
        Assert.All(sample.Rows["year"].Numbers!, year => Assert.True(year >= 1990, $"year {year}"));
        Assert.All(sample.Rows["entity"].Cells(), key => Assert.Matches("^[0-9]+$", key!));
        Assert.All(sample.Lengths, length => Assert.InRange(length, 1, 24));
    }

    [Fact]
    public void The_model_and_its_plan_round_trip_through_the_artifact()
    {
        var model = DpPanel.Fit(DpPanel.Write(200), DpPanel.Options(5, noiseSeed: 2));
        var bytes = SequenceModelArtifact.ToBytes(model);
        var read = SequenceModelArtifact.FromBytes(bytes, "m.synth");
        Assert.Equal(model.Privacy, read.Privacy);
        Assert.Equal(bytes, SequenceModelArtifact.ToBytes(read));
        Assert.Equal(model.Sample(50, seed: 4).Rows["reading"].Numbers!, read.Sample(50, seed: 4).Rows["reading"].Numbers!);
        // The entity count is public only because δ was left at its default, and the plan says so.
        Assert.Contains(model.Privacy!.Public, fact => fact.Contains("entity count (200)", StringComparison.Ordinal));
    }

    [Fact]
    public void Refuses_without_metadata()
    {
        var error = Assert.Throws<SynthDataException>(() => DpSequenceFitter.Fit(DpPanel.Write(50), null, DpPanel.Sequence, DpPanel.Options(1, 1),
            SettingValues.Parse(DpMarginalsKind.Instance, new Dictionary<string, string>(), new ModelCatalog([DpMarginalsKind.Instance])), null, CancellationToken.None));
        Assert.Contains("metadata given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_index_whose_step_is_not_declared()
    {
        var error = Assert.Throws<SettingException>(() => DpPanel.Fit(DpPanel.Write(50), DpPanel.Options(1, 1) with { IndexStep = null }));
        Assert.Equal(DpLaggedCopulaKind.IndexStep, error.Setting);
        Assert.Contains("not read from the rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_epsilon_too_small_for_the_entities()
    {
        var error = Assert.Throws<SettingException>(() => DpPanel.Fit(DpPanel.Write(30), DpPanel.Options(0.05, 1)));
        Assert.Equal(PrivacySettingTable.Epsilon, error.Setting);
        Assert.Contains("too small", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_delta_that_would_release_an_entity()
    {
        var error = Assert.Throws<SynthDataException>(() => DpPanel.Fit(DpPanel.Write(50), DpPanel.Options(1, 1, delta: 0.05)));
        Assert.Contains("whole entity", error.Message, StringComparison.Ordinal);
    }
}
