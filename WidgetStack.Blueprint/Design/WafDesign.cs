namespace WidgetStack.Blueprint.Design;

/// <summary>
/// An AWS WAF web ACL in front of the load balancer (ELB.16): AWS's managed rule groups for common
/// exploits, known bad inputs and IP addresses with a bad reputation, each counted in CloudWatch;
/// requests no rule blocks are allowed.
/// </summary>
/// <param name="Name">Logical name of the web ACL.</param>
/// <param name="ManagedRuleGroups">AWS managed rule groups, in priority order.</param>
public sealed record WafDesign(string Name, IReadOnlyList<string> ManagedRuleGroups)
{
    /// <summary>A web ACL for a load balancer is regional.</summary>
    public const string Scope = "REGIONAL";

    /// <summary>Vendor of the managed rule groups.</summary>
    public const string Vendor = "AWS";

    /// <summary>The web ACL of a stack, or null when off.</summary>
    public static WafDesign? From(bool on) => on
        ? new WafDesign("widget-waf", ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAmazonIpReputationList"])
        : null;
}
