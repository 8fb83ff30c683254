using SynthFixtures.Text.Llm;

namespace SynthFixtures.Tests.Text.Llm;

/// <summary>Prompt templates: rendering by column name, literal braces, and errors that point at the character.</summary>
public sealed class PromptTemplateTests
{
    private static readonly string[] Columns = ["Rating", "Class Name", "Review Text"];

    [Fact]
    public void Names_render_the_row_cells_and_doubled_braces_are_literal()
    {
        var template = PromptTemplate.Parse("{{json}}: {Rating} stars, {Class Name}{Rating}", Columns, "Review Text", "prompt");
        Assert.Equal("{json}: 4 stars, Knits4", template.Render(c => c == 0 ? " 4 " : "Knits"));
        Assert.Equal(["Rating", "Class Name"], template.Referenced);
    }

    [Fact]
    public void A_name_differing_only_in_case_is_accepted()
    {
        var template = PromptTemplate.Parse("A {class name}", Columns, "Review Text", "prompt");
        Assert.Equal("A Dresses", template.Render(new Dictionary<string, string?> { ["Class Name"] = "Dresses" }));
    }

    [Theory]
    [InlineData("Write a {Ratings}-star review", 9, "names {Ratings}, which is not a column of the sample")]
    [InlineData("Rewrite {Review Text}", 9, "names {Review Text}, the column it writes")]
    [InlineData("A {Rating star review", 3, "opens '{' without a closing '}'")]
    [InlineData("A } here", 3, "has a '}' that closes nothing")]
    public void Errors_name_the_character(string text, int character, string message)
    {
        var error = Assert.Throws<SynthDataException>(() => PromptTemplate.Parse(text, Columns, "Review Text", "prompt of LLM column 'Review Text'", "llm.json"));
        Assert.Contains(message, error.Message);
        Assert.Contains($"at character {character}", error.Message);
        Assert.Equal(character, error.Column);
        Assert.Equal("llm.json", error.FilePath);
    }

    [Fact]
    public void An_unknown_name_lists_the_columns_it_could_be()
    {
        var error = Assert.Throws<SynthDataException>(() => PromptTemplate.Parse("{Stars}", Columns, "Review Text", "prompt"));
        Assert.Equal("Name one of: Rating, Class Name.", error.Hint);
    }
}
