using System.Text.Json.Nodes;

namespace WidgetStack.Tests;

/// <summary>Who may assume each role, as the trust policies reach the mock runtime.</summary>
public class TrustPolicyTests
{
    [Test]
    public async Task Each_role_trusts_one_service_for_the_stack_account_only_where_AWS_documents_the_keys()
    {
        var run = await StackRun.RunAsync("prod", ("deploymentStrategy", "blueGreen"), ("requestsPerTarget", "0"));
        var policies = run.OfType("aws:iam/role:Role").ToDictionary(r => r.Name!, r => JsonNode.Parse(r.Text("assumeRolePolicy")!)!);

        Assert.Multiple(() =>
        {
            Assert.That(policies.Keys, Is.EquivalentTo(new[] { "widget-execution", "widget-task", "widget-ecs-infra", "widget-flow-logs" }));
            foreach (var (role, policy) in policies)
            {
                var statement = policy["Statement"]!.AsArray().Single()!;
                Assert.That(statement["Action"]!.GetValue<string>(), Is.EqualTo("sts:AssumeRole"), role);
                Assert.That(statement["Effect"]!.GetValue<string>(), Is.EqualTo("Allow"), role);
            }

            AssertTrust(policies["widget-execution"], "ecs-tasks.amazonaws.com", "arn:aws:ecs:us-east-1:123456789012:*");
            AssertTrust(policies["widget-task"], "ecs-tasks.amazonaws.com", "arn:aws:ecs:us-east-1:123456789012:*");
            AssertTrust(policies["widget-flow-logs"], "vpc-flow-logs.amazonaws.com", "arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*");
            AssertTrust(policies["widget-ecs-infra"], "ecs.amazonaws.com", sourceArn: null);
        });
    }

    private static void AssertTrust(JsonNode policy, string service, string? sourceArn)
    {
        var statement = policy["Statement"]![0]!;
        Assert.That(statement["Principal"]!["Service"]!.GetValue<string>(), Is.EqualTo(service));
        if (sourceArn is null)
        {
            Assert.That(statement["Condition"], Is.Null, service);
            return;
        }

        var condition = statement["Condition"]!;
        Assert.That(condition.AsObject().Select(c => c.Key), Is.EqualTo(new[] { "StringEquals", "ArnLike" }), service);
        Assert.That(condition["StringEquals"]!.ToJsonString(), Is.EqualTo("""{"aws:SourceAccount":"123456789012"}"""), service);
        Assert.That(condition["ArnLike"]!["aws:SourceArn"]!.GetValue<string>(), Is.EqualTo(sourceArn), service);
    }
}
