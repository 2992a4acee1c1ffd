using Pulumi;
using WidgetStack.Blueprint.Design;
using Iam = Pulumi.Aws.Iam;

namespace WidgetStack;

/// <summary>Builds an IAM role of the design: the role, its inline policy and its managed policies.</summary>
internal static class Roles
{
    /// <summary>
    /// Creates <paramref name="design"/> as a child of <paramref name="options"/>' parent; the log
    /// groups and keys its statements name resolve to <paramref name="arns"/>, by name.
    /// </summary>
    public static Iam.Role Create(RoleDesign design, IReadOnlyDictionary<string, Output<string>> arns, CustomResourceOptions options)
    {
        var role = new Iam.Role(design.Name, new Iam.RoleArgs
        {
            Description = design.Purpose,
            AssumeRolePolicy = PolicyDocuments.TrustPolicy(design),
        }, options);
        if (design.Statements.Count > 0)
        {
            _ = new Iam.RolePolicy($"{design.Name}-policy", new Iam.RolePolicyArgs
            {
                Role = role.Name,
                Policy = PolicyDocuments.Policy(design.Statements, arns),
            }, options);
        }

        foreach (var (arn, index) in design.ManagedPolicyArns.Select((arn, index) => (arn, index)))
        {
            _ = new Iam.RolePolicyAttachment($"{design.Name}-managed-{index}", new Iam.RolePolicyAttachmentArgs { Role = role.Name, PolicyArn = arn }, options);
        }

        return role;
    }
}
