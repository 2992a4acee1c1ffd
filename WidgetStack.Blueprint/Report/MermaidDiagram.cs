using System.Text;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Diff;

namespace WidgetStack.Blueprint.Report;

/// <summary>The architecture of a stack as a Mermaid flowchart, alone or marked with what a diff changes.</summary>
public static class MermaidDiagram
{
    // The marks of a diff: added green, changed amber, removed red and dashed.
    private const string AddedStyle = "fill:#dcfce7,stroke:#16a34a,stroke-width:2px";
    private const string ChangedStyle = "fill:#fef3c7,stroke:#d97706,stroke-width:2px";
    private const string RemovedStyle = "fill:#fee2e2,stroke:#dc2626,stroke-width:2px,stroke-dasharray:5 5";

    /// <summary>Renders <paramref name="design"/> as Mermaid source.</summary>
    public static string Render(WidgetDesign design) => Draw(design).Text;

    /// <summary>
    /// Renders the diagram of <paramref name="diff"/>'s second stack (or the stack after the edit):
    /// what it adds, and what it changes (a label, or where a node's arrows lead among the nodes both
    /// stacks have), marked; what it removes, drawn apart as it was.
    /// </summary>
    public static string Render(StackDiff diff)
    {
        var before = Draw(diff.Before.Design);
        var after = Draw(diff.After.Design);
        var added = after.Items.Where(item => !before.Has(item.Id)).Select(item => item.Id).ToList();
        var changed = after.Items
            .Where(item => before.Has(item.Id) && before.Signature(item.Id, after.Has) != after.Signature(item.Id, before.Has))
            .Select(item => item.Id)
            .ToList();
        var removed = before.Items.Where(item => !after.Has(item.Id)).ToList();

        var text = new StringBuilder();
        text.AppendLine("---");
        text.AppendLine($"title: \"Blueprint diff: {diff.Before.Label} -> {diff.After.Label}\"");
        text.AppendLine("---");
        text.Append(after.Text);
        if (removed.Count > 0)
        {
            text.AppendLine($"    subgraph removed[\"Removed: in {diff.Before.Label} only\"]");
            foreach (var item in removed.Where(item => removed.All(parent => parent.Id != item.Parent)))
            {
                WriteRemoved(text, item, removed, "        ");
            }

            text.AppendLine("    end");
        }

        foreach (var (ids, style) in new[] { (added, AddedStyle), (changed, ChangedStyle), (removed.Select(item => item.Id).ToList(), RemovedStyle) })
        {
            foreach (var id in ids)
            {
                text.AppendLine($"    style {id} {style}");
            }
        }

        return text.ToString();
    }

    private static void WriteRemoved(StringBuilder text, Item item, List<Item> removed, string indent)
    {
        text.AppendLine(indent + item.Definition);
        if (item.IsGroup)
        {
            foreach (var child in removed.Where(child => child.Parent == item.Id))
            {
                WriteRemoved(text, child, removed, indent + "    ");
            }

            text.AppendLine(indent + "end");
        }
    }

