using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack;

/// <summary>
/// The stack: reads the config once, validates it with the blueprint's rules and the zones the
/// account has (a bad value stops the program before any resource is registered), designs the
/// stack and hands each part of the design to its component.
/// </summary>
public sealed class WidgetStackRoot : Stack
{
    /// <summary>Where the widget server answers.</summary>
    [Output("url")]
    public Output<string> Url { get; private set; }

    /// <summary>The ALB's public DNS name.</summary>
    [Output("albDnsName")]
    public Output<string> AlbDnsName { get; private set; }

    /// <summary>The ECS cluster's name.</summary>
    [Output("clusterName")]
    public Output<string> ClusterName { get; private set; }

    /// <summary>The ECS service's name.</summary>
    [Output("serviceName")]
    public Output<string> ServiceName { get; private set; }

    /// <summary>The VPC's id.</summary>
    [Output("vpcId")]
    public Output<string> VpcId { get; private set; }

    /// <summary>The CloudWatch dashboard of the stack, in the console.</summary>
    [Output("dashboardUrl")]
    public Output<string> DashboardUrl { get; private set; }

    /// <summary>Public subnet ids, in zone order.</summary>
    [Output("publicSubnetIds")]
    public Output<ImmutableArray<string>> PublicSubnetIds { get; private set; }

    /// <summary>Private subnet ids, in zone order.</summary>
    [Output("privateSubnetIds")]
    public Output<ImmutableArray<string>> PrivateSubnetIds { get; private set; }

    /// <summary>The lifecycle options of every resource the stack registered, by type and logical name.</summary>
    public IReadOnlyDictionary<string, ResourceLifecycle> Lifecycles => _lifecycles;

    private readonly ConcurrentDictionary<string, ResourceLifecycle> _lifecycles;

    /// <summary>Builds the stack Pulumi is running.</summary>
    public WidgetStackRoot()
        : this(LoadDesign(), new ConcurrentDictionary<string, ResourceLifecycle>())
    {
    }

    private WidgetStackRoot(WidgetDesign design, ConcurrentDictionary<string, ResourceLifecycle> lifecycles)
        : base(new StackOptions { ResourceTransformations = { Tagging.Everything(design.Tags), ResourceLifecycle.RecordInto(lifecycles) } })
    {
        _lifecycles = lifecycles;
        var logKeyArn = design.LogEncryption is { } encryption ? new LogKey("widget-log-key", encryption).Arn : null;
        var network = new Network("widget-network", new NetworkArgs(design.Network, design.Iam.FlowLogs, logKeyArn));
        var firewall = new SecurityGroups("widget-firewall", new SecurityGroupsArgs(design.Firewall, network.VpcId));
        if (design.Network.Endpoints is { } endpoints && firewall.EndpointGroupId is { } endpointGroupId)
        {
            _ = new VpcEndpoints("widget-endpoints", new VpcEndpointsArgs(endpoints, network.VpcId, network.PrivateSubnetIds, endpointGroupId));
        }

        var loadBalancer = new LoadBalancer(
            "widget-lb",
            new LoadBalancerArgs(design.LoadBalancer, network.VpcId, network.PublicSubnetIds, firewall.LoadBalancerGroupId, design.AccessLogs, design.Waf));
        var monitoring = new Monitoring("widget-monitoring", new MonitoringArgs(design.Monitoring, loadBalancer));
        var service = new WidgetService(
            "widget-service",
            new WidgetServiceArgs(design.Service, design.Iam, design.Settings.Region, network.PrivateSubnetIds, firewall.TaskGroupId, loadBalancer, monitoring, design.Monitoring.AccountRootArn, logKeyArn));

        DashboardUrl = Dashboard.Create(design.Monitoring, design.Settings.Region, loadBalancer, service, monitoring);
        var scheme = design.Settings.LoadBalancer.Https ? "https" : "http";
        Url = design.LoadBalancer.Domain is { } domain ? Output.Create($"https://{domain.Name}") : Output.Format($"{scheme}://{loadBalancer.DnsName}");
        AlbDnsName = loadBalancer.DnsName;
        ClusterName = service.ClusterName;
        ServiceName = service.ServiceName;
        VpcId = network.VpcId;
        PublicSubnetIds = network.PublicSubnetIds;
        PrivateSubnetIds = network.PrivateSubnetIds;
    }

    private static WidgetDesign LoadDesign()
    {
        var config = PulumiStackConfig.Read(Deployment.Instance.ProjectName, Deployment.Instance.StackName);
        try
        {
            var settings = SettingsReader.Read(config);
            AccountZoneCheck.Require(settings);
            return WidgetDesign.From(settings);
        }
        catch (SettingsException e)
        {
            // RunException ends the program with the message alone: no stack trace, nothing registered.
            throw new RunException(e.Message);
        }
    }
}
