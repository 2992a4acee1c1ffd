using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(WidgetStack.Benchmarks.BlueprintBenchmarks).Assembly).Run(args);
