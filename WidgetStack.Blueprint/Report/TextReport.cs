using Spectre.Console;
using Spectre.Console.Rendering;
using WidgetStack.Blueprint.Costs;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;
using static WidgetStack.Blueprint.Report.Blocks;

namespace WidgetStack.Blueprint.Report;

/// <summary>The blueprint as plain-text tables: what a stack builds, read without an AWS account.</summary>
public static class TextReport
{
    /// <summary>The width the blueprint is laid out for unless told otherwise, in characters.</summary>
    public const int DefaultWidth = 120;

    /// <summary>
    /// Renders <paramref name="design"/>, its costs under <paramref name="assumptions"/> (the defaults if null),
    /// in lines of at most <paramref name="width"/> characters.
    /// </summary>
    public static string Render(WidgetDesign design, CostAssumptions? assumptions = null, int width = DefaultWidth) =>
        Write(Sections(design, assumptions ?? new CostAssumptions()), width);

    /// <summary>The security controls section alone, for <paramref name="settings"/> under <paramref name="causes"/>.</summary>
    internal static string RenderControls(WidgetSettings settings, IReadOnlyList<Controls.ControlCause> causes, int width = DefaultWidth) =>
        Write(ControlsSection(settings, causes), width);

    /// <summary>
    /// <paramref name="blocks"/> as plain text in lines of at most <paramref name="width"/>
    /// characters, without trailing spaces (Spectre pads table cells and wrapped lines to the width).
    /// </summary>
    internal static string Write(IEnumerable<IRenderable> blocks, int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        foreach (var block in blocks)
        {
            console.Write(block);
        }

        return string.Join(Environment.NewLine, writer.ToString().Split('\n').Select(line => line.TrimEnd()));
    }