    private static Flowchart Draw(WidgetDesign design)
    {
        var network = design.Network;
        var alb = design.LoadBalancer;
        var port = design.Service.Task.Container.Port;
        var entry = alb.TrafficListener;
        var chart = new Flowchart();
        chart.Line("flowchart LR");
        chart.Node(null, "user", "((Internet user))");
        chart.Node(null, "igw", "[Internet gateway]");
        chart.Group(null, "vpc", $"VPC {network.VpcCidr}");
        chart.Node("vpc", "alb", $"[\"ALB {alb.Name}<br/>{string.Join(", ", alb.Listeners.Select(l => $"{l.Protocol} {l.Port}"))}\"]");
        foreach (var group in alb.TargetGroups)
        {
            chart.Node("vpc", Id(group.Name), $"[\"target group {group.Name}<br/>ip targets, HTTP {port}\"]");
        }

        for (var i = 0; i < network.Zones.Count; i++)
        {
            var zone = network.Zones[i];
            chart.Group("vpc", $"z{i}", zone.Zone);
            chart.Node($"z{i}", $"pub{i}", $"[\"public {zone.PublicSubnetCidr}\"]");
            if (zone.HasNatGateway)
            {
                chart.Node($"z{i}", $"nat{i}", "[NAT gateway]");
            }

            chart.Node($"z{i}", $"tasks{i}", $"[\"private {zone.PrivateSubnetCidr}<br/>{design.Service.Name} tasks :{port}\"]");
            chart.End($"z{i}");
        }

        chart.End("vpc");
        chart.Edges($"user -->|\"{entry.Protocol} {entry.Port}\"| igw --> alb", ("user", "igw", $"{entry.Protocol} {entry.Port}"), ("igw", "alb", ""));
        foreach (var group in alb.TargetGroups)
        {
            chart.Edges($"alb --> {Id(group.Name)}", ("alb", Id(group.Name), ""));
        }

        for (var i = 0; i < network.Zones.Count; i++)
        {
            var zone = network.Zones[i];
            var natIndex = network.Zones.ToList().FindIndex(z => z.Zone == zone.EgressNatZone);
            foreach (var group in alb.TargetGroups)
            {
                chart.Edges($"{Id(group.Name)} -->|\"HTTP {port}\"| tasks{i}", (Id(group.Name), $"tasks{i}", $"HTTP {port}"));
            }

            chart.Edges($"tasks{i} -.->|\"HTTPS out\"| nat{natIndex}", ($"tasks{i}", $"nat{natIndex}", "HTTPS out"));
        }

        for (var i = 0; i < network.Zones.Count; i++)
        {
            if (network.Zones[i].HasNatGateway)
            {
                chart.Edges($"nat{i} -.-> igw", ($"nat{i}", "igw", ""));
            }
        }

        return chart;
    }

    private static string Id(string name) => name.Replace('-', '_');

    /// <summary>A node or a subgraph of the chart: its id, the subgraph it sits in, and the line that defines it.</summary>
    private sealed record Item(string Id, string? Parent, string Definition, bool IsGroup);

    /// <summary>A flowchart as it is written, and the items in it with the arrows leaving each.</summary>
    private sealed class Flowchart
    {
        private readonly StringBuilder text = new();
        private readonly List<Item> items = [];
        private readonly List<(string From, string To, string Label)> arrows = [];

        public string Text => text.ToString();

        public IReadOnlyList<Item> Items => items;

        public bool Has(string id) => items.Any(item => item.Id == id);

        /// <summary>
        /// What makes an item the same in two charts: its definition, and its arrows to the items
        /// <paramref name="inOther"/> chart has too (an arrow to an added or removed item marks that item).
        /// </summary>
        public string Signature(string id, Func<string, bool> inOther) =>
            string.Join("\n", items.Where(item => item.Id == id).Select(item => item.Definition)
                .Concat(arrows.Where(a => a.From == id && inOther(a.To)).Select(a => $"-> {a.To} {a.Label}").Order(StringComparer.Ordinal)));

        public void Line(string line) => text.AppendLine(line);

        public void Node(string? parent, string id, string shape) => Add(new Item(id, parent, id + shape, IsGroup: false));

        public void Group(string? parent, string id, string label) => Add(new Item(id, parent, $"subgraph {id}[\"{label}\"]", IsGroup: true));

        public void End(string id) => text.AppendLine(Indent(Depth(id)) + "end");

        public void Edges(string line, params (string From, string To, string Label)[] edges)
        {
            text.AppendLine(Indent(1) + line);
            arrows.AddRange(edges);
        }

        private void Add(Item item)
        {
            items.Add(item);
            text.AppendLine(Indent(Depth(item.Id)) + item.Definition);
        }

        private int Depth(string id) => items.Single(item => item.Id == id).Parent is { } parent ? Depth(parent) + 1 : 1;

        private static string Indent(int depth) => new(' ', 4 * depth);
    }
}
