using Pulumi;
using Ecs = Pulumi.Aws.Ecs;

namespace WidgetStack;

/// <summary>
/// Makes a release that ECS rolled back fail <c>pulumi up</c>. The service waits for a steady
/// state, and a circuit breaker or a deployment alarm that rolls back reaches one too, on the old
/// task definition (the wait is sized for an alarm at the end of its watch and the rollback); so
/// once the service has settled, the task definition it runs is compared with the one this update
/// registered. Nothing is checked under <c>pulumi preview</c>, where neither is known yet.
/// </summary>
internal static class ReleaseGuard
{
    /// <summary>The task definition the service runs, or a failure naming both revisions when it is not <paramref name="registered"/>.</summary>
    public static Output<string> RunningTaskDefinition(Ecs.Service service, Ecs.TaskDefinition registered)
    {
        if (Deployment.Instance.IsDryRun)
        {
            return registered.Arn;
        }

        return Output.Tuple(service.TaskDefinition, registered.Arn, service.Name, service.Cluster).Apply(state =>
        {
            var (running, released, name, cluster) = state;
            return running == released
                ? released
                : throw new RunException(
                    $"{name} rolled back: ECS runs {Revision(running ?? "no task definition")}, not the release {Revision(released)} this update registered. "
                    + "The deployment circuit breaker or a deployment alarm stopped the new tasks; see why in the service's events: "
                    + $"aws ecs describe-services --cluster {cluster} --services {name} --query 'services[0].events[:10]'");
        });
    }

    // arn:aws:ecs:us-east-1:123456789012:task-definition/RocketCityWidgetServer:7 -> RocketCityWidgetServer:7
    private static string Revision(string arn) => arn[(arn.LastIndexOf('/') + 1)..];
}
