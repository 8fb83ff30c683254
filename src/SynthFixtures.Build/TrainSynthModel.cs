using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SynthFixtures.Build;

/// <summary>
/// Trains one model from a reference CSV by running <c>synthfixtures train</c> in its own process, so native code
/// (TorchSharp, for neural models) is never loaded into the long-lived MSBuild node. Progress lines from the trainer
/// appear in the build log; its errors are printed in MSBuild's canonical form
/// (<c>file(line,column): error …</c>), which <see cref="ToolTask"/> turns into build errors an IDE can click through.
/// </summary>
public sealed class TrainSynthModel : ToolTask
{
    /// <summary>Path of the trainer: the <c>SynthFixtures.Cli.dll</c> that <c>dotnet exec</c> runs.</summary>
    [Required]
    public string TrainerAssembly { get; set; } = "";

    /// <summary>The reference CSV.</summary>
    [Required]
    public string DataFile { get; set; } = "";

    /// <summary>Where the <c>.synth</c> model goes (under <c>obj/</c>).</summary>
    [Required]
    public string ModelFile { get; set; } = "";

    /// <summary>Where the model's column metadata JSON goes (what it was trained with, for reproducing the training).</summary>
    [Required]
    public string MetadataOutputFile { get; set; } = "";

    /// <summary>Where the model's schema goes (handed to the source generator as an additional file).</summary>
    [Required]
    public string SchemaOutputFile { get; set; } = "";

    /// <summary>Model kind (<c>gaussiancopula</c>, <c>tvae</c> or <c>ctgan</c>).</summary>
    public string Model { get; set; } = "gaussiancopula";

    /// <summary>Training seed.</summary>
    public string Seed { get; set; } = "1";

    /// <summary>tvae/ctgan: passes over the data (the trainer's default when empty).</summary>
    public string? Epochs { get; set; }

    /// <summary>tvae/ctgan: rows per step (the trainer's default when empty).</summary>
    public string? BatchSize { get; set; }

    /// <summary>tvae/ctgan: libtorch's intra-op threads (<c>--threads</c>).</summary>
    public string? Threads { get; set; }

    /// <summary>tvae: latent width; ctgan: noise width (<c>--embedding-width</c>).</summary>
    public string? EmbeddingWidth { get; set; }

    /// <summary>ctgan: rows per discriminator pack (<c>--pac</c>).</summary>
    public string? Pac { get; set; }

    /// <summary>ctgan: discriminator updates per generator update (<c>--discriminator-steps</c>).</summary>
    public string? DiscriminatorSteps { get; set; }

    /// <summary>ctgan: the generator's learning rate (<c>--generator-lr</c>).</summary>
    public string? GeneratorLearningRate { get; set; }

    /// <summary>ctgan: the discriminator's learning rate (<c>--discriminator-lr</c>).</summary>
    public string? DiscriminatorLearningRate { get; set; }

    /// <summary>ctgan: residual block widths, e.g. <c>256,256</c> (<c>--generator-widths</c>).</summary>
    public string? GeneratorWidths { get; set; }

    /// <summary>ctgan: discriminator hidden widths (<c>--discriminator-widths</c>).</summary>
    public string? DiscriminatorWidths { get; set; }

    /// <summary>tvae: learning rate (<c>--learning-rate</c>).</summary>
    public string? LearningRate { get; set; }

    /// <summary>tvae: reconstruction weight (<c>--loss-factor</c>).</summary>
    public string? LossFactor { get; set; }

    /// <summary>tvae: encoder hidden widths (<c>--encoder-widths</c>).</summary>
    public string? EncoderWidths { get; set; }

    /// <summary>tvae: decoder hidden widths (<c>--decoder-widths</c>).</summary>
    public string? DecoderWidths { get; set; }

    /// <summary>tvae/ctgan: <c>true</c> turns on early stopping (<c>--early-stopping</c>); empty or <c>false</c>: off.</summary>
    public string? EarlyStopping { get; set; }

