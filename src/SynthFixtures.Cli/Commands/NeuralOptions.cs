using System.CommandLine;
using System.Globalization;
using SynthFixtures.Models;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// The <c>train</c> options for tvae and ctgan: which model each applies to, and the checks a value can fail on its
/// own (range, list syntax). Each failure is bad input naming the option. The defaults quoted in the help are the
/// trainers' (<c>TvaeOptions</c>, <c>CtganOptions</c>); they are written out here because reading them would load the
/// training assembly, and with it TorchSharp, for every command (<c>NeuralOptionsHelpTests</c> keeps them equal). Checks between options (CTGAN's batch size against
/// <c>--pac</c>) stay with the trainers' own validation, which <see cref="NeuralTraining"/> reports the same way.
/// </summary>
internal sealed class NeuralOptions
{
    private static readonly string[] BothModels = [ModelKinds.Tvae, ModelKinds.Ctgan];
    private static readonly string[] CtganOnly = [ModelKinds.Ctgan];
    private static readonly string[] TvaeOnly = [ModelKinds.Tvae];

    private readonly List<(Option Option, string[] Models)> _options = [];

    public NeuralOptions()
    {
        Epochs = Add(new Option<int?>("--epochs") { Description = "tvae/ctgan: passes over the data (default 300)." }, BothModels);
        BatchSize = Add(new Option<int?>("--batch-size") { Description = "tvae/ctgan: rows per step (default 500; ctgan: even, a multiple of --pac)." }, BothModels);
        Threads = Add(new Option<int?>("--threads") { Description = "tvae/ctgan: libtorch's intra-op threads (default: libtorch's, one per core; on a busy machine 1 is often faster)." }, BothModels);
        EmbeddingWidth = Add(new Option<int?>("--embedding-width") { Description = "tvae: width of the latent code; ctgan: width of the generator's noise (default 128)." }, BothModels);
        Pac = Add(new Option<int?>("--pac") { Description = "ctgan: rows the discriminator judges together (PacGAN; default 10)." }, CtganOnly);
        DiscriminatorSteps = Add(new Option<int?>("--discriminator-steps") { Description = "ctgan: discriminator updates per generator update (default 1)." }, CtganOnly);
        GeneratorLearningRate = Add(NumberOption("--generator-lr", "ctgan: the generator's Adam learning rate (default 2e-4)."), CtganOnly);
        DiscriminatorLearningRate = Add(NumberOption("--discriminator-lr", "ctgan: the discriminator's Adam learning rate (default 2e-4)."), CtganOnly);
        GeneratorWidths = Add(Widths("--generator-widths", "ctgan: widths of the generator's residual blocks (default 256,256)."), CtganOnly);
        DiscriminatorWidths = Add(Widths("--discriminator-widths", "ctgan: hidden widths of the discriminator (default 256,256)."), CtganOnly);
        LearningRate = Add(NumberOption("--learning-rate", "tvae: Adam's learning rate (default 1e-3)."), TvaeOnly);
        LossFactor = Add(NumberOption("--loss-factor", "tvae: weight of the reconstruction term against the KL term (default 2)."), TvaeOnly);
        EncoderWidths = Add(Widths("--encoder-widths", "tvae: hidden widths of the encoder (default 128,128)."), TvaeOnly);
        DecoderWidths = Add(Widths("--decoder-widths", "tvae: hidden widths of the decoder (default 128,128)."), TvaeOnly);
        EarlyStopping = Add(new Option<bool>("--early-stopping")
        {
            Description = "tvae/ctgan: hold out --validation-fraction of the rows, score a sample of the network against them every --check-every epochs "
                + "(column shapes), stop after --patience checks without a gain, and keep the best check's weights.",
        }, BothModels);
        ValidationFraction = Add(NumberOption("--validation-fraction", "with --early-stopping: share of rows held out for the check, chosen with --seed (default 0.1)."), BothModels);
        CheckEvery = Add(new Option<int?>("--check-every") { Description = "with --early-stopping: epochs between checks; the last epoch is always checked (default 5)." }, BothModels);
        Patience = Add(new Option<int?>("--patience") { Description = "with --early-stopping: checks in a row without a gain before stopping (default 3)." }, BothModels);
        ValidationRows = Add(new Option<int?>("--validation-rows") { Description = "with --early-stopping: rows sampled from the network at each check (default 2000)." }, BothModels);
        MinImprovement = Add(NumberOption("--min-improvement", "with --early-stopping: how much a check must beat the best score to count as a gain (default 0)."), BothModels);
    }

