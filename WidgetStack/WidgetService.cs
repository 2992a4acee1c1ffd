using System.Collections.Immutable;
using System.Text.Json;
using Pulumi;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;
using Aws = Pulumi.Aws;
using Ecs = Pulumi.Aws.Ecs;
using Iam = Pulumi.Aws.Iam;

namespace WidgetStack;

/// <summary>What the service needs from the rest of the stack.</summary>
/// <param name="Design">Cluster, task and deployment.</param>
/// <param name="Iam">Roles.</param>
/// <param name="Region">Region of the log group (awslogs needs it).</param>
/// <param name="PrivateSubnetIds">Subnets of the tasks.</param>
/// <param name="TaskGroupId">The tasks' security group.</param>
/// <param name="LoadBalancer">Target groups and the routing the service must wait for.</param>
/// <param name="Monitoring">The alarms the service rolls a deployment back on.</param>
/// <param name="AccountRootArn">The account, which administers the stack's keys.</param>
/// <param name="LogKeyArn">The KMS key the task log group is encrypted with, or null for CloudWatch's own.</param>
public sealed record WidgetServiceArgs(
    ServiceDesign Design,
    IamDesign Iam,
    string Region,
    Output<ImmutableArray<string>> PrivateSubnetIds,
    Input<string> TaskGroupId,
    LoadBalancer LoadBalancer,
    Monitoring Monitoring,
    string AccountRootArn,
    Output<string>? LogKeyArn = null);

/// <summary>
/// The ECS cluster, the task log group, the roles, the task definition of family
/// RocketCityWidgetServer and the Fargate service WidgetService behind the load balancer.
/// </summary>
public sealed class WidgetService : ComponentResource
{
    /// <summary>Cluster name.</summary>
    [Output]
    public Output<string> ClusterName { get; private set; }

    /// <summary>Service name.</summary>
    [Output]
    public Output<string> ServiceName { get; private set; }

    /// <summary>
    /// The task definition the service runs once the deployment settled; a <c>pulumi up</c> whose
    /// release ECS rolled back fails while resolving it.
    /// </summary>
    [Output]
    public Output<string> RunningTaskDefinition { get; private set; }

    /// <summary>
    /// The options the service was registered with: what it waits for and what it leaves to AWS
    /// (kept here because neither reaches the engine's mocks).
    /// </summary>
    public CustomResourceOptions ServiceOptions { get; }

