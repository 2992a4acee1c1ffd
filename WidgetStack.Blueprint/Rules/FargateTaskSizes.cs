namespace WidgetStack.Blueprint.Rules;

/// <summary>
/// The Fargate (Linux) task sizes AWS accepts: CPU units to the memory sizes (MiB) allowed with
/// them. Anything else fails at deploy time with "Invalid 'cpu' setting for task".
/// </summary>
public static class FargateTaskSizes
{
    /// <summary>CPU units (1024 = 1 vCPU) to the allowed memory sizes in MiB.</summary>
    public static readonly IReadOnlyDictionary<int, IReadOnlyList<int>> MemoryMiBByCpu = new Dictionary<int, IReadOnlyList<int>>
    {
        [256] = [512, 1024, 2048],
        [512] = Steps(1024, 4096, 1024),
        [1024] = Steps(2048, 8192, 1024),
        [2048] = Steps(4096, 16384, 1024),
        [4096] = Steps(8192, 30720, 1024),
        [8192] = Steps(16384, 61440, 4096), // platform 1.4.0+
        [16384] = Steps(32768, 122880, 8192), // platform 1.4.0+
    };

    /// <summary>Whether <paramref name="cpu"/> units with <paramref name="memoryMiB"/> is a Fargate size.</summary>
    public static bool IsValid(int cpu, int memoryMiB) =>
        MemoryMiBByCpu.TryGetValue(cpu, out var memory) && memory.Contains(memoryMiB);

    /// <summary>The allowed memory sizes for <paramref name="cpu"/>, written for a message.</summary>
    public static string DescribeMemoryFor(int cpu)
    {
        var memory = MemoryMiBByCpu[cpu];
        return memory.Count <= 3
            ? string.Join(", ", memory) + " MiB"
            : $"{memory[0]} to {memory[^1]} MiB in steps of {memory[1] - memory[0]}";
    }

    private static int[] Steps(int from, int to, int step) =>
        [.. Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step))];
}
