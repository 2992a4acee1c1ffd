using WidgetStack.Blueprint.Design;
using static WidgetStack.Blueprint.Costs.Numbers;

namespace WidgetStack.Blueprint.Costs;

/// <summary>
/// What a stack costs in a month at list prices, line by line, for a given number of running tasks:
/// what the design builds, priced by the region's <see cref="PriceList"/> under the
/// <see cref="CostAssumptions"/>.
/// </summary>
/// <param name="Prices">The region's list prices.</param>
/// <param name="Assumptions">Traffic, log volume, deploys, hours.</param>
/// <param name="Tasks">Tasks running all month.</param>
/// <param name="Lines">The lines, in the order they print.</param>
public sealed record CostEstimate(PriceList Prices, CostAssumptions Assumptions, int Tasks, IReadOnlyList<CostLine> Lines)
{
    /// <summary>Line items the estimate leaves out.</summary>
    public const string NotCounted =
        "data sent to the internet (AWS bills transfer out separately), S3 storage of access logs, Container Insights metrics, "
        + "KMS and CloudWatch API requests, e-mail notifications, Route 53, taxes, free tiers and discounts";

    /// <summary>New connections per second one LCU covers (one per request assumed: no keep-alive).</summary>
    public const decimal NewConnectionsPerLcu = 25m;

    /// <summary>GB per hour one LCU covers for IP targets.</summary>
    public const decimal ProcessedGbPerLcu = 1m;

    /// <summary>The whole month, USD.</summary>
    public decimal TotalUsdPerMonth => Lines.Sum(line => line.UsdPerMonth);

    /// <summary>
    /// Estimates <paramref name="design"/> with <paramref name="tasks"/> running (default: the tasks
    /// the assumed load needs, <see cref="TasksFor"/>).
    /// </summary>
    public static CostEstimate For(WidgetDesign design, PriceList prices, CostAssumptions assumptions, int? tasks = null)
    {
        var running = tasks ?? TasksFor(design, assumptions).Tasks;
        return new CostEstimate(prices, assumptions, running, [.. Items(design, prices, assumptions, running)]);
    }

    /// <summary>
    /// The tasks the assumed load keeps running: with autoscaling on requests, the tasks that hold each
    /// at its request target, ceil(requests per second x 60 / requestsPerTarget), within minReplicas
    /// to maxReplicas; otherwise the desired count, which no load moves.
    /// </summary>
    public static TaskLoad TasksFor(WidgetDesign design, CostAssumptions assumptions)
    {
        var scaling = design.Settings.Scaling;
        if (!scaling.Autoscaling || scaling.RequestsPerTarget <= 0)
        {
            return new TaskLoad(design.Service.DesiredCount, null, scaling.RequestsPerTarget, scaling.MaxReplicas);
        }

        var needed = (int)Math.Ceiling(assumptions.RequestsPerSecond * 60m / scaling.RequestsPerTarget);
        return new TaskLoad(Math.Clamp(needed, scaling.MinReplicas, scaling.MaxReplicas), needed, scaling.RequestsPerTarget, scaling.MaxReplicas);
    }

    /// <summary>One task for the month: its vCPU and memory, USD.</summary>
    public static decimal UsdPerTaskMonth(WidgetDesign design, PriceList prices, CostAssumptions assumptions)
    {
        var (vcpu, gb, architecture, spot) = TaskSize(design);
        return assumptions.HoursPerMonth
            * ((vcpu * prices.FargateVcpuHour.For(architecture, spot)) + (gb * prices.FargateGbHour.For(architecture, spot)));
    }

    private static (decimal Vcpu, decimal Gb, Settings.CpuArchitecture Architecture, bool Spot) TaskSize(WidgetDesign design) =>
        (design.Service.Task.Cpu / 1024m, design.Service.Task.MemoryMiB / 1024m, design.Service.Task.Architecture, design.Settings.Task.Spot);

