using WidgetStack.Blueprint.Rules;

namespace WidgetStack.Blueprint.Settings;

/// <summary>CPU architecture of the Fargate task.</summary>
public enum CpuArchitecture
{
    /// <summary>Intel/AMD.</summary>
    X86_64,

    /// <summary>Graviton.</summary>
    ARM64,
}

/// <summary>The widget server's task: image, port, size, capacity and logs.</summary>
/// <param name="Image">The ECR image to run.</param>
/// <param name="ContainerPort">TCP port the server listens on.</param>
/// <param name="Cpu">CPU units (1024 = 1 vCPU).</param>
/// <param name="MemoryMiB">Memory in MiB; a Fargate size with <paramref name="Cpu"/>.</param>
/// <param name="Architecture">CPU architecture.</param>
/// <param name="Spot">Whether tasks run on Fargate Spot capacity.</param>
/// <param name="LogRetentionDays">Days the log group keeps logs.</param>
/// <param name="LogEncryption">Whether the stack's log groups use a KMS key of the stack.</param>
/// <param name="ExecuteCommand">Whether operators may open a shell in a running task (ECS Exec).</param>
public sealed record TaskSettings(
    ImageUri Image, int ContainerPort, int Cpu, int MemoryMiB, CpuArchitecture Architecture, bool Spot, int LogRetentionDays, bool LogEncryption = false, bool ExecuteCommand = false)
{
    /// <summary>TCP ports.</summary>
    public static readonly IntRange Port = new(1, 65535);
}
