using SynthFixtures.Trainer;

return TrainerApp.Run(args, Console.Error, CancellationToken.None);
