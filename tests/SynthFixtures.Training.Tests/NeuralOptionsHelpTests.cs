using System.Globalization;
using System.Text.RegularExpressions;
using SynthFixtures.Cli.Commands;
using SynthFixtures.Training.Ctgan;
using SynthFixtures.Training.Tvae;
using SynthFixtures.Training.Validation;

namespace SynthFixtures.Training.Tests;

/// <summary>
/// The CLI's help quotes the trainers' defaults by hand (reading them would load TorchSharp for every command); this
/// keeps every quoted "(default …)" equal to the value the options classes really use.
/// </summary>
public partial class NeuralOptionsHelpTests
{
    [GeneratedRegex(@"default (?<value>[0-9][0-9.e,-]*)[;).]")]
    private static partial Regex QuotedDefault();

    /// <summary>Each CLI option with a quoted default, and the trainers' properties it must equal.</summary>
    public static TheoryData<string, string[]> Options => new()
    {
        { "--epochs", ["Tvae.Epochs", "Ctgan.Epochs"] },
        { "--batch-size", ["Tvae.BatchSize", "Ctgan.BatchSize"] },
        { "--embedding-width", ["Tvae.EmbeddingWidth", "Ctgan.EmbeddingWidth"] },
        { "--pac", ["Ctgan.Pac"] },
        { "--discriminator-steps", ["Ctgan.DiscriminatorSteps"] },
        { "--generator-lr", ["Ctgan.GeneratorLearningRate"] },
        { "--discriminator-lr", ["Ctgan.DiscriminatorLearningRate"] },
        { "--generator-widths", ["Ctgan.GeneratorWidths"] },
        { "--discriminator-widths", ["Ctgan.DiscriminatorWidths"] },
        { "--learning-rate", ["Tvae.LearningRate"] },
        { "--loss-factor", ["Tvae.LossFactor"] },
        { "--encoder-widths", ["Tvae.EncoderWidths"] },
        { "--decoder-widths", ["Tvae.DecoderWidths"] },
        { "--validation-fraction", ["EarlyStopping.ValidationFraction"] },
        { "--check-every", ["EarlyStopping.CheckEvery"] },
        { "--patience", ["EarlyStopping.Patience"] },
        { "--validation-rows", ["EarlyStopping.SampleRows"] },
        { "--min-improvement", ["EarlyStopping.MinImprovement"] },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void The_help_quotes_the_trainers_default(string option, string[] properties)
    {
        var description = HelpOf(option);
        var match = QuotedDefault().Match(description);
        Assert.True(match.Success, $"{option}'s help quotes no default: \"{description}\"");
        var quoted = match.Groups["value"].Value;
        foreach (var property in properties)
            Assert.True(Same(quoted, DefaultOf(property)), $"{option}'s help says {quoted}, but {property} defaults to {Text(DefaultOf(property))}.");
    }

    [Fact]
    public void Every_option_with_a_quoted_default_is_checked()
    {
        var checkedOptions = Options.Select(row => (string)row[0]).ToHashSet();
        var quoting = typeof(NeuralOptions).GetProperties()
            .Select(p => p.GetValue(new NeuralOptions()))
            .OfType<System.CommandLine.Option>()
            .Where(o => o.Description is { } d && QuotedDefault().IsMatch(d))
            .Select(o => o.Name);
        Assert.All(quoting, name => Assert.Contains(name, checkedOptions));
    }

    private static string HelpOf(string option) => typeof(NeuralOptions).GetProperties()
        .Select(p => p.GetValue(new NeuralOptions()))
        .OfType<System.CommandLine.Option>()
        .Single(o => o.Name == option).Description ?? "";

    private static object DefaultOf(string property)
    {
        var (owner, name) = (property.Split('.')[0], property.Split('.')[1]);
        object options = owner switch
        {
            "Tvae" => new TvaeOptions(),
            "Ctgan" => new CtganOptions(),
            _ => new EarlyStoppingOptions(),
        };
        return options.GetType().GetProperty(name)!.GetValue(options)!;
    }

    private static bool Same(string quoted, object actual) => actual switch
    {
        IReadOnlyList<int> widths => quoted == string.Join(",", widths),
        int i => int.TryParse(quoted, CultureInfo.InvariantCulture, out var q) && q == i,
        double d => double.TryParse(quoted, NumberStyles.Float, CultureInfo.InvariantCulture, out var q) && q == d,
        _ => false,
    };

    private static string Text(object value) => value is IReadOnlyList<int> widths ? string.Join(",", widths) : Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
