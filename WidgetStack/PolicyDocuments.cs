using System.Text.Json;
using Pulumi;
using WidgetStack.Blueprint.Design;

namespace WidgetStack;

/// <summary>IAM policy JSON built in code from the design (no provider invoke needed).</summary>
internal static class PolicyDocuments
{
    /// <summary>A trust policy that lets the role's service assume it, under the role's conditions.</summary>
    public static string TrustPolicy(RoleDesign role) => JsonSerializer.Serialize(
        new
        {
            Version = "2012-10-17",
            Statement = new[]
            {
                new
                {
                    Effect = "Allow",
                    Principal = new { Service = role.TrustedService },
                    Action = "sts:AssumeRole",
                    Condition = Condition(role.TrustConditions),
                },
            },
        },
        OmitNulls);

    /// <summary>A statement's Condition block, or null (left out) when there is none.</summary>
    public static Dictionary<string, Dictionary<string, string>>? Condition(IReadOnlyList<TrustCondition> conditions) =>
        conditions.Count == 0
            ? null
            : conditions.GroupBy(c => c.Operator).ToDictionary(g => g.Key, g => g.ToDictionary(c => c.Key, c => c.Value));

    private static readonly JsonSerializerOptions OmitNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>
    /// An identity policy of <paramref name="statements"/>; the stack's log groups and keys they
    /// name resolve against <paramref name="arns"/> (by log group name or key name) once they exist.
    /// </summary>
    public static Output<string> Policy(IReadOnlyList<PolicyStatement> statements, IReadOnlyDictionary<string, Output<string>> arns) =>
        Output.All(arns.Select(pair => pair.Value.Apply(arn => KeyValuePair.Create(pair.Key, arn)))).Apply(resolved =>
        {
            var arn = resolved.ToDictionary(pair => pair.Key, pair => pair.Value);
            return JsonSerializer.Serialize(new
            {
                Version = "2012-10-17",
                Statement = statements.Select(s => new
                {
                    s.Sid,
                    Effect = "Allow",
                    Action = s.Actions,
                    Resource = s.Resource switch
                    {
                        PolicyResource.LogStreamsOf streams => $"{arn[streams.LogGroupName]}:log-stream:*",
                        PolicyResource.KeyNamed key => arn[key.KeyName],
                        var other => other.ToString(),
                    },
                }),
            });
        });
}
