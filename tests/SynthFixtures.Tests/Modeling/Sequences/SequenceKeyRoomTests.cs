using System.Globalization;
using System.Text;
using SynthFixtures.Tests.Cli;

namespace SynthFixtures.Tests.Modeling.Sequences;

/// <summary>A key shape with fewer distinct keys than the entities asked for is refused when the sample is asked for, before any entity is drawn.</summary>
public sealed class SequenceKeyRoomTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Asking_for_more_entities_than_the_key_shape_holds_is_refused_up_front_with_the_requested_count()
    {
        var csv = new StringBuilder("code,step,value\n");
        foreach (var (code, e) in new[] { "AB", "CD", "EF", "GH", "IJ", "KL" }.Select((c, i) => (c, i)))
            for (var s = 0; s < 5; s++) csv.Append(CultureInfo.InvariantCulture, $"{code},{s},{e + 0.1 * s:F1}\n");
        var path = _folder.File("codes.csv");
        File.WriteAllText(path, csv.ToString());
        var model = SequenceFixtures.Train(path, _folder.File("c.synth"), index: "step", entity: "code").Model;

        var error = Assert.Throws<SynthDataException>(() => model.SampleEntities(1_000, seed: 1));
        Assert.Contains("676 distinct keys, fewer than the 1,000 entities asked for", error.Message);
        Assert.Equal(676, model.Sample(676, seed: 1).EntityCount);
    }
}
