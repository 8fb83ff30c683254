using SynthFixtures.Modeling.Neural;

namespace SynthFixtures.Training.Validation;

/// <summary>
/// The trainers' side of early stopping: decides which epochs are checked, scores a snapshot of the network there,
/// keeps the best snapshot and counts checks without improvement. Snapshots are exported copies (pure-C# weights),
/// so keeping the best needs no second set of libtorch tensors and restoring it is returning it.
/// </summary>
/// <typeparam name="TModel">The trainer's exported model (<c>TvaeModel</c>, <c>CtganModel</c>).</typeparam>
internal sealed class EarlyStoppingMonitor<TModel> where TModel : class
{
    private readonly EarlyStoppingOptions? _options;
    private readonly int _epochs;
    private readonly Func<TModel, double>? _score;
    private int _checksWithoutImprovement;
    private int _checks;

    /// <exception cref="ArgumentException">Early stopping is set without a score, or a score is given without early stopping.</exception>
    public EarlyStoppingMonitor(EarlyStoppingOptions? options, int epochs, Func<TModel, double>? score)
    {
        if ((options is null) != (score is null))
            throw new ArgumentException(options is null
                ? "A validation score was given but EarlyStopping is not set."
                : "EarlyStopping is set but no validation score was given (the synthesizers supply one).", nameof(score));
        _options = options;
        _epochs = epochs;
        _score = score;
    }

    /// <summary>The best snapshot so far; <c>null</c> before the first check (or without early stopping).</summary>
    public TModel? Best { get; private set; }

    /// <summary>Whether patience has run out.</summary>
    public bool ShouldStop => _options is { } options && _checksWithoutImprovement >= options.Patience;

    private int BestEpoch { get; set; }

    private double? BestScore { get; set; }

    /// <summary>After epoch <paramref name="epoch"/> (from 1): scores <paramref name="snapshot"/>() when a check is due.</summary>
    /// <returns>The check's score, or <c>null</c> when this epoch is not checked.</returns>
    public double? AfterEpoch(int epoch, Func<TModel> snapshot)
    {
        if (_options is not { } options || (epoch % options.CheckEvery != 0 && epoch != _epochs)) return null;
        var candidate = snapshot();
        var score = _score!(candidate);
        _checks++;
        if (BestScore is not { } best || score > best + options.MinImprovement)
        {
            (Best, BestEpoch, BestScore) = (candidate, epoch, score);
            _checksWithoutImprovement = 0;
        }
        else _checksWithoutImprovement++;
        return score;
    }

    /// <summary>What happened, after <paramref name="epochsTrained"/> epochs; <c>null</c> without early stopping.</summary>
    public EarlyStoppingOutcome? Outcome(int epochsTrained) => _options is null
        ? null
        : new EarlyStoppingOutcome(BestScore is null ? epochsTrained : BestEpoch, BestScore, epochsTrained, ShouldStop && epochsTrained < _epochs, _checks);
}
