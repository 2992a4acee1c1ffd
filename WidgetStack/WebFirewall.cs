using Pulumi;
using WidgetStack.Blueprint.Design;
using Lb = Pulumi.Aws.LB;
using Waf = Pulumi.Aws.WafV2;

namespace WidgetStack;

/// <summary>The web ACL of <see cref="WafDesign"/> and its association with the load balancer.</summary>
internal static class WebFirewall
{
    /// <summary>Creates the web ACL and attaches it to <paramref name="alb"/>, as children of <paramref name="parent"/>.</summary>
    public static void Create(WafDesign design, Lb.LoadBalancer alb, Resource parent)
    {
        var child = new CustomResourceOptions { Parent = parent };
        var acl = new Waf.WebAcl(design.Name, new Waf.WebAclArgs
        {
            Scope = WafDesign.Scope,
            DefaultAction = new Waf.Inputs.WebAclDefaultActionArgs { Allow = new Waf.Inputs.WebAclDefaultActionAllowArgs() },
            VisibilityConfig = new Waf.Inputs.WebAclVisibilityConfigArgs
            {
                CloudwatchMetricsEnabled = true,
                MetricName = design.Name,
                SampledRequestsEnabled = true,
            },
            Rules = design.ManagedRuleGroups.Select((group, priority) => new Waf.Inputs.WebAclRuleArgs
            {
                Name = group,
                Priority = priority,
                // The group's own actions (block) apply, but for the rules the design counts (ManagedRuleGroup).
                OverrideAction = new Waf.Inputs.WebAclRuleOverrideActionArgs { None = new Waf.Inputs.WebAclRuleOverrideActionNoneArgs() },
                Statement = new Waf.Inputs.WebAclRuleStatementArgs { ManagedRuleGroupStatement = ManagedRuleGroup(design, group) },
                VisibilityConfig = new Waf.Inputs.WebAclRuleVisibilityConfigArgs
                {
                    CloudwatchMetricsEnabled = true,
                    MetricName = group,
                    SampledRequestsEnabled = true,
                },
            }).ToList(),
        }, child);
        _ = new Waf.WebAclAssociation($"{design.Name}-association", new Waf.WebAclAssociationArgs
        {
            ResourceArn = alb.Arn,
            WebAclArn = acl.Arn,
        }, child);
    }

    /// <summary>
    /// The statement that runs AWS's rule group <paramref name="group"/>, with the rules the design
    /// counts instead of block (e.g. the body size limit, for large bodies) overridden to count; a
    /// group without such rules sends no overrides at all.
    /// </summary>
    private static Waf.Inputs.WebAclRuleStatementManagedRuleGroupStatementArgs ManagedRuleGroup(WafDesign design, string group)
    {
        var statement = new Waf.Inputs.WebAclRuleStatementManagedRuleGroupStatementArgs { Name = group, VendorName = WafDesign.Vendor };
        var counted = design.CountedIn(group).ToList();
        if (counted.Count > 0)
        {
            statement.RuleActionOverrides = [.. counted.Select(rule => new Waf.Inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs
            {
                Name = rule,
                ActionToUse = new Waf.Inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs
                {
                    Count = new Waf.Inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs(),
                },
            })];
        }

        return statement;
    }
}
