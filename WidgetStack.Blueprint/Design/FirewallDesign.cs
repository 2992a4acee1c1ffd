namespace WidgetStack.Blueprint.Design;

/// <summary>The two security groups of the stack.</summary>
public enum GroupRole
{
    /// <summary>The Application Load Balancer's group.</summary>
    LoadBalancer,

    /// <summary>The Fargate tasks' group.</summary>
    Tasks,

    /// <summary>The VPC interface endpoints' group.</summary>
    Endpoints,
}

/// <summary>The other side of a rule: a CIDR block or one of the stack's groups.</summary>
/// <param name="Cidr">An IPv4 block, or null.</param>
/// <param name="Group">A group of the stack, or null.</param>
public sealed record FirewallPeer(string? Cidr, GroupRole? Group)
{
    /// <summary>Any IPv4 address.</summary>
    public static readonly FirewallPeer Anywhere = new("0.0.0.0/0", null);

    /// <summary>Members of one of the stack's groups.</summary>
    public static FirewallPeer GroupOf(GroupRole role) => new(null, role);
}

/// <summary>One TCP port opened to or from a peer.</summary>
/// <param name="Port">TCP port (from = to).</param>
/// <param name="Peer">Who may connect (ingress) or be reached (egress).</param>
/// <param name="Description">Why the rule exists (every rule carries one).</param>
public sealed record FirewallRule(int Port, FirewallPeer Peer, string Description)
{
    /// <summary>Every rule is TCP.</summary>
    public const string Protocol = "tcp";
}

/// <summary>A security group and its rules.</summary>
/// <param name="Role">Which group.</param>
/// <param name="Name">Logical name.</param>
/// <param name="Description">Fixed description: changing it replaces the group, so it never varies.</param>
/// <param name="Ingress">Inbound rules.</param>
/// <param name="Egress">Outbound rules.</param>
public sealed record SecurityGroupDesign(GroupRole Role, string Name, string Description, IReadOnlyList<FirewallRule> Ingress, IReadOnlyList<FirewallRule> Egress);

/// <summary>
/// Who may talk to whom: the load balancer takes HTTP (and HTTPS) from anywhere and talks only to
/// the tasks on the container port; the tasks take only the load balancer, on that port, and
/// reach out only on HTTPS (to the VPC endpoints when there are some, and through NAT); the
/// endpoints take HTTPS from the tasks only.
/// </summary>
/// <param name="LoadBalancer">The ALB's group.</param>
/// <param name="Tasks">The tasks' group.</param>
/// <param name="Endpoints">The interface endpoints' group, or null without endpoints.</param>
public sealed record FirewallDesign(SecurityGroupDesign LoadBalancer, SecurityGroupDesign Tasks, SecurityGroupDesign? Endpoints)
{
    /// <summary>Plain HTTP.</summary>
    public const int HttpPort = 80;

    /// <summary>HTTPS.</summary>
    public const int HttpsPort = 443;

    /// <summary>Every group: the load balancer's, the tasks', and the endpoints' when the VPC has them.</summary>
    [System.Text.Json.Serialization.JsonIgnore] // computed from the other members: the diff shows each fact once
    public IReadOnlyList<SecurityGroupDesign> Groups => Endpoints is null ? [LoadBalancer, Tasks] : [LoadBalancer, Tasks, Endpoints];

    /// <summary>
    /// Derives the rules from the container port, whether HTTPS is on, whether the VPC has
    /// interface endpoints and the test listener, if any, which only its networks may reach.
    /// </summary>
    public static FirewallDesign From(int containerPort, bool https, bool endpoints = false, Settings.TestListenerSettings? testListener = null)
    {
        List<FirewallRule> world = [new(HttpPort, FirewallPeer.Anywhere, https ? "HTTP from anywhere, redirected to HTTPS" : "HTTP from anywhere")];
        if (https)
        {
            world.Add(new(HttpsPort, FirewallPeer.Anywhere, "HTTPS from anywhere"));
        }

        if (testListener is not null)
        {
            world.AddRange(testListener.Cidrs.Select(cidr => new FirewallRule(testListener.Port, new FirewallPeer(cidr, null), $"ECS test traffic to the new version, from {cidr} only (testListenerCidrs)")));
        }

        var loadBalancer = new SecurityGroupDesign(
            GroupRole.LoadBalancer,
            "widget-alb",
            "Widget load balancer: web traffic in, the widget tasks out",
            world,
            [new(containerPort, FirewallPeer.GroupOf(GroupRole.Tasks), "To the widget tasks on the container port")]);
        var tasks = new SecurityGroupDesign(
            GroupRole.Tasks,
            "widget-tasks",
            "Widget tasks: the load balancer in, HTTPS out",
            [new(containerPort, FirewallPeer.GroupOf(GroupRole.LoadBalancer), "From the load balancer on the container port")],
            endpoints
                ?
                [
                    new(HttpsPort, FirewallPeer.GroupOf(GroupRole.Endpoints), "HTTPS to the ECR and CloudWatch Logs endpoints in the VPC"),
                    new(HttpsPort, FirewallPeer.Anywhere, "HTTPS out to the internet (image layers from S3 through its gateway endpoint), through NAT"),
                ]
                : [new(HttpsPort, FirewallPeer.Anywhere, "HTTPS out for ECR image pulls and CloudWatch Logs, through NAT")]);
        var endpointGroup = endpoints
            ? new SecurityGroupDesign(
                GroupRole.Endpoints,
                "widget-endpoints",
                "Widget VPC endpoints: HTTPS from the widget tasks only",
                [new(HttpsPort, FirewallPeer.GroupOf(GroupRole.Tasks), "HTTPS from the widget tasks")],
                [])
            : null;
        return new FirewallDesign(loadBalancer, tasks, endpointGroup);
    }
}
