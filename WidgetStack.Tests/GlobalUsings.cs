global using NUnit.Framework;
global using WidgetStack.Transitions;

// The Pulumi SDK's test runtime is process-wide: its tests must not run in parallel.
[assembly: NonParallelizable]
