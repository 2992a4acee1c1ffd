namespace WidgetStack.Blueprint.Settings;

/// <summary>How many tasks run: a fixed count, or a CPU-driven range around it.</summary>
/// <param name="Replicas">Desired count at deploy time.</param>
/// <param name="Autoscaling">Whether the count follows CPU between the bounds.</param>
/// <param name="MinReplicas">Autoscaling floor, tasks.</param>
/// <param name="MaxReplicas">Autoscaling ceiling, tasks.</param>
/// <param name="CpuTargetPercent">Average CPU utilisation the autoscaler aims at, percent.</param>
/// <param name="RequestsPerTarget">Requests per minute per task the autoscaler also aims at; 0 for none.</param>
public sealed record ScalingSettings(int Replicas, bool Autoscaling, int MinReplicas, int MaxReplicas, int CpuTargetPercent, int RequestsPerTarget = 0)
{
    /// <summary>Requests per minute per task: 0 (off) or up to 100,000.</summary>
    public static readonly IntRange RequestTarget = new(0, 100_000);

    /// <summary>Tasks per service this program accepts (ECS allows up to 5,000 per service).</summary>
    public static readonly IntRange ReplicaCount = new(1, 1000);

    /// <summary>CPU target, percent: below 10 scales out on noise, above 90 leaves no headroom.</summary>
    public static readonly IntRange CpuTarget = new(10, 90);

    /// <summary>The smallest count the service may run.</summary>
    public int Fewest => Autoscaling ? MinReplicas : Replicas;

    /// <summary>The largest count the service may run.</summary>
    public int Most => Autoscaling ? MaxReplicas : Replicas;
}