    private static IEnumerable<IRenderable> Sections(WidgetDesign design, CostAssumptions assumptions)
    {
        var settings = design.Settings;
        var network = design.Network;
        var service = design.Service;
        yield return Line($"Stack {settings.Stack} of project {settings.Project}, account {settings.AccountId}, region {settings.Region}");
        yield return Line($"Replicas: {service.DesiredCount} over {network.Zones.Count} zones ({string.Join(", ", network.Zones.Select(z => z.Zone))})");
        yield return Line($"Tags on every resource: {string.Join(", ", design.Tags.Select(t => $"{t.Key}={t.Value}"))}");
        yield return Line("");

        yield return Line($"Network: VPC {network.VpcCidr}, NAT {NatText(network)}");
        yield return Line($"Subnet rule: {SubnetLayout.Rule}");
        yield return Table(
            ["Zone", "Public subnet", "Private subnet (tasks)", "NAT gateway", "Private egress via NAT in"],
            network.Zones.Select(z => new[] { z.Zone, z.PublicSubnetCidr, z.PrivateSubnetCidr, z.HasNatGateway ? "yes" : "no", z.EgressNatZone }),
            keepWhole: [3]);
        yield return Line($"Usable addresses per subnet: public {network.PublicSubnetUsableAddresses}, private {network.PrivateSubnetUsableAddresses}");
        yield return Line(network.FlowLogs is { } flow
            ? $"Flow logs: {FlowLogDesign.TrafficType} traffic to {flow.LogGroupName}, kept {flow.RetentionDays} days"
            : "Flow logs: off");
        if (network.Endpoints is { } endpoints)
        {
            yield return Line($"VPC endpoints: {string.Join(", ", endpoints.InterfaceServices)} (interface, private DNS, in every private subnet, group widget-endpoints); "
                + $"{endpoints.GatewayService} (gateway, on the VPC's route tables, free)");
            yield return Line("  saves: image pulls, image layers and task logs no longer pass the NAT gateways (see the cost estimate)");
        }
        else
        {
            yield return Line("VPC endpoints: off (image pulls and logs go out through NAT)");
        }

        yield return Line("");

        yield return Line("Firewall (security groups, TCP)");
        yield return Table(
            ["Group", "Description (fixed: a new one replaces the group)"],
            design.Firewall.Groups.Select(g => new[] { g.Name, g.Description }));
        yield return Table(
            ["Group", "Direction", "Port", "Peer", "Description"],
            design.Firewall.Groups.SelectMany(g =>
                g.Ingress.Select(r => Rule(design, g, "in from", r)).Concat(g.Egress.Select(r => Rule(design, g, "out to", r)))),
            keepWhole: [1, 2]);
        var taskIngress = design.Firewall.Tasks.Ingress.Single();
        yield return Line($"Tasks accept port {taskIngress.Port} from the load balancer's group only.");
        yield return Line("");

        var alb = design.LoadBalancer;
        yield return Line($"Load balancer {alb.Name}: internet-facing in the public subnets, deletion protection {OnOff(alb.DeletionProtection)}, "
            + $"idle timeout {alb.IdleTimeoutSeconds} s, invalid headers dropped, desync mitigation {LoadBalancerDesign.DesyncMitigationMode}");
        yield return Table(
            ["Listener", "Port", "Protocol", "Action"],
            alb.Listeners.Select(l => new[]
            {
                l.Name, l.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Protocol,
                l.Action == ListenerAction.Forward ? $"forward to {alb.ProductionTargetGroup.Name}" + (l.SslPolicy is null ? "" : $" ({l.SslPolicy})") : "redirect to HTTPS 443",
            }),
            keepWhole: [1, 2]);
        yield return Table(
            ["Target group", "Targets", "Health check", "Deregistration delay"],
            alb.TargetGroups.Select(t => new[]
            {
                t.Name,
                $"{TargetGroupDesign.TargetType} on {TargetGroupDesign.Protocol} {service.Task.Container.Port}",
                $"GET {t.HealthCheck.Path} every {t.HealthCheck.IntervalSeconds} s, timeout {t.HealthCheck.TimeoutSeconds} s, healthy after {t.HealthCheck.HealthyThreshold}, unhealthy after {t.HealthCheck.UnhealthyThreshold}, expects {t.HealthCheck.Matcher}",
                $"{t.DeregistrationDelaySeconds} s",
            }),
            keepWhole: [1, 3]);
        if (alb.Domain is { } domain)
        {
            yield return Line($"Domain {domain.Name} in hosted zone {domain.HostedZoneName} ({domain.HostedZoneId}): ACM certificate validated by a {DomainDesign.ValidationMethod} (CNAME) record there, "
                + $"HTTPS waits for it; alias {DomainDesign.AliasRecordType} record to the load balancer");
        }

        yield return Line(design.Waf is { } waf
            ? $"WAF: web ACL {waf.Name} ({WafDesign.Scope}), AWS managed rules {string.Join(", ", waf.ManagedRuleGroups)}, other requests allowed; "
                + (waf.CountedRules.Count == 0
                    ? $"request bodies over {WafDesign.InspectedBodyBytes / 1024} KB blocked ({WafDesign.CommonRuleSet} {WafDesign.BodySizeRule}, AWS's default)"
                    : string.Join("; ", waf.CountedRules.Select(r => $"{r.Group} {r.Rule} set to {WafRuleOverride.Action}: {r.Why}")))
            : "WAF: off");
        yield return Line(design.AccessLogs is { } logs
            ? $"Access logs: S3 bucket {logs.BucketName} (auto-named), prefix {logs.Prefix}/, kept {logs.RetentionDays} days, SSE-S3, TLS only, public access blocked, ACLs off; "
                + $"only {logs.Writer.Identifier} may write, under {logs.WritableKeys}; bucket {(logs.RetainOnDestroy ? "kept" : "deleted with its logs")} when the stack is destroyed"
            : "Access logs: off");
        var rule = alb.ProductionRule;
        yield return Line(service.Deployment.Strategy.ShiftsTraffic()
            ? $"Production listener rule {rule.Name} (priority {rule.Priority}, {rule.PathPattern}): {rule.ProductionTargetGroup} 100%, {rule.AlternateTargetGroup} 0%; ECS shifts the weights during a deploy"
            : $"Production listener rule {rule.Name} (priority {rule.Priority}, {rule.PathPattern}): {rule.ProductionTargetGroup} 100%, {rule.AlternateTargetGroup} 0%, kept ready for blue/green");

        yield return Line("");
        yield return Line($"Service {service.Name} on cluster {service.ClusterName} (Container Insights on)");
        yield return Table(["Setting", "Value"], ServiceRows(service, design.LogEncryption).Select(row => new[] { row.Key, row.Value }));
        if (service.Exec is { } exec)
        {
            yield return Line($"ECS Exec: on; sessions encrypted with KMS key {exec.KeyName}, logged to {exec.LogGroupName}");
            yield return Line($"  The agent writes to task volumes at {string.Join(", ", ExecDesign.AgentPaths)}; the root stays read-only");
            yield return Line("A shell in a task:");
            foreach (var command in ExecDesign.Commands(design.Settings.Stack, service.Task.Container.Name))
            {
                yield return Line($"  {command}");
            }
        }

        yield return Line("");
        foreach (var block in RolloutSection.Render(design).Concat(RolloutSection.Schedule(design, assumptions)))
        {
            yield return block;
        }

        yield return Line("");

        var monitoring = design.Monitoring;
        yield return Line($"Alarms (one minute each, {monitoring.EvaluationMinutes} in a row to fire; the service rolls a deployment back on any of them), "
            + $"to SNS topic {monitoring.TopicName} under KMS key {monitoring.KeyName}, mailed to {(monitoring.Emails.Count > 0 ? string.Join(", ", monitoring.Emails) : "nobody yet")}");
        yield return Table(
            ["Alarm", "Metric", "Fires at", "Means"],
            monitoring.Alarms.Select(a => new[] { a.Name, $"{a.MetricName} ({a.Statistic})", $">= {a.Threshold} per minute", a.Description }),
            keepWhole: [2]);
        yield return Line(monitoring.Budget is { } budget
            ? $"Budget {budget.Name}: {budget.AmountUsd} USD a month of costs tagged {budget.TagFilter}; actual and forecast spend alert the topic at {budget.AlertPercent}%"
            : "Budget: none");
        yield return Line($"Dashboard {monitoring.DashboardName}: requests, 5xx, response time p50/p99, healthy hosts, running against desired tasks, CPU and memory"
            + $"; per target group: {string.Join(" and ", design.LoadBalancer.TargetGroups.Select(g => g.Name))}");
        yield return Line("");

        yield return Line("IAM roles");
        yield return Table(
            ["Role", "Assumed by", "Purpose"],
            design.Iam.Roles.Select(r => new[] { r.Name, r.TrustedService, r.Purpose }));
        yield return Table(
            ["Role", "Assumed only when", "Matches"],
            design.Iam.Roles.Select(r => new[]
            {
                r.Name,
                r.TrustConditions.Count > 0 ? string.Join("\n", r.TrustConditions.Select(c => $"{c.Key} {c.Operator}")) : "(AWS documents no condition keys)",
                string.Join("\n", r.TrustConditions.Select(c => c.Value)),
            }),
            keepWhole: [2]);
        yield return Table(
            ["Role: statement", "Allows", "On"],
            design.Iam.Roles.SelectMany(r => r.Statements.Select(s => new[] { $"{r.Name}:\n{s.Sid}", string.Join("\n", s.Actions), s.Resource.ToString()! })),
            keepWhole: [2]);
        foreach (var (role, arn) in design.Iam.Roles.SelectMany(r => r.ManagedPolicyArns.Select(arn => (r.Name, arn))))
        {
            yield return Line($"{role} also has the AWS managed policy {arn}");
        }

        yield return Line("");
        foreach (var block in ZoneLossSection.Render(design).Append(Line("")).Concat(CostSection.Render(design, assumptions)))
        {
            yield return block;
        }

        yield return Line("");
        foreach (var block in ControlsSection(settings, Controls.Waivers.Causes))
        {
            yield return block;
        }

        if (design.Warnings.Count > 0)
        {
            yield return Line("");
            yield return Line("Warnings");
            foreach (var warning in design.Warnings)
            {
                yield return Line($"  - {warning}");
            }
        }
    }

