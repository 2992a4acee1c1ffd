using Pulumi;
using WidgetStack.Blueprint.Design;
using Aws = Pulumi.Aws;

namespace WidgetStack;

/// <summary>What the security groups need: the firewall design and the VPC they live in.</summary>
/// <param name="Firewall">Groups and rules.</param>
/// <param name="VpcId">The VPC.</param>
public sealed record SecurityGroupsArgs(FirewallDesign Firewall, Input<string> VpcId);

/// <summary>
/// The load balancer's and the tasks' security groups, with one rule resource per rule of the
/// design, each with its description. The groups themselves carry no inline rules, so the rule
/// resources are the whole truth, and AWS's default allow-all egress is removed.
/// </summary>
public sealed class SecurityGroups : ComponentResource
{
    /// <summary>The load balancer's group.</summary>
    [Output]
    public Output<string> LoadBalancerGroupId { get; private set; }

    /// <summary>The tasks' group.</summary>
    [Output]
    public Output<string> TaskGroupId { get; private set; }

    /// <summary>The VPC endpoints' group, or null when the VPC has none.</summary>
    public Output<string>? EndpointGroupId { get; }

    /// <summary>Builds both groups and their rules.</summary>
    public SecurityGroups(string name, SecurityGroupsArgs args, ComponentResourceOptions? options = null)
        : base("widget:firewall:SecurityGroups", name, options)
    {
        var groups = args.Firewall.Groups.ToDictionary(
            design => design.Role,
            design => new Aws.Ec2.SecurityGroup(design.Name, new Aws.Ec2.SecurityGroupArgs
            {
                // Constant: a new description would replace a group that is in use.
                Description = design.Description,
                VpcId = args.VpcId,
                Tags = { ["Name"] = design.Name },
            }, new CustomResourceOptions { Parent = this }));

        foreach (var design in args.Firewall.Groups)
        {
            var group = groups[design.Role];
            foreach (var rule in design.Ingress)
            {
                var (cidr, peerGroupId) = Peer(rule, groups);
                _ = new Aws.Vpc.SecurityGroupIngressRule(RuleName(design, "in", rule), new Aws.Vpc.SecurityGroupIngressRuleArgs
                {
                    SecurityGroupId = group.Id,
                    IpProtocol = FirewallRule.Protocol,
                    FromPort = rule.Port,
                    ToPort = rule.Port,
                    CidrIpv4 = cidr,
                    ReferencedSecurityGroupId = peerGroupId,
                    Description = rule.Description,
                }, new CustomResourceOptions { Parent = this });
            }

            foreach (var rule in design.Egress)
            {
                var (cidr, peerGroupId) = Peer(rule, groups);
                _ = new Aws.Vpc.SecurityGroupEgressRule(RuleName(design, "out", rule), new Aws.Vpc.SecurityGroupEgressRuleArgs
                {
                    SecurityGroupId = group.Id,
                    IpProtocol = FirewallRule.Protocol,
                    FromPort = rule.Port,
                    ToPort = rule.Port,
                    CidrIpv4 = cidr,
                    ReferencedSecurityGroupId = peerGroupId,
                    Description = rule.Description,
                }, new CustomResourceOptions { Parent = this });
            }
        }

        LoadBalancerGroupId = groups[GroupRole.LoadBalancer].Id;
        TaskGroupId = groups[GroupRole.Tasks].Id;
        EndpointGroupId = groups.GetValueOrDefault(GroupRole.Endpoints)?.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["loadBalancerGroupId"] = LoadBalancerGroupId,
            ["taskGroupId"] = TaskGroupId,
        });
    }

    /// <summary>The other side of a rule: a CIDR block, or one of the stack's groups (exactly one is set).</summary>
    private static (Input<string>? Cidr, Input<string>? GroupId) Peer(FirewallRule rule, Dictionary<GroupRole, Aws.Ec2.SecurityGroup> groups) =>
        rule.Peer.Cidr is { } cidr ? (cidr, null) : (null, groups[rule.Peer.Group!.Value].Id);

    // Named after what it opens, so that a new port or network is a new rule created before the old goes.
    private static string RuleName(SecurityGroupDesign group, string direction, FirewallRule rule) =>
        $"{group.Name}-{direction}-{rule.Port}-{rule.Peer switch
        {
            { Group: { } peer } => peer.ToString().ToLowerInvariant(),
            { Cidr: var cidr } when cidr == FirewallPeer.Anywhere.Cidr => "world",
            { Cidr: var cidr } => cidr!.Replace('.', '-').Replace('/', '-'),
        }}";
}