    /// <summary>Early stopping: share of rows held out (<c>--validation-fraction</c>).</summary>
    public string? ValidationFraction { get; set; }

    /// <summary>Early stopping: epochs between checks (<c>--check-every</c>).</summary>
    public string? CheckEvery { get; set; }

    /// <summary>Early stopping: checks without a gain before stopping (<c>--patience</c>).</summary>
    public string? Patience { get; set; }

    /// <summary>Early stopping: rows sampled per check (<c>--validation-rows</c>).</summary>
    public string? ValidationRows { get; set; }

    /// <summary>Early stopping: the smallest gain that counts (<c>--min-improvement</c>).</summary>
    public string? MinImprovement { get; set; }

    /// <summary>Optional edited metadata JSON to train with instead of profiling the CSV.</summary>
    public string? MetadataFile { get; set; }

    /// <inheritdoc />
    protected override string ToolName => "dotnet";

    /// <summary>Progress from the trainer's standard error is worth seeing at normal verbosity.</summary>
    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    /// <inheritdoc />
    protected override string GenerateFullPathToTool()
    {
        // Inside 'dotnet build' MSBuild tells tasks which host runs it; fall back to the one on PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return string.IsNullOrEmpty(host) ? ToolName : host!;
    }

    /// <inheritdoc />
    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendSwitch("exec");
        builder.AppendFileNameIfNotNull(TrainerAssembly);
        builder.AppendSwitch("train");
        builder.AppendFileNameIfNotNull(DataFile);
        builder.AppendSwitchIfNotNull("--model ", Model);
        builder.AppendSwitchIfNotNull("--out ", ModelFile);
        builder.AppendSwitchIfNotNull("--seed ", Seed);
        builder.AppendSwitchIfNotNull("--metadata-out ", MetadataOutputFile);
        builder.AppendSwitchIfNotNull("--schema-out ", SchemaOutputFile);
        if (!string.IsNullOrWhiteSpace(MetadataFile)) builder.AppendSwitchIfNotNull("--metadata ", MetadataFile);
        // Only what the item sets: the trainer keeps its defaults, and checks that a setting fits the model (exit 2 otherwise).
        foreach (var (name, value) in NeuralSwitches())
            if (!string.IsNullOrWhiteSpace(value)) builder.AppendSwitchIfNotNull(name + " ", value!.Trim());
        if (string.Equals(EarlyStopping?.Trim(), "true", StringComparison.OrdinalIgnoreCase)) builder.AppendSwitch("--early-stopping");
        return builder.ToString();
    }

    private (string Switch, string? Value)[] NeuralSwitches() =>
    [
        ("--epochs", Epochs), ("--batch-size", BatchSize), ("--threads", Threads), ("--embedding-width", EmbeddingWidth),
        ("--pac", Pac), ("--discriminator-steps", DiscriminatorSteps), ("--generator-lr", GeneratorLearningRate),
        ("--discriminator-lr", DiscriminatorLearningRate), ("--generator-widths", GeneratorWidths), ("--discriminator-widths", DiscriminatorWidths),
        ("--learning-rate", LearningRate), ("--loss-factor", LossFactor), ("--encoder-widths", EncoderWidths), ("--decoder-widths", DecoderWidths),
        ("--validation-fraction", ValidationFraction), ("--check-every", CheckEvery), ("--patience", Patience),
        ("--validation-rows", ValidationRows), ("--min-improvement", MinImprovement),
    ];

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!string.IsNullOrWhiteSpace(EarlyStopping) && !bool.TryParse(EarlyStopping!.Trim(), out _))
        {
            Log.LogError($"SynthModel {DataFile}: EarlyStopping=\"{EarlyStopping}\" is neither true nor false.");
            return false;
        }
        using var slot = TrainerSlots.Acquire(message => Log.LogMessage(MessageImportance.High, message), ToolCanceled);
        Log.LogMessage(MessageImportance.High, $"SynthFixtures: training {Model} on {DataFile} (seed {Seed}) -> {ModelFile}");
        return base.Execute() && !Log.HasLoggedErrors;
    }
}
