namespace WidgetStack.Blueprint.Rules;

/// <summary>
/// How the ECS rolling-update controller sizes a deployment: it keeps
/// ceil(N × minimumHealthyPercent / 100) tasks running and allows floor(N × maximumPercent / 100).
/// If it can neither start a task above N nor stop one below N, the deployment is stuck.
/// </summary>
public static class RollingDeployment
{
    /// <summary>Tasks ECS keeps running while it replaces <paramref name="replicas"/> tasks.</summary>
    public static int TasksKeptRunning(int replicas, int minHealthyPercent) =>
        (int)Math.Ceiling(replicas * minHealthyPercent / 100.0);

    /// <summary>Tasks ECS allows at once while it replaces <paramref name="replicas"/> tasks.</summary>
    public static int TasksAllowed(int replicas, int maxPercent) =>
        (int)Math.Floor(replicas * maxPercent / 100.0);

    /// <summary>
    /// Whether ECS can stop or start at least one task, so that a deploy makes progress. Once true
    /// for N replicas it is true for every larger N: floor(N × max / 100) - N and
    /// N - ceil(N × min / 100) never shrink as N grows.
    /// </summary>
    public static bool CanProgress(int replicas, int minHealthyPercent, int maxPercent) =>
        TasksAllowed(replicas, maxPercent) > replicas || TasksKeptRunning(replicas, minHealthyPercent) < replicas;

    /// <summary>
    /// The deployment circuit breaker's failure threshold: 0.5 × desired count, clamped to 3-200 tasks.
    /// </summary>
    public static int CircuitBreakerThreshold(int replicas) =>
        Math.Clamp((int)Math.Ceiling(replicas * 0.5), 3, 200);
}
