using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SynthFixtures.Build;

/// <summary>
/// Trains one model from a reference CSV by running the trainer (<c>SynthFixtures.Trainer</c>) in its own process, so native code
/// (TorchSharp, for neural models) is never loaded into the long-lived MSBuild node. Progress lines from the trainer
/// appear in the build log; its errors are printed in MSBuild's canonical form
/// (<c>file(line,column): error …</c>), which <see cref="ToolTask"/> turns into build errors an IDE can click through.
/// </summary>
public sealed class TrainSynthModel : ToolTask
{
    /// <summary>Path of the trainer: the <c>SynthFixtures.Trainer.dll</c> that <c>dotnet exec</c> runs.</summary>
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

    /// <summary>
    /// The item's model settings as <c>name=value;…</c> (made by the generated SynthFixtures.Settings.targets from the
    /// settings tables); the trainer checks each against the model kind and keeps its defaults for the rest.
    /// </summary>
    public string? Settings { get; set; }

    /// <summary>Optional edited metadata JSON to train with instead of profiling the CSV.</summary>
    public string? MetadataFile { get; set; }

    /// <summary>
    /// Whether <see cref="DataFile"/> is a whole database (a <c>&lt;SynthDatabase&gt;</c> item: a folder of CSVs or a
    /// SQLite file) learned as one multi-table model.
    /// </summary>
    public bool Database { get; set; }

    /// <summary>For a database: relations JSON (keys, sum rules) that adds to the schema or replaces detection in a folder.</summary>
    public string? Relations { get; set; }

    /// <summary>
    /// A file listing the project's C# sources, one a line: the trainer keeps the rules the attributes of the types bound
    /// to this model declare (<c>[GreaterThan]</c>, <c>[Derived]</c>, …). Empty: none.
    /// </summary>
    public string? SourcesFile { get; set; }

    /// <summary>
    /// For a CSV of sequences: the entity column (several separated by <c>;</c> or <c>,</c>); set, the trainer learns a
    /// sequence model (one history per entity) instead of a table of independent rows.
    /// </summary>
    public string? Entity { get; set; }

    /// <summary>For sequences: the column that orders each entity's steps (a date or a number); unset: the file's order.</summary>
    public string? SequenceIndex { get; set; }

    /// <summary>For sequences: the columns constant within an entity (separated by <c>;</c> or <c>,</c>); unset: detected.</summary>
    public string? Context { get; set; }

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
        builder.AppendFileNameIfNotNull(DataFile);
        builder.AppendSwitchIfNotNull("--model ", Model);
        builder.AppendSwitchIfNotNull("--out ", ModelFile);
        builder.AppendSwitchIfNotNull("--seed ", Seed);
        builder.AppendSwitchIfNotNull("--metadata-out ", MetadataOutputFile);
        builder.AppendSwitchIfNotNull("--schema-out ", SchemaOutputFile);
        if (!string.IsNullOrWhiteSpace(MetadataFile)) builder.AppendSwitchIfNotNull("--metadata ", MetadataFile);
        if (Database) builder.AppendSwitch("--database");
        if (!string.IsNullOrWhiteSpace(Relations)) builder.AppendSwitchIfNotNull("--relations ", Relations);
        if (!Database && !string.IsNullOrWhiteSpace(SourcesFile)) builder.AppendSwitchIfNotNull("--sources ", SourcesFile);
        if (!string.IsNullOrWhiteSpace(Settings)) builder.AppendSwitchIfNotNull("--settings ", Settings!.Trim(';', ' '));
        // MSBuild lists are ';'-separated; the trainer takes a comma list.
        if (!string.IsNullOrWhiteSpace(Entity)) builder.AppendSwitchIfNotNull("--entity ", CommaList(Entity!));
        if (!string.IsNullOrWhiteSpace(SequenceIndex)) builder.AppendSwitchIfNotNull("--sequence-index ", SequenceIndex!.Trim());
        if (!string.IsNullOrWhiteSpace(Context)) builder.AppendSwitchIfNotNull("--context ", CommaList(Context!));
        return builder.ToString();
    }

    private static string CommaList(string text) =>
        string.Join(",", text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <inheritdoc />
    public override bool Execute()
    {
        // Never more trainers at once than cores, across parallel builds and projects (libtorch uses every core it is given).
        using var slot = TrainerSlots.Acquire(message => Log.LogMessage(MessageImportance.High, message), ToolCanceled);
        if (!slot.IsHeld) return false;
        var what = Database ? "the database " : string.IsNullOrWhiteSpace(Entity) ? "" : $"the sequences (entity {Entity}) of ";
        Log.LogMessage(MessageImportance.High, $"SynthFixtures: training {Model} on {what}{DataFile} (seed {Seed}) -> {ModelFile}");
        return base.Execute() && !Log.HasLoggedErrors;
    }
}
