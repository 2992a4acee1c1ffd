using WidgetStack.Blueprint.Design;

namespace WidgetStack.Blueprint.Resilience;

/// <summary>How the stack fares once a zone is lost.</summary>
public enum ZoneLossVerdict
{
    /// <summary>Tasks keep serving, every remaining subnet keeps egress and the load balancer keeps two zones.</summary>
    Survives,

    /// <summary>Tasks keep serving, but with less than the stack was built for.</summary>
    Degraded,

    /// <summary>No task is left serving.</summary>
    Down,
}

/// <summary>What is left when one availability zone fails.</summary>
/// <param name="Zone">The zone lost.</param>
/// <param name="TasksBefore">Tasks running before (the desired count).</param>
/// <param name="TasksLeft">Tasks still serving right away: ECS spreads tasks evenly over the zones, and the lost zone is taken to hold the most.</param>
/// <param name="Floor">The fewest tasks the service may run (the autoscaling floor, or the fixed count).</param>
/// <param name="EgressKept">Whether every remaining private subnet still routes to a NAT gateway.</param>
/// <param name="ReplacementsCanStart">Whether new tasks in the remaining zones can pull the image (through NAT or the VPC endpoints).</param>
/// <param name="LoadBalancerZonesLeft">Zones the load balancer still has nodes in.</param>
/// <param name="Verdict">The outcome.</param>
/// <param name="Why">The reasons behind a verdict other than <see cref="ZoneLossVerdict.Survives"/>, and what ECS does next.</param>
public sealed record ZoneLoss(
    string Zone,
    int TasksBefore,
    int TasksLeft,
    int Floor,
    bool EgressKept,
    bool ReplacementsCanStart,
    int LoadBalancerZonesLeft,
    ZoneLossVerdict Verdict,
    string Why)
{
    /// <summary>Zones an Application Load Balancer needs to stay highly available.</summary>
    public const int LoadBalancerMinimumZones = 2;

    /// <summary>One row per zone of <paramref name="design"/>: what losing it leaves.</summary>
    public static IReadOnlyList<ZoneLoss> Of(WidgetDesign design)
    {
        var zones = design.Network.Zones;
        var tasks = design.Service.DesiredCount;
        var floor = design.Settings.Scaling.Fewest;
        var mostInOneZone = (int)Math.Ceiling(tasks / (double)zones.Count);
        var endpoints = design.Network.Endpoints is not null;
        return [.. zones.Select(lost =>
        {
            var remaining = zones.Where(z => z.Zone != lost.Zone).ToList();
            // Stryker disable once Linq : the remaining subnets route to one NAT zone (single) or each to its own, so All and Any agree
            var egress = remaining.All(z => z.EgressNatZone != lost.Zone);
            var canStart = egress || endpoints;
            var left = tasks - mostInOneZone;
            var (verdict, why) = Judge(lost.Zone, left, floor, egress, canStart, endpoints, remaining.Count);
            return new ZoneLoss(lost.Zone, tasks, left, floor, egress, canStart, remaining.Count, verdict, why);
        })];
    }

    private static (ZoneLossVerdict, string) Judge(string lost, int left, int floor, bool egress, bool canStart, bool endpoints, int albZones)
    {
        var reasons = new List<string>();
        if (!egress)
        {
            reasons.Add(endpoints
                ? $"the NAT gateway in {lost} is gone: the tasks reach ECR, S3 and CloudWatch Logs through the VPC endpoints, but nothing else outside"
                : $"the NAT gateway in {lost} is gone: the remaining tasks reach nothing outside the VPC, and new ones cannot pull the image");
        }

        if (albZones < LoadBalancerMinimumZones)
        {
            reasons.Add("the load balancer runs in one zone");
        }

        var refill = floor - left;
        if (left == 0)
        {
            reasons.Insert(0, canStart
                ? $"no task is left; ECS starts {floor} in the other zones"
                : "no task is left, and none can start");
            return (ZoneLossVerdict.Down, string.Join("; ", reasons));
        }

        if (refill > 0)
        {
            reasons.Add(canStart ? $"ECS starts {refill} more in the other zones to reach {floor}" : $"{refill} short of {floor}, and none can start");
        }

        var degraded = !egress || albZones < LoadBalancerMinimumZones;
        return (degraded ? ZoneLossVerdict.Degraded : ZoneLossVerdict.Survives, string.Join("; ", reasons));
    }
}
