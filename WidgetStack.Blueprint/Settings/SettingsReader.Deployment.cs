using WidgetStack.Blueprint.Rules;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Settings;

// The part of the settings reader that reads the replica count and autoscaling, and how deploys replace tasks.
public static partial class SettingsReader
{
    private static readonly Dictionary<string, DeploymentStrategy> StrategyChoices = new()
    {
        ["rolling"] = DeploymentStrategy.Rolling,
        ["blueGreen"] = DeploymentStrategy.BlueGreen,
        ["linear"] = DeploymentStrategy.Linear,
        ["canary"] = DeploymentStrategy.Canary,
    };

    private static ScalingSettings ReadScaling(ConfigReader reader)
    {
        var replicas = reader.Integer(K.Replicas, ScalingSettings.ReplicaCount, "tasks");
        var autoscaling = reader.Boolean(K.Autoscaling);
        var min = reader.Integer(K.MinReplicas, ScalingSettings.ReplicaCount, "tasks");
        var max = reader.Integer(K.MaxReplicas, ScalingSettings.ReplicaCount, "tasks");
        var target = reader.Integer(K.CpuTargetPercent, ScalingSettings.CpuTarget, "percent");
        var requests = reader.Integer(K.RequestsPerTarget, ScalingSettings.RequestTarget, "requests per minute per task");
        if (autoscaling && reader.AllValid(K.Replicas, K.MinReplicas, K.MaxReplicas, K.Autoscaling))
        {
            if (min > replicas)
            {
                reader.Fail(K.MinReplicas, $"above {K.Qualified(K.Replicas)} = {replicas}", $"1 to {replicas} tasks");
            }

            if (max < replicas)
            {
                reader.Fail(K.MaxReplicas, $"below {K.Qualified(K.Replicas)} = {replicas}", $"{replicas} to {ScalingSettings.ReplicaCount.Max} tasks");
            }
        }

        return new ScalingSettings(replicas, autoscaling, min, max, target, requests);
    }

