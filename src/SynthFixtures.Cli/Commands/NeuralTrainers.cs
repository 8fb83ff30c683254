using SynthFixtures.Modeling;
using SynthFixtures.Modeling.Sequences;
using SynthFixtures.Training.Sequences;
using SynthFixtures.Training;

namespace SynthFixtures.Cli.Commands;

/// <summary>
/// The only code in the CLI that reaches SynthFixtures.Training and so TorchSharp. .NET loads an assembly when a method
/// using it is first compiled, and the <c>AddTo</c> overloads only hand the registry factories that call <see cref="Create"/>
/// and <see cref="CreateText"/>, so <c>train --model gaussiancopula</c> without learned text, <c>sample</c> and
/// <c>evaluate</c> never load libtorch.
/// </summary>
internal static class NeuralTrainers
{
    /// <summary><paramref name="trainers"/> with a trainer for every kind that trains with TorchSharp, and the learned text trainer.</summary>
    public static ModelTrainers AddTo(ModelTrainers trainers)
    {
        foreach (var kind in trainers.Catalog.Kinds.Where(k => k.TrainsWithTorch))
            trainers = trainers.With(kind.Name, () => Create(kind.Name));
        return trainers.WithTextTrainer(CreateText);
    }

    /// <summary><paramref name="trainers"/> with the sequence step kinds that train with TorchSharp (par).</summary>
    public static SequenceStepTrainers AddTo(SequenceStepTrainers trainers)
    {
        foreach (var kind in ModelCatalog.SequenceKinds.Kinds.Where(k => k.TrainsWithTorch))
            trainers = trainers.With(kind, () => CreateStep(kind.Name));
        return trainers;
    }

    private static ISequenceStepTrainer CreateStep(string kind) => NeuralSequenceTrainers.AddTo(SequenceStepTrainers.Core).Create(kind);

    private static IModelTrainer Create(string kind) => NeuralModelTrainers.All.For(NeuralModelTrainers.All.Catalog.Find(kind));

    private static ITextModelTrainer CreateText() => NeuralModelTrainers.All.CreateTextTrainer()
        ?? throw new InvalidOperationException("SynthFixtures.Training registers no text model trainer.");
}