    private static IEnumerable<CostLine> Items(WidgetDesign design, PriceList p, CostAssumptions a, int tasks)
    {
        var hours = a.HoursPerMonth;
        var h = $"{Plain(hours)} h";
        var (vcpu, gb, architecture, spot) = TaskSize(design);
        var capacity = $"{(spot ? "Spot" : "on-demand")}, {(architecture == Settings.CpuArchitecture.ARM64 ? "ARM" : "x86")}";
        var vcpuRate = p.FargateVcpuHour.For(architecture, spot);
        var gbRate = p.FargateGbHour.For(architecture, spot);
        yield return new($"Fargate vCPU ({capacity})", $"{Count(tasks, "task")} x {Plain(vcpu)} vCPU x {h} x {Plain(vcpuRate)} USD", tasks * vcpu * hours * vcpuRate);
        yield return new($"Fargate memory ({capacity})", $"{Count(tasks, "task")} x {Plain(gb)} GB x {h} x {Plain(gbRate)} USD", tasks * gb * hours * gbRate);

        yield return new("Load balancer hours", $"1 ALB x {h} x {Plain(p.AlbHour)} USD", hours * p.AlbHour);
        // Stryker disable once Arithmetic : one LCU covers 1 GB per hour, so dividing by it and multiplying by it agree
        var lcus = Math.Max(a.RequestsPerSecond / NewConnectionsPerLcu, a.AlbGbPerHour / ProcessedGbPerLcu);
        yield return new(
            "Load balancer LCUs",
            $"max({Plain(a.RequestsPerSecond)} new connections/s / {Plain(NewConnectionsPerLcu)}, {Plain(a.AlbGbPerHour)} GB/h / {Plain(ProcessedGbPerLcu)}) = {Plain(lcus)} LCU x {h} x {Plain(p.AlbLcuHour)} USD",
            lcus * hours * p.AlbLcuHour);

        var network = design.Network;
        var nats = network.NatGatewayCount;
        yield return new("NAT gateway hours", $"{Count(nats, "gateway")} x {h} x {Plain(p.NatGatewayHour)} USD", nats * hours * p.NatGatewayHour);
        var logsGb = tasks * a.LogGbPerTaskMonth;
        var pullsGb = tasks * a.DeploysPerMonth * a.ImageGb;
        var endpoints = network.Endpoints;
        var natGb = a.EgressGbPerMonth + (endpoints is null ? logsGb + pullsGb : 0m);
        var natBasis = endpoints is null
            ? $"({Plain(a.EgressGbPerMonth)} GB egress + {Plain(logsGb)} GB logs + {Plain(pullsGb)} GB image pulls) x {Plain(p.NatGatewayGb)} USD"
            : $"{Plain(a.EgressGbPerMonth)} GB egress (logs and image pulls use the VPC endpoints) x {Plain(p.NatGatewayGb)} USD";
        yield return new("NAT gateway data", natBasis, natGb * p.NatGatewayGb);

        if (endpoints is not null)
        {
            var count = endpoints.InterfaceServices.Count;
            yield return new(
                "VPC interface endpoints",
                $"{Count(count, "endpoint")} x {Count(endpoints.Zones, "zone")} x {h} x {Plain(p.InterfaceEndpointZoneHour)} USD",
                count * endpoints.Zones * hours * p.InterfaceEndpointZoneHour);
            yield return new(
                "VPC interface endpoint data",
                $"{Plain(logsGb)} GB logs x {Plain(p.InterfaceEndpointGb)} USD (image layers come through the free S3 gateway endpoint)",
                logsGb * p.InterfaceEndpointGb);
        }

        var addresses = nats + network.Zones.Count;
        yield return new(
            "Public IPv4 addresses",
            $"({nats} NAT + {network.Zones.Count} load balancer, one per zone at least) x {h} x {Plain(p.PublicIpv4Hour)} USD",
            addresses * hours * p.PublicIpv4Hour);

        var flowGb = network.FlowLogs is null ? 0m : a.FlowLogGbPerMonth;
        yield return new(
            "CloudWatch Logs ingestion",
            $"({Plain(logsGb)} GB tasks + {Plain(flowGb)} GB flow logs) x {Plain(p.LogsIngestionGb)} USD",
            (logsGb + flowGb) * p.LogsIngestionGb);
        var taskDays = design.Service.Task.Logs.RetentionDays;
        var storedGb = ((logsGb * taskDays) + (flowGb * (network.FlowLogs?.RetentionDays ?? 0))) / a.DaysPerMonth;
        yield return new(
            "CloudWatch Logs storage",
            $"{Plain(Math.Round(storedGb, 2))} GB kept at steady state ({taskDays} days of logs, uncompressed: an upper bound) x {Plain(p.LogsStorageGbMonth)} USD",
            storedGb * p.LogsStorageGbMonth);

        var alarms = design.Monitoring.Alarms.Count;
        yield return new("CloudWatch alarms", $"{Count(alarms, "alarm")} x {Plain(p.AlarmMonth)} USD", alarms * p.AlarmMonth);
        yield return new("CloudWatch dashboard", $"1 dashboard x {Plain(p.DashboardMonth)} USD", p.DashboardMonth);

        if (design.Waf is { } waf)
        {
            var rules = waf.ManagedRuleGroups.Count;
            yield return new(
                "WAF web ACL",
                $"{Plain(p.WafWebAclMonth)} USD + {rules} rule groups x {Plain(p.WafRuleMonth)} USD + {Plain(a.MillionRequestsPerMonth)} million requests x {Plain(p.WafMillionRequests)} USD",
                p.WafWebAclMonth + (rules * p.WafRuleMonth) + (a.MillionRequestsPerMonth * p.WafMillionRequests));
        }

        // Every key of the stack rotates yearly (KMS.4). Each billed rotation adds to its price, so the
        // estimate shows a key once its price has stopped rising, and what it costs before.
        var keys = design.LogEncryption is null ? 1 : 2;
        var rotation = p.KmsKeyRotation;
        var steadyYear = rotation.BilledRotations + 1;
        var earlier = Enumerable.Range(1, rotation.BilledRotations).Select(year => $"{Usd(keys * rotation.PerKeyInYear(p.KmsKeyMonth, year))} in year {year}");
        yield return new(
            "KMS keys",
            $"{Count(keys, "key")} (alarm topic{(keys == 2 ? ", logs" : "")}), rotated yearly: {keys} x ({Plain(p.KmsKeyMonth)} USD + {rotation.BilledRotations} rotations x {Plain(rotation.RotationMonth)} USD) "
                + $"from year {steadyYear} of their life ({string.Join(", ", earlier)})",
            keys * rotation.MostPerKey(p.KmsKeyMonth));
    }
}

/// <summary>The tasks a stack runs under the assumed load.</summary>
/// <param name="Tasks">The tasks priced: what the autoscaler keeps running, or the fixed count.</param>
/// <param name="Needed">The tasks the load needs at the request target, before the autoscaling bounds; null when the count does not follow requests.</param>
/// <param name="RequestsPerTarget">Requests a minute each task is kept at (0: none).</param>
/// <param name="Ceiling">The most tasks the autoscaler runs.</param>
public sealed record TaskLoad(int Tasks, int? Needed, int RequestsPerTarget, int Ceiling)
{
    /// <summary>Whether the load needs more tasks than the autoscaler may run.</summary>
    public bool AboveCeiling => Needed > Ceiling;
}