    private static DeploymentSettings ReadDeployment(ConfigReader reader, ScalingSettings scaling)
    {
        var strategy = reader.Choice(K.DeploymentStrategy, StrategyChoices);
        var minHealthy = reader.Integer(K.MinHealthyPercent, DeploymentSettings.MinHealthy, "percent");
        var max = reader.Integer(K.MaxPercent, DeploymentSettings.Max, "percent");
        var breaker = reader.Boolean(K.CircuitBreaker);
        var rollback = reader.Boolean(K.CircuitBreakerRollback);
        var bake = reader.Integer(K.BakeTimeMinutes, DeploymentSettings.BakeTime, "minutes");
        var grace = reader.Integer(K.HealthCheckGracePeriodSeconds, DeploymentSettings.GracePeriod, "seconds");
        var stepPercent = reader.Decimal(K.LinearStepPercent, DeploymentSettings.LinearStep, "percent");
        var stepBake = reader.Integer(K.LinearStepBakeMinutes, DeploymentSettings.ShiftBake, "minutes");
        var canaryPercent = reader.Decimal(K.CanaryPercent, DeploymentSettings.Canary, "percent");
        var canaryBake = reader.Integer(K.CanaryBakeMinutes, DeploymentSettings.ShiftBake, "minutes");
        var defaults = DeploymentSettings.Defaults;
        RefuseUnused(reader, strategy, K.BakeTimeMinutes, bake != defaults.BakeTimeMinutes, s => s.ShiftsTraffic(), "blueGreen, linear or canary");
        RefuseUnused(reader, strategy, K.LinearStepPercent, stepPercent != defaults.LinearStepPercent, s => s == DeploymentStrategy.Linear, "linear");
        RefuseUnused(reader, strategy, K.LinearStepBakeMinutes, stepBake != defaults.LinearStepBakeMinutes, s => s == DeploymentStrategy.Linear, "linear");
        RefuseUnused(reader, strategy, K.CanaryPercent, canaryPercent != defaults.CanaryPercent, s => s == DeploymentStrategy.Canary, "canary");
        RefuseUnused(reader, strategy, K.CanaryBakeMinutes, canaryBake != defaults.CanaryBakeMinutes, s => s == DeploymentStrategy.Canary, "canary");

        if (rollback && !breaker && reader.AllValid(K.CircuitBreaker, K.CircuitBreakerRollback))
        {
            if (reader.IsDefault(K.CircuitBreakerRollback))
            {
                // The stack turned the breaker off and never set rollback: blame what it set, and say what else to set.
                reader.Fail(
                    K.CircuitBreaker,
                    $"turns the circuit breaker off, while {K.Qualified(K.CircuitBreakerRollback)} keeps its default, true, which needs it",
                    $"true, or set {K.Qualified(K.CircuitBreakerRollback)}: false as well");
            }
            else
            {
                reader.Fail(
                    K.CircuitBreakerRollback,
                    $"true needs {K.Qualified(K.CircuitBreaker)} = true",
                    $"false (set {K.Qualified(K.CircuitBreakerRollback)}: false), or turn {K.Qualified(K.CircuitBreaker)} on");
            }
        }

        // Progress only gets easier with more replicas (RollingDeployment), so the fewest the
        // service may run is the count that decides for the whole range.
        var stuck = scaling.Fewest;
        if (strategy == DeploymentStrategy.Rolling
            && reader.AllValid(K.MinHealthyPercent, K.MaxPercent, K.Replicas, K.MinReplicas, K.MaxReplicas)
            && !RollingDeployment.CanProgress(stuck, minHealthy, max))
        {
            reader.Fail(
                K.MinHealthyPercent,
                $"with {K.Qualified(K.MaxPercent)} = {max}, a rolling deploy of {stuck} replica(s) keeps "
                + $"{RollingDeployment.TasksKeptRunning(stuck, minHealthy)} and allows {RollingDeployment.TasksAllowed(stuck, max)} tasks, "
                + "so ECS can neither stop nor start one and the deploy stalls",
                $"percents that let ECS stop or start at least one task for every replica count from {scaling.Fewest} to {scaling.Most} (e.g. 50 with maxPercent 200)");
        }

        if (scaling.RequestsPerTarget > 0 && reader.AllValid(K.RequestsPerTarget, K.Autoscaling, K.DeploymentStrategy))
        {
            if (!scaling.Autoscaling)
            {
                reader.Fail(K.RequestsPerTarget, $"set while {K.Qualified(K.Autoscaling)} is false", $"0, or turn {K.Qualified(K.Autoscaling)} on");
            }
            else if (strategy.ShiftsTraffic())
            {
                reader.Fail(
                    K.RequestsPerTarget,
                    $"set with {K.Qualified(K.DeploymentStrategy)} = {Word(strategy)}, where ECS swaps the production target group on every deploy and a request target would follow the wrong one",
                    $"0 with {K.Qualified(K.DeploymentStrategy)} = {Word(strategy)} (CPU tracking still scales)");
            }
        }

        return new DeploymentSettings(strategy, minHealthy, max, breaker, rollback, bake, grace, stepPercent, stepBake, canaryPercent, canaryBake);
    }

    private static string Word(DeploymentStrategy strategy) => StrategyChoices.Single(pair => pair.Value == strategy).Key;

    /// <summary>
    /// A strategy's own setting left at a value other than Pulumi.yaml's default under a strategy
    /// that does not use it is a mistake, not a choice: refused, naming the strategies that use it.
    /// </summary>
    private static void RefuseUnused(ConfigReader reader, DeploymentStrategy strategy, string key, bool changed, Func<DeploymentStrategy, bool> uses, string users)
    {
        if (changed && !uses(strategy) && reader.AllValid(key, K.DeploymentStrategy))
        {
            reader.Fail(key, $"set while {K.Qualified(K.DeploymentStrategy)} is {Word(strategy)}, which does not use it", $"the default, or {K.Qualified(K.DeploymentStrategy)} = {users}");
        }
    }
}