    public Option<int?> Epochs { get; }

    public Option<int?> BatchSize { get; }

    public Option<int?> Threads { get; }

    public Option<int?> EmbeddingWidth { get; }

    public Option<int?> Pac { get; }

    public Option<int?> DiscriminatorSteps { get; }

    public Option<string?> GeneratorLearningRate { get; }

    public Option<string?> DiscriminatorLearningRate { get; }

    public Option<string?> GeneratorWidths { get; }

    public Option<string?> DiscriminatorWidths { get; }

    public Option<string?> LearningRate { get; }

    public Option<string?> LossFactor { get; }

    public Option<string?> EncoderWidths { get; }

    public Option<string?> DecoderWidths { get; }

    public Option<bool> EarlyStopping { get; }

    public Option<string?> ValidationFraction { get; }

    public Option<int?> CheckEvery { get; }

    public Option<int?> Patience { get; }

    public Option<int?> ValidationRows { get; }

    public Option<string?> MinImprovement { get; }

    /// <summary>Every option, in help order.</summary>
    public IEnumerable<Option> All => _options.Select(o => o.Option);

    /// <summary>The settings given for <paramref name="kind"/>.</summary>
    /// <exception cref="SynthDataException">An option does not apply to <paramref name="kind"/>, or a value is out of range or malformed.</exception>
    public NeuralSettings Read(ParseResult parse, string kind)
    {
        RejectInapplicable(parse, kind);
        return new NeuralSettings
        {
            Epochs = AtLeast(parse, Epochs, 0, "a number of epochs, 0 or more, e.g. --epochs 300"),
            BatchSize = AtLeast(parse, BatchSize, 2, "at least 2 rows per step, e.g. --batch-size 500"),
            Threads = AtLeast(parse, Threads, 1, "at least 1 thread, e.g. --threads 1"),
            EmbeddingWidth = AtLeast(parse, EmbeddingWidth, 1, "a positive width, e.g. --embedding-width 128"),
            Pac = AtLeast(parse, Pac, 1, "at least 1 row per pack, e.g. --pac 10"),
            DiscriminatorSteps = AtLeast(parse, DiscriminatorSteps, 1, "at least 1 step, e.g. --discriminator-steps 1"),
            GeneratorLearningRate = PositiveNumber(parse, GeneratorLearningRate, "2e-4"),
            DiscriminatorLearningRate = PositiveNumber(parse, DiscriminatorLearningRate, "2e-4"),
            GeneratorWidths = WidthList(parse, GeneratorWidths, "256,256"),
            DiscriminatorWidths = WidthList(parse, DiscriminatorWidths, "256,256"),
            LearningRate = PositiveNumber(parse, LearningRate, "1e-3"),
            LossFactor = PositiveNumber(parse, LossFactor, "2"),
            EncoderWidths = WidthList(parse, EncoderWidths, "128,128"),
            DecoderWidths = WidthList(parse, DecoderWidths, "128,128"),
            EarlyStopping = ReadEarlyStopping(parse),
        };
    }