    /// <summary>Builds the service of <paramref name="args"/>.</summary>
    public WidgetService(string name, WidgetServiceArgs args, ComponentResourceOptions? options = null)
        : base("widget:service:WidgetService", name, options)
    {
        var design = args.Design;
        var child = new CustomResourceOptions { Parent = this };

        var arns = new Dictionary<string, Output<string>>();
        var clusterArgs = new Ecs.ClusterArgs
        {
            Settings = { new Ecs.Inputs.ClusterSettingArgs { Name = "containerInsights", Value = ServiceDesign.ContainerInsights } },
        };
        if (design.Exec is { } exec)
        {
            // The sessions' own key: the account administers it; the task role decrypts with it through its IAM policy.
            var execKey = StackKey.Create(exec.KeyName, "Encrypts the widget stack's ECS Exec sessions", args.AccountRootArn, serviceStatement: null, this, exec.Retain);
            var execLogs = new Aws.CloudWatch.LogGroup("widget-exec-logs", LogGroups.Args(exec.LogGroupName, design.Task.Logs.RetentionDays, exec.LogsEncrypted ? args.LogKeyArn : null), LogGroups.Options(this, exec.Retain));
            arns[exec.KeyName] = execKey.Arn;
            arns[exec.LogGroupName] = execLogs.Arn;
            clusterArgs.Configuration = new Ecs.Inputs.ClusterConfigurationArgs
            {
                ExecuteCommandConfiguration = new Ecs.Inputs.ClusterConfigurationExecuteCommandConfigurationArgs
                {
                    KmsKeyId = execKey.Arn,
                    Logging = ExecDesign.Logging,
                    LogConfiguration = new Ecs.Inputs.ClusterConfigurationExecuteCommandConfigurationLogConfigurationArgs
                    {
                        CloudWatchLogGroupName = execLogs.Name,
                        CloudWatchEncryptionEnabled = exec.LogsEncrypted,
                    },
                },
            };
        }

        var cluster = new Ecs.Cluster(design.ClusterName, clusterArgs, child);
        // The service names a capacity provider in both cases, so the cluster always offers both:
        // turning Spot on or off then changes the service alone.
        var capacity = new Ecs.ClusterCapacityProviders($"{design.ClusterName}-capacity", new Ecs.ClusterCapacityProvidersArgs
        {
            ClusterName = cluster.Name,
            CapacityProviders = { ServiceDesign.Fargate, ServiceDesign.FargateSpot },
        }, child);

        var logs = design.Task.Logs;
        var logGroup = new Aws.CloudWatch.LogGroup("widget-logs", LogGroups.Args(logs.GroupName, logs.RetentionDays, args.LogKeyArn), LogGroups.Options(this, logs.Retain));

        arns[logs.GroupName] = logGroup.Arn;
        var roles = args.Iam.ServiceRoles.ToDictionary(role => role, role => Roles.Create(role, arns, child));
        var taskDefinition = new Ecs.TaskDefinition("widget-task", new Ecs.TaskDefinitionArgs
        {
            Family = design.Task.Family,
            Cpu = design.Task.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Memory = design.Task.MemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture),
            NetworkMode = TaskDesign.NetworkMode,
            RequiresCompatibilities = { ServiceDesign.Fargate },
            RuntimePlatform = new Ecs.Inputs.TaskDefinitionRuntimePlatformArgs
            {
                OperatingSystemFamily = "LINUX",
                CpuArchitecture = design.Task.Architecture.ToString(),
            },
            ExecutionRoleArn = roles[args.Iam.Execution].Arn,
            TaskRoleArn = roles[args.Iam.Task].Arn,
            ContainerDefinitions = ContainerDefinitions(design.Task, args.Region, design.Exec is not null),
            Volumes = design.Exec is null ? [] : [.. AgentVolumes().Select(v => new Ecs.Inputs.TaskDefinitionVolumeArgs { Name = v.Name })],
        }, child);

        var timeout = TimeSpan.FromMinutes(design.Deployment.Rollout.TimeoutMinutes);
        ServiceOptions = new CustomResourceOptions
        {
            Parent = this,
            // ECS refuses a target group that no listener forwards to yet.
            DependsOn = [.. args.LoadBalancer.Routing, capacity, .. args.Monitoring.Alarms],
            IgnoreChanges = [.. OwnedByAws(design)],
            // pulumi up waits for the rollout: long enough for a release an alarm rejects at the end of
            // its watch and ECS's rollback after it, twice over, so that it ends in ReleaseGuard's message.
            CustomTimeouts = new CustomTimeouts { Create = timeout, Update = timeout },
        };
        var service = new Ecs.Service(ServiceDesign.ServiceName, ServiceArgsFor(args, cluster, taskDefinition, roles), ServiceOptions);
        RunningTaskDefinition = ReleaseGuard.RunningTaskDefinition(service, taskDefinition);

        if (design.Autoscaling is { } scaling)
        {
            Autoscale(scaling, cluster, service, args.LoadBalancer, child);
        }

