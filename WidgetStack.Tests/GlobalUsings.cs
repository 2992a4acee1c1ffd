global using NUnit.Framework;

// The Pulumi SDK's test runtime is process-wide: its tests must not run in parallel.
[assembly: NonParallelizable]
