using SynthFixtures.Build;

namespace SynthFixtures.Tests.Build;

/// <summary>Where a SynthModel item was written, for errors at its line (the task's locator, compiled in: it needs no MSBuild).</summary>
public sealed class SynthModelItemLocatorTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"synthfixtures-locator-{Guid.NewGuid():N}.csproj");

    [Fact]
    public void The_element_listing_the_items_path_is_found_whatever_its_slashes_and_position_in_the_list()
    {
        File.WriteAllText(_file, """
            <Project>
              <ItemGroup>
                <SynthModel Include="data/a.csv" />
                  <SynthModel Include="data\b.csv;data/c.csv" Model="dp-marginals" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal((3, 5), SynthModelItemLocator.Find(_file, "data/a.csv"));
        Assert.Equal((4, 7), SynthModelItemLocator.Find(_file, "data/b.csv"));
        Assert.Equal((4, 7), SynthModelItemLocator.Find(_file, "data\\c.csv"));
    }

    [Fact]
    public void An_item_from_a_wildcard_is_placed_at_the_only_element_and_not_guessed_among_several()
    {
        File.WriteAllText(_file, "<Project>\n<ItemGroup>\n<SynthModel Include=\"data/*.csv\" />\n</ItemGroup>\n</Project>");
        Assert.Equal((3, 1), SynthModelItemLocator.Find(_file, "data/x.csv"));

        File.WriteAllText(_file, "<Project>\n<ItemGroup>\n<SynthModel Include=\"data/*.csv\" />\n<SynthModel Include=\"$(Data)\" />\n</ItemGroup>\n</Project>");
        Assert.Equal((0, 0), SynthModelItemLocator.Find(_file, "data/x.csv"));
    }

    [Fact]
    public void An_unreadable_file_gives_no_line() =>
        Assert.Equal((0, 0), SynthModelItemLocator.Find(_file + ".missing", "data/a.csv"));

    public void Dispose() => File.Delete(_file);
}
