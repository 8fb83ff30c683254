using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project tests/SynthFixtures.Benchmarks -- --filter '*'
// Quick check: add --job short (or --job dry for a smoke run).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
