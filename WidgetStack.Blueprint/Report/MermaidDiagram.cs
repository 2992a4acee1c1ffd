using System.Text;
using WidgetStack.Blueprint.Design;

namespace WidgetStack.Blueprint.Report;

/// <summary>The architecture of a stack as a Mermaid flowchart.</summary>
public static class MermaidDiagram
{
    /// <summary>Renders <paramref name="design"/> as Mermaid source.</summary>
    public static string Render(WidgetDesign design)
    {
        var network = design.Network;
        var alb = design.LoadBalancer;
        var port = design.Service.Task.Container.Port;
        var entry = alb.TrafficListener;
        var text = new StringBuilder();
        text.AppendLine("flowchart LR");
        text.AppendLine("    user((Internet user))");
        text.AppendLine("    igw[Internet gateway]");
        text.AppendLine($"    subgraph vpc[\"VPC {network.VpcCidr}\"]");
        text.AppendLine($"        alb[\"ALB {alb.Name}<br/>{string.Join(", ", alb.Listeners.Select(l => $"{l.Protocol} {l.Port}"))}\"]");
        foreach (var group in alb.TargetGroups)
        {
            text.AppendLine($"        {Id(group.Name)}[\"target group {group.Name}<br/>ip targets, HTTP {port}\"]");
        }

        for (var i = 0; i < network.Zones.Count; i++)
        {
            var zone = network.Zones[i];
            text.AppendLine($"        subgraph z{i}[\"{zone.Zone}\"]");
            text.AppendLine($"            pub{i}[\"public {zone.PublicSubnetCidr}\"]");
            if (zone.HasNatGateway)
            {
                text.AppendLine($"            nat{i}[NAT gateway]");
            }

            text.AppendLine($"            tasks{i}[\"private {zone.PrivateSubnetCidr}<br/>{design.Service.Name} tasks :{port}\"]");
            text.AppendLine("        end");
        }

        text.AppendLine("    end");
        text.AppendLine($"    user -->|\"{entry.Protocol} {entry.Port}\"| igw --> alb");
        foreach (var group in alb.TargetGroups)
        {
            text.AppendLine($"    alb --> {Id(group.Name)}");
        }

        for (var i = 0; i < network.Zones.Count; i++)
        {
            var zone = network.Zones[i];
            var natIndex = network.Zones.ToList().FindIndex(z => z.Zone == zone.EgressNatZone);
            foreach (var group in alb.TargetGroups)
            {
                text.AppendLine($"    {Id(group.Name)} -->|\"HTTP {port}\"| tasks{i}");
            }

            text.AppendLine($"    tasks{i} -.->|\"HTTPS out\"| nat{natIndex}");
        }

        for (var i = 0; i < network.Zones.Count; i++)
        {
            if (network.Zones[i].HasNatGateway)
            {
                text.AppendLine($"    nat{i} -.-> igw");
            }
        }

        return text.ToString();
    }

    private static string Id(string name) => name.Replace('-', '_');
}
