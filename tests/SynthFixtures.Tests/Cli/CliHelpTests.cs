namespace SynthFixtures.Tests.Cli;

public class CliHelpTests
{
    [Fact]
    public void Help_names_the_command_users_type_not_the_assembly()
    {
        var result = CliResult.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Usage:\s+synthfixtures \[command\] \[options\]", result.Output);
        Assert.DoesNotContain("SynthFixtures.Cli", result.Output);
    }

    [Fact]
    public void A_verb_s_help_names_it_under_synthfixtures()
    {
        var result = CliResult.Run("train", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Usage:\s+synthfixtures train", result.Output);
    }

    [Fact]
    public void Version_prints_the_informational_version()
    {
        var result = CliResult.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }
}
