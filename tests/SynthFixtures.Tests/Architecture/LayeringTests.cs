using SynthFixtures.Models;

namespace SynthFixtures.Tests.Architecture;

/// <summary>
/// Data flows one way through the core (see <see cref="Layers.Order"/>): no source file uses a layer above its own,
/// and the core assembly uses nothing from the CLI, training, reports or build assemblies.
/// </summary>
public sealed class LayeringTests
{
    [Fact]
    public void Every_core_source_folder_has_a_layer_in_the_core()
    {
        var unplaced = CoreSourceUses.FolderPlaces()
            .Where(place => Layers.OfPlace(place) is null or { OutsideCore: true })
            .ToList();

        Assert.True(unplaced.Count == 0, "Add these folders of src/SynthFixtures (written as namespaces) to a core layer in Layers.Order: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void Core_sources_use_only_their_own_layer_and_the_layers_below()
    {
        var blinding = CoreSourceUses.BlindingErrors();
        Assert.True(blinding.Count == 0, "The walk cannot see every name while the core sources have these errors:\n" + string.Join("\n", blinding.Take(10)));

        var uses = CoreSourceUses.All()
            .Select(use => (Use: use, From: Layers.OfPlace(use.FromPlace), To: (use.UsedAssembly is { } assembly ? Layers.OfAssembly(assembly) : null) ?? Layers.OfPlace(use.UsedPlace)))
            .Where(edge => edge.From is not null && edge.To is not null)   // a folder without a layer fails the test above
            .Select(edge => (edge.Use, From: edge.From!, To: edge.To!))
            .ToList();
        // The walk must see real dependencies, or an empty result would pass for a clean one.
        Assert.Contains(uses, edge => edge.From.Name == "typed API" && edge.To.Name == "models");
        Assert.Contains(uses, edge => edge.From.Name == "models" && edge.To.Name == "sampling vocabulary");

        var violations = uses
            .Where(edge => edge.To.OutsideCore || Layers.Rank(edge.To) > Layers.Rank(edge.From))
            .GroupBy(edge => (edge.Use.File, edge.Use.UsedPlace))
            .Select(group =>
            {
                var (use, from, to) = group.First();
                var names = string.Join(", ", group.Select(edge => edge.Use.Used).Distinct());
                return $"src/SynthFixtures/{use.File}:{use.Line} ({from.Name}) uses {use.UsedPlace} ({to.Name}): {names}";
            })
            .ToList();

        Assert.True(violations.Count == 0,
            "A layer may use only itself and the layers below it (Layers.Order: " + string.Join(" < ", Layers.Order.Where(l => !l.OutsideCore).Select(l => l.Name)) +
            "; nothing outside the core):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Core_assembly_references_no_assembly_outside_the_core()
    {
        var forbidden = typeof(SynthModel).Assembly.GetReferencedAssemblies()
            .Select(reference => (Reference: reference.Name!, Layer: Layers.OfAssembly(reference.Name!)))
            .Where(reference => reference.Layer is not null)
            .Select(reference => $"{reference.Reference} ({reference.Layer!.Name})")
            .ToList();

        Assert.True(forbidden.Count == 0, "The core assembly SynthFixtures references: " + string.Join(", ", forbidden));
    }

    /// <summary>The directions issue 17 asks for, so reordering the table to let a use through fails here.</summary>
    [Theory]
    [InlineData("SynthFixtures.Models", "SynthFixtures.Sampling.Typed")]
    [InlineData("SynthFixtures.Models.Neural", "SynthFixtures.Sampling.Typed")]
    [InlineData("SynthFixtures.Sampling", "SynthFixtures.Models")]
    [InlineData("SynthFixtures.Sampling.Generated", "SynthFixtures.Models")]
    [InlineData("SynthFixtures.Data", "SynthFixtures.Models")]
    [InlineData("SynthFixtures.Data", "SynthFixtures.Sampling")]
    [InlineData("SynthFixtures.Data", "SynthFixtures.Evaluation")]
    [InlineData("SynthFixtures.Metadata", "SynthFixtures.Models")]
    [InlineData("SynthFixtures.Metadata", "SynthFixtures.Sampling.Generated")]
    [InlineData("SynthFixtures.Metadata", "SynthFixtures.Evaluation")]
    public void The_table_puts_the_user_below_what_it_must_not_use(string user, string forbidden)
    {
        var from = Layers.OfPlace(user);
        var to = Layers.OfPlace(forbidden);
        Assert.NotNull(from);
        Assert.NotNull(to);
        Assert.True(Layers.Rank(from) < Layers.Rank(to), $"{user} ({from.Name}) must sit below {forbidden} ({to.Name}).");
    }

    [Theory]
    [InlineData("SynthFixtures.Cli")]
    [InlineData("SynthFixtures.Training")]
    [InlineData("TorchSharp")]
    [InlineData("SynthFixtures.Reports")]
    [InlineData("SynthFixtures.Build")]
    public void The_table_keeps_the_outer_assemblies_out_of_the_core(string assembly) =>
        Assert.True(Layers.OfAssembly(assembly)?.OutsideCore, $"{assembly} must belong to a layer outside the core.");
}
