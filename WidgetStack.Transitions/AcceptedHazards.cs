namespace WidgetStack.Transitions;

/// <summary>
/// The unsafe changes that are what an edit means, each with its reason and cost. Every other
/// unsafe change of a single-setting edit is a defect of the program (the transition tests fail on
/// it). README.md shows the same list under "Edits that are not free".
/// </summary>
public static class AcceptedHazards
{
    /// <summary>The accepted hazards, by the setting whose edit causes them.</summary>
    public static readonly IReadOnlyList<AcceptedHazard> All =
    [
        new(HazardKind.TrafficToEmptyGroup, "aws:lb/listener:Listener", "widget:vpcCidr",
            "A VPC's range cannot change: the VPC and everything in it (security groups, target groups, endpoints) is rebuilt.",
            "An outage from the switch to the new, empty target groups until new tasks pass their health checks, or a failed pulumi up where the load balancer cannot move. Make a new stack instead (see Operating the stacks)."),
        new(HazardKind.TrafficToEmptyGroup, "aws:lb/listenerRule:ListenerRule", "widget:vpcCidr",
            "As above: the production rule follows the rebuilt target groups.", "As above."),
        new(HazardKind.TrafficToEmptyGroup, "aws:ecs/service:Service", "widget:vpcCidr",
            "As above: the service moves to the rebuilt target group.", "As above."),
        new(HazardKind.DataLost, "aws:lb/targetGroup:TargetGroup", "widget:vpcCidr",
            "As above: a target group belongs to one VPC.", "As above."),
        new(HazardKind.DataLost, "aws:route53/record:Record", "widget:domainName",
            "Changing or removing the domain is removing the old name: its alias and validation records go.",
            "Clients of the old name stop resolving it once pulumi up deletes its records (at the end of the update); no data."),
        new(HazardKind.DataLost, "aws:cloudwatch/logGroup:LogGroup", "widget:executeCommand",
            "Turning ECS Exec off on a stack without deletion protection (dev) removes its session log group: the stack says its data may go.",
            "The session logs (dev keeps 7 days of them). With deletionProtection on, the group is kept."),
        new(HazardKind.DataLost, "aws:kms/key:Key", "widget:executeCommand",
            "As above: the sessions' key goes with Exec.", "Nothing readable: the key encrypted only the live sessions; AWS deletes it after its 30-day window."),
    ];

    /// <summary>The acceptance of <paramref name="hazard"/> of <paramref name="change"/> for an edit of <paramref name="editedKeys"/>, or null.</summary>
    public static AcceptedHazard? For(ResourceChange change, Hazard hazard, IReadOnlySet<string> editedKeys) =>
        All.FirstOrDefault(a => a.Kind == hazard.Kind && a.Type == change.Type && editedKeys.Contains(a.Edit));
}