    /// <summary>
    /// The security controls the stack's settings break: those a waiver covers, each with the setting
    /// and the reason, and those none covers, which the stack fails.
    /// </summary>
    internal static IEnumerable<IRenderable> ControlsSection(WidgetSettings settings, IReadOnlyList<Controls.ControlCause> causes)
    {
        var waived = Controls.Waivers.For(settings, causes);
        var failed = Controls.Waivers.Unwaived(settings, causes);
        if (waived.Count == 0 && failed.Count == 0)
        {
            yield return Line("Security controls: this stack's settings break none, so it waives none (README, Security controls)");
            yield break;
        }

        if (failed.Count > 0)
        {
            yield return Line("Security controls this stack FAILS: its settings break them and no waiver covers them (README, Security controls)");
            foreach (var fail in failed)
            {
                yield return Line($"  - {fail.ControlId}: {fail.Setting}");
            }
        }

        if (waived.Count > 0)
        {
            yield return Line("Security controls this stack's settings waive (README, Security controls)");
            foreach (var waiver in waived)
            {
                yield return Line($"  - {waiver.ControlId}: {waiver}");
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> ServiceRows(ServiceDesign service, LogEncryptionDesign? logKey)
    {
        var task = service.Task;
        var deployment = service.Deployment;
        yield return new("Task family", task.Family);
        yield return new("Image", task.Container.Image);
        yield return new("Container", $"{task.Container.Name} on port {task.Container.Port}, user {task.Container.User}, read-only root filesystem");
        yield return new("Task size", $"{task.Cpu} CPU units ({task.Cpu / 1024.0:0.##} vCPU), {task.MemoryMiB} MiB, {task.Architecture}");
        yield return new("Capacity", $"{service.CapacityProvider}, platform {ServiceDesign.PlatformVersion}, private subnets, no public IP");
        yield return new("Desired count", $"{service.DesiredCount} tasks");
        yield return new("Autoscaling", service.Autoscaling is { } a
            ? $"{a.MinReplicas} to {a.MaxReplicas} tasks at {a.CpuTargetPercent}% average CPU"
                + (a.RequestsPerTarget is { } requests ? $" and {requests} requests per minute per task" : "")
                + $" (scale out after {a.ScaleOutCooldownSeconds} s, in after {a.ScaleInCooldownSeconds} s)"
            : "off");
        yield return new("Deployment", deployment switch
        {
            { Linear: { } linear } => FormattableString.Invariant($"linear, {linear.StepPercent}% every {linear.StepBakeMinutes} min, then bake time {deployment.BakeTimeMinutes} min"),
            { Canary: { } canary } => FormattableString.Invariant($"canary, {canary.Percent}% for {canary.BakeMinutes} min, then the rest, then bake time {deployment.BakeTimeMinutes} min"),
            { Strategy: DeploymentStrategy.BlueGreen } => $"blue/green, bake time {deployment.BakeTimeMinutes} min",
            _ => $"rolling, min {deployment.MinHealthyPercent}% / max {deployment.MaxPercent}%: keeps {deployment.TasksKeptRunning}, allows {deployment.TasksAllowed} tasks",
        });
        yield return new("Circuit breaker", deployment.CircuitBreaker
            ? $"on, rollback {OnOff(deployment.Rollback)}, trips after {deployment.CircuitBreakerThreshold} failed tasks"
            : "off");
        yield return new("Health check grace period", $"{service.HealthCheckGracePeriodSeconds} s");
        yield return new("Rollout estimate", $"{deployment.Rollout.Seconds} s (see Rollout below)");
        yield return new("Logs", $"{task.Logs.GroupName}, kept {task.Logs.RetentionDays} days");
        yield return new("Log encryption", logKey is null
            ? "CloudWatch Logs' own keys"
            : $"KMS key {logKey.KeyName} of the stack, rotated yearly; CloudWatch Logs ({logKey.LogsServicePrincipal}) may use it for {logKey.LogGroupArnPattern} only");
    }

    private static string[] Rule(WidgetDesign design, SecurityGroupDesign group, string direction, FirewallRule rule) =>
    [
        group.Name, direction, rule.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        rule.Peer.Group is { } peer ? $"group {design.Firewall.Groups.Single(g => g.Role == peer).Name}" : rule.Peer.Cidr!,
        rule.Description,
    ];

    private static string NatText(NetworkDesign network) => network.Nat == NatStrategy.OnePerZone
        ? $"one per zone ({network.NatGatewayCount} gateways)"
        : $"single gateway in {network.Zones[0].Zone}";

    private static string OnOff(bool on) => on ? "on" : "off";
}