        ClusterName = cluster.Name;
        ServiceName = service.Name;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["clusterName"] = ClusterName,
            ["serviceName"] = ServiceName,
            ["runningTaskDefinition"] = RunningTaskDefinition,
        });
    }

    /// <summary>Service properties AWS changes after creation, which the program must not set back.</summary>
    private static IEnumerable<string> OwnedByAws(ServiceDesign design)
    {
        if (design.Autoscaling is not null)
        {
            yield return "desiredCount"; // the autoscaler owns the count once it runs
        }

        // Each blue/green deploy swaps the production and alternate groups, so the group the service
        // serves from is ECS's to say under every strategy (after a switch back to rolling too). Only
        // these paths: the alternate group, rule and role of a switch to blue/green must reach ECS.
        yield return ServiceDesign.ProductionGroupPath;
        if (design.Deployment.Strategy.ShiftsTraffic())
        {
            yield return ServiceDesign.AlternateGroupPath;
        }
    }

    private static Ecs.ServiceArgs ServiceArgsFor(WidgetServiceArgs args, Ecs.Cluster cluster, Ecs.TaskDefinition taskDefinition, Dictionary<RoleDesign, Iam.Role> roles)
    {
        var design = args.Design;
        var deployment = design.Deployment;
        var balancer = new Ecs.Inputs.ServiceLoadBalancerArgs
        {
            TargetGroupArn = args.LoadBalancer.ProductionTargetGroup.Arn,
            ContainerName = design.Task.Container.Name,
            ContainerPort = design.Task.Container.Port,
        };
        if (args.Iam.Infrastructure is { } infrastructure)
        {
            var advanced = new Ecs.Inputs.ServiceLoadBalancerAdvancedConfigurationArgs
            {
                AlternateTargetGroupArn = args.LoadBalancer.AlternateTargetGroup.Arn,
                ProductionListenerRule = args.LoadBalancer.ProductionRule.Arn,
                RoleArn = roles[infrastructure].Arn,
            };
            if (args.LoadBalancer.TestRule is { } testRule)
            {
                advanced.TestListenerRule = testRule.Arn;
            }

            balancer.AdvancedConfiguration = advanced;
        }

        var serviceArgs = new Ecs.ServiceArgs
        {
            Name = design.Name,
            Cluster = cluster.Arn,
            TaskDefinition = taskDefinition.Arn,
            DesiredCount = design.DesiredCount,
            PlatformVersion = ServiceDesign.PlatformVersion,
            NetworkConfiguration = new Ecs.Inputs.ServiceNetworkConfigurationArgs
            {
                AssignPublicIp = ServiceDesign.AssignPublicIp,
                Subnets = args.PrivateSubnetIds,
                SecurityGroups = { args.TaskGroupId },
            },
            LoadBalancers = { balancer },
            HealthCheckGracePeriodSeconds = design.HealthCheckGracePeriodSeconds,
            DeploymentController = new Ecs.Inputs.ServiceDeploymentControllerArgs { Type = DeploymentDesign.Controller },
            DeploymentConfiguration = DeploymentConfiguration(deployment),
            DeploymentMinimumHealthyPercent = deployment.MinHealthyPercent,
            DeploymentMaximumPercent = deployment.MaxPercent,
            DeploymentCircuitBreaker = new Ecs.Inputs.ServiceDeploymentCircuitBreakerArgs
            {
                Enable = deployment.CircuitBreaker,
                Rollback = deployment.Rollback,
            },
            AvailabilityZoneRebalancing = "ENABLED",
            // pulumi up returns once ECS reports a steady state, not when the update is merely accepted.
            WaitForSteadyState = true,
            Alarms = new Ecs.Inputs.ServiceAlarmsArgs
            {
                AlarmNames = [.. args.Monitoring.Alarms.Select(a => a.Name)],
                Enable = true,
                Rollback = deployment.Rollback,
            },
            EnableEcsManagedTags = true,
            EnableExecuteCommand = design.Exec is not null,
            PropagateTags = "SERVICE",
            // FARGATE or FARGATE_SPOT, never launchType: launchType forces a new service, which clashes
            // with the old one's fixed name. The AWS provider updates a strategy in place only with
            // forceNewDeployment (hashicorp/terraform-provider-aws#43533, aws_ecs_service docs:
            // "updated without destroying and recreating the service only if force_new_deployment = true
            // and not changing from 0 capacity_provider_strategy blocks to greater than 0, or vice versa").
            CapacityProviderStrategies = { new Ecs.Inputs.ServiceCapacityProviderStrategyArgs { CapacityProvider = design.CapacityProvider, Weight = 1 } },
            ForceNewDeployment = ServiceDesign.ForceNewDeployment,
        };

        return serviceArgs;
    }

    private static Ecs.Inputs.ServiceDeploymentConfigurationArgs DeploymentConfiguration(DeploymentDesign deployment)
    {
        var configuration = new Ecs.Inputs.ServiceDeploymentConfigurationArgs { Strategy = deployment.StrategyName };
        if (deployment.BakeTimeMinutes is { } minutes)
        {
            configuration.BakeTimeInMinutes = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (deployment.Linear is { } linear)
        {
            configuration.LinearConfiguration = new Ecs.Inputs.ServiceDeploymentConfigurationLinearConfigurationArgs
            {
                StepPercent = (double)linear.StepPercent,
                StepBakeTimeInMinutes = linear.StepBakeMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        if (deployment.Canary is { } canary)
        {
            configuration.CanaryConfiguration = new Ecs.Inputs.ServiceDeploymentConfigurationCanaryConfigurationArgs
            {
                CanaryPercent = (double)canary.Percent,
                CanaryBakeTimeInMinutes = canary.BakeMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return configuration;
    }

    private static readonly JsonSerializerOptions OmitNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    // A writable task volume at each path the ECS Exec agent writes, so the root filesystem stays read-only.
    private static IEnumerable<(string Name, string Path)> AgentVolumes() =>
        ExecDesign.AgentPaths.Select(path => ("exec" + path.Replace('/', '-'), path));

    private static Output<string> ContainerDefinitions(TaskDesign task, string region, bool exec) =>
        Output.Create(JsonSerializer.Serialize(new[]
        {
            new
            {
                name = task.Container.Name,
                image = task.Container.Image,
                essential = true,
                user = task.Container.User,
                readonlyRootFilesystem = ContainerDesign.ReadonlyRootFilesystem,
                privileged = ContainerDesign.Privileged,
                portMappings = new[] { new { containerPort = task.Container.Port, hostPort = task.Container.Port, protocol = "tcp" } },
                mountPoints = exec ? AgentVolumes().Select(v => new { sourceVolume = v.Name, containerPath = v.Path, readOnly = false }).ToArray() : null,
                logConfiguration = new
                {
                    logDriver = "awslogs",
                    options = new Dictionary<string, string>
                    {
                        ["awslogs-group"] = task.Logs.GroupName,
                        ["awslogs-region"] = region,
                        ["awslogs-stream-prefix"] = task.Logs.StreamPrefix,
                    },
                },
            },
        }, OmitNulls));

    private static void Autoscale(AutoscalingDesign scaling, Ecs.Cluster cluster, Ecs.Service service, LoadBalancer loadBalancer, CustomResourceOptions child)
    {
        var target = new Aws.AppAutoScaling.Target("widget-scaling", new Aws.AppAutoScaling.TargetArgs
        {
            ServiceNamespace = "ecs",
            ScalableDimension = "ecs:service:DesiredCount",
            ResourceId = Output.Format($"service/{cluster.Name}/{service.Name}"),
            MinCapacity = scaling.MinReplicas,
            MaxCapacity = scaling.MaxReplicas,
        }, child);
        Track("widget-cpu-tracking", target, scaling, scaling.CpuTargetPercent, new() { PredefinedMetricType = "ECSServiceAverageCPUUtilization" }, child);
        if (scaling.RequestsPerTarget is { } requests)
        {
            Track("widget-request-tracking", target, scaling, requests, new()
            {
                PredefinedMetricType = "ALBRequestCountPerTarget",
                // app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>
                ResourceLabel = Output.Format($"{loadBalancer.ArnSuffix}/{loadBalancer.ProductionTargetGroup.ArnSuffix}"),
            }, child);
        }
    }

    /// <summary>A target-tracking policy that keeps <paramref name="metric"/> at <paramref name="targetValue"/>.</summary>
    private static void Track(
        string name,
        Aws.AppAutoScaling.Target target,
        AutoscalingDesign scaling,
        double targetValue,
        Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs metric,
        CustomResourceOptions child) =>
        _ = new Aws.AppAutoScaling.Policy(name, new Aws.AppAutoScaling.PolicyArgs
        {
            PolicyType = "TargetTrackingScaling",
            ServiceNamespace = target.ServiceNamespace,
            ScalableDimension = target.ScalableDimension,
            ResourceId = target.ResourceId,
            TargetTrackingScalingPolicyConfiguration = new Aws.AppAutoScaling.Inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs
            {
                PredefinedMetricSpecification = metric,
                TargetValue = targetValue,
                ScaleOutCooldown = scaling.ScaleOutCooldownSeconds,
                ScaleInCooldown = scaling.ScaleInCooldownSeconds,
            },
        }, child);
}
