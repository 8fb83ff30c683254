using SynthFixtures.Generators.Tests.Fixtures;

namespace SynthFixtures.Generators.Tests.Runtime;

/// <summary>
/// The seam a learned model plugs into (issue 4): any <see cref="ISynthesizer{T}"/> can answer the same fluent query,
/// and the query's seed reaches it through the graph.
/// </summary>
public sealed class SynthQueryTests
{
    /// <summary>Stands in for a model-backed synthesizer: ages count up from the seed.</summary>
    private sealed class CountingSynthesizer : ISynthesizer<Die>
    {
        public ISynthStream<Die> Open(SynthGraph graph) => new Stream(graph.Seed);

        private sealed class Stream(long seed) : ISynthStream<Die>
        {
            private long _next = seed;

            public Die Next() => new() { Face = (int)_next++ };
        }
    }

    [Fact]
    public void Another_synthesizer_answers_the_same_query_with_the_query_seed()
    {
        var faces = Die.Synth.Using(new CountingSynthesizer()).WithSeed(10).Where(d => d.Face % 2 == 0).Take(3).Select(d => d.Face);

        Assert.Equal([10, 12, 14], faces);
    }

    [Fact]
    public void Queries_are_immutable_and_take_zero_yields_nothing()
    {
        var endless = Patient.Synth.WithSeed(1);
        var five = endless.Take(5);

        Assert.Null(endless.Count);
        Assert.Equal(5, five.Count);
        Assert.Empty(endless.Take(0));
        Assert.Equal(1, endless.Seed);
        Assert.Throws<ArgumentOutOfRangeException>(() => endless.Take(-1));
    }

    [Fact]
    public void Objects_drawn_in_one_graph_share_its_key_sequence()
    {
        var graph = new SynthGraph(3);
        var first = Patient.Synth.In(graph).Take(3).Select(p => p.Id).ToList();
        var next = Patient.Synth.In(graph).Take(2).Select(p => p.Id).ToList();

        Assert.Equal([1, 2, 3], first);
        Assert.Equal([4, 5], next);
        Assert.Equal(5, graph.Generated(Patient.PatientSynthesizer.Instance).Count);
    }

    [Fact]
    public void A_self_nesting_type_builds_finite_chains_with_unique_keys()
    {
        var heads = Node.Synth.WithSeed(8).Take(200).ToList();
        var all = heads.SelectMany(Chain).ToList();

        Assert.Equal(all.Count, all.Select(n => n.Id).Distinct().Count());
        Assert.InRange(all.Count / (double)heads.Count, 1.6, 2.4); // geometric chains, mean length 2 for NullRate 0.5
        Assert.Equal(heads, Node.Synth.WithSeed(8).Take(200).ToList());
    }

    private static IEnumerable<Node> Chain(Node node)
    {
        for (var n = node; n is not null; n = n.Next) yield return n;
    }
}
