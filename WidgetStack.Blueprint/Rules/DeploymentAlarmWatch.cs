namespace WidgetStack.Blueprint.Rules;

/// <summary>
/// How long ECS keeps watching a deployment's CloudWatch alarms once the new tasks are up and the old
/// ones are gone: the bake time of a deployment with deployment alarms, which it adds to every rolling
/// deployment (and spends on the alarms under blue/green).
/// </summary>
/// <remarks>
/// What AWS documents: ECS "computes this time period based on the alarm configuration associated
/// with the deployment. You can't set this value." (ECS developer guide, "How CloudWatch alarms detect
/// Amazon ECS deployment failures",
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html); the
/// guide gives no formula. ECS's own team describes it as the alarms' evaluation time, the longest of
/// them when they differ (AWS Copilot, https://github.com/aws/copilot-cli/pull/4294). An alarm's
/// evaluation time is its period multiplied by its evaluation periods (CloudWatch PutMetricAlarm API
/// reference, Period: "Period multiplied by EvaluationPeriods",
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
/// So the estimate takes the longest evaluation periods x period of the service's alarms.
/// </remarks>
public static class DeploymentAlarmWatch
{
    /// <summary>
    /// Seconds ECS watches alarms that fire after <paramref name="evaluationPeriods"/> breaching
    /// periods of <paramref name="periodSeconds"/> each.
    /// </summary>
    public static int Seconds(int evaluationPeriods, int periodSeconds) => evaluationPeriods * periodSeconds;
}