    private EarlyStoppingSettings? ReadEarlyStopping(ParseResult parse)
    {
        var tuning = new Option[] { ValidationFraction, CheckEvery, Patience, ValidationRows, MinImprovement }
            .Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (!parse.GetValue(EarlyStopping))
        {
            if (tuning.Count == 0) return null;
            throw new SynthDataException($"{Join(tuning)} {(tuning.Count == 1 ? "needs" : "need")} --early-stopping.",
                hint: $"Add --early-stopping, or drop {(tuning.Count == 1 ? "it" : "them")}.");
        }
        return new EarlyStoppingSettings
        {
            ValidationFraction = Number(parse, ValidationFraction, "0.1", v => v > 0 && v < 1, "between 0 and 1 (exclusive)"),
            CheckEvery = AtLeast(parse, CheckEvery, 1, "at least 1 epoch between checks, e.g. --check-every 5"),
            Patience = AtLeast(parse, Patience, 1, "at least 1 check, e.g. --patience 3"),
            SampleRows = AtLeast(parse, ValidationRows, 1, "at least 1 row, e.g. --validation-rows 2000"),
            MinImprovement = Number(parse, MinImprovement, "0.001", v => v >= 0 && v < 1, "at least 0 and below 1"),
        };
    }

    private Option<T> Add<T>(Option<T> option, string[] models)
    {
        _options.Add((option, models));
        return option;
    }

    // Numbers are read as text and parsed in the invariant culture (see Number), with a clear message for a typo.
    private static Option<string?> NumberOption(string name, string description) => new(name) { Description = description, HelpName = "number" };

    private static Option<string?> Widths(string name, string description) => new(name) { Description = description, HelpName = "w1,w2,…" };

    private void RejectInapplicable(ParseResult parse, string kind)
    {
        var given = _options.Where(o => !o.Models.Contains(kind) && parse.GetResult(o.Option) is { Implicit: false }).ToList();
        if (given.Count == 0) return;
        // Grouped by the models they do apply to, so the message reads "--pac and --generator-lr apply to ctgan only".
        var groups = given.GroupBy(o => string.Join(" and ", o.Models), o => o.Option.Name)
            .Select(g => $"{Join(g.ToList())} {(g.Count() == 1 ? "applies" : "apply")} to {g.Key} only");
        var models = given.SelectMany(o => o.Models).Distinct().Select(m => $"--model {m}");
        throw new SynthDataException($"{string.Join("; ", groups)}, not to --model {kind}.",
            hint: $"Drop {(given.Count == 1 ? "it" : "them")}, or use {string.Join(" or ", models)}.");
    }

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static int? AtLeast(ParseResult parse, Option<int?> option, int minimum, string expected) =>
        parse.GetValue(option) is { } value && value < minimum
            ? throw new SynthDataException($"{option.Name} {value} is out of range.", hint: $"Give {expected}.")
            : parse.GetValue(option);

    private static double? PositiveNumber(ParseResult parse, Option<string?> option, string example) =>
        Number(parse, option, example, v => v > 0, "positive");

    private static double? Number(ParseResult parse, Option<string?> option, string example, Func<double, bool> inRange, string range)
    {
        if (parse.GetValue(option) is not { } text) return null;
        // Invariant culture: "2e-4" and "0.001" mean the same on every machine, whatever its locale.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw new SynthDataException($"{option.Name} '{text}' is not a number.", hint: $"Write it like {option.Name} {example}.");
        if (!inRange(value)) throw new SynthDataException($"{option.Name} {text} is out of range: it must be {range}.", hint: $"Write it like {option.Name} {example}.");
        return value;
    }

    private static int[]? WidthList(ParseResult parse, Option<string?> option, string example)
    {
        if (parse.GetValue(option) is not { } text) return null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var widths = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out widths[i]) || widths[i] < 1)
                throw new SynthDataException($"{option.Name} '{text}' is not a list of layer widths: '{parts[i]}' is not a positive whole number.",
                    hint: $"Give one or more positive widths separated by commas, e.g. {option.Name} {example}.");
        return widths;
    }
}
