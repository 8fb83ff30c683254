namespace SynthFixtures.Tests.Sampling.Typed;

/// <summary><c>Synth&lt;T&gt;.Replace</c>: the typed counterpart of a replace rule, applied after <c>Where</c>, in order, counted.</summary>
public sealed class SynthReplaceTests
{
    [Fact]
    public void A_rule_sets_the_property_where_its_condition_holds_and_counts_the_objects()
    {
        var touched = new ReplaceCount();
        var cars = new Synth<Car>(new Cars())
            .Replace(c => c.Color, "black", when: c => c.Door == "rear" && c.Color != "black", touched)
            .Take(60).ToList();

        var expected = new Synth<Car>(new Cars()).Take(60).ToList();
        Assert.Equal(expected.Count(c => c.Door == "rear" && c.Color != "black"), touched.Rows);
        Assert.True(touched.Rows > 0);
        Assert.All(cars.Where(c => c.Door == "rear"), c => Assert.Equal("black", c.Color));
        Assert.Equal(expected.Where(c => c.Door == "front").Select(c => c.Color), cars.Where(c => c.Door == "front").Select(c => c.Color));
    }

    [Fact]
    public void Rules_apply_after_where_and_in_order()
    {
        var first = new ReplaceCount();
        var second = new ReplaceCount();
        var cars = new Synth<Car>(new Cars())
            .Where(c => c.Color == "white")
            .Replace(c => c.Color, "red", when: c => c.Doors == 2, touched: first)
            .Replace(c => c.Price, 9.5m, when: c => c.Color == "red", touched: second)
            .Take(30).ToList();
        Assert.Equal(cars.Count(c => c.Doors == 2), first.Rows);
        Assert.Equal(first.Rows, second.Rows);
        Assert.All(cars, c => Assert.Equal(c.Doors == 2 ? ("red", 9.5m) : ("white", c.Price), (c.Color, c.Price)));
    }

    [Fact]
    public void Init_only_properties_can_be_replaced_everywhere_without_a_condition()
    {
        var cars = new Synth<Car>(new Cars()).Replace(c => c.Door, "side").Take(10).ToList();
        Assert.All(cars, c => Assert.Equal("side", c.Door));
    }

    [Fact]
    public void A_selector_that_is_not_a_settable_member_of_the_object_is_refused()
    {
        var query = new Synth<Car>(new Cars());
        Assert.Throws<ArgumentException>(() => query.Replace(c => c.Label, "x"));
        Assert.Throws<ArgumentException>(() => query.Replace(c => c.Color.Length, 3));
        Assert.Throws<ArgumentException>(() => new Synth<int>(new Numbers()).Replace(n => n, 3));
    }

    private sealed class Car
    {
        public required string Door { get; init; }

        public string Color { get; set; } = "";

        public int Doors { get; set; }

        public decimal Price { get; set; }

        public string Label => $"{Door} {Color}";
    }

    private sealed class Cars : ISynthesizer<Car>
    {
        public ISynthStream<Car> Open(SynthGraph graph) => new Stream();

        private sealed class Stream : ISynthStream<Car>
        {
            private static readonly string[] Colors = ["black", "white", "red"];
            private int _next;

            public Car Next()
            {
                var i = _next++;
                return new Car { Door = i % 3 == 0 ? "front" : "rear", Color = Colors[i / 3 % 3], Doors = 2 + i % 4, Price = i };
            }
        }
    }

    private sealed class Numbers : ISynthesizer<int>
    {
        public ISynthStream<int> Open(SynthGraph graph) => throw new InvalidOperationException("not drawn");
    }
}
