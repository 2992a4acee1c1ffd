using System.Text.Json.Nodes;

namespace WidgetStack.Tests;

/// <summary>prod's log groups under a KMS key of the stack (KMS.4), as they reach the mock runtime.</summary>
public class LogEncryptionTests
{
    private static readonly string KeyArn = MockArns.For("aws:kms/key:Key", "widget-logs-key");

    [Test]
    public async Task Prod_encrypts_every_log_group_with_its_own_rotated_key()
    {
        var run = await StackRun.RunAsync("prod");
        var key = run.Single("aws:kms/key:Key", "widget-logs-key");

        Assert.Multiple(() =>
        {
            Assert.That(key.At("enableKeyRotation"), Is.True);
            Assert.That(key.Number("deletionWindowInDays"), Is.EqualTo(30));
            Assert.That(run.OfType("aws:cloudwatch/logGroup:LogGroup").Select(g => g.Text("kmsKeyId")), Is.EqualTo(new[] { KeyArn, KeyArn }));
        });
    }

    [Test]
    public async Task The_key_policy_lets_the_account_administer_it_and_CloudWatch_Logs_use_it_for_the_account_log_groups_only()
    {
        var run = await StackRun.RunAsync("prod");
        var statements = JsonNode.Parse(run.Single("aws:kms/key:Key", "widget-logs-key").Text("policy")!)!["Statement"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.EqualTo(2));
            Assert.That(statements[0]!["Principal"]!["AWS"]!.GetValue<string>(), Is.EqualTo("arn:aws:iam::123456789012:root"));
            var logs = statements[1]!;
            Assert.That(logs["Principal"]!["Service"]!.GetValue<string>(), Is.EqualTo("logs.us-east-1.amazonaws.com"));
            Assert.That(logs["Action"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*" }));
            Assert.That(logs["Condition"]!["ArnLike"]!["kms:EncryptionContext:aws:logs:arn"]!.GetValue<string>(), Is.EqualTo("arn:aws:logs:us-east-1:123456789012:log-group:*"));
        });
    }

    [Test]
    public async Task Dev_leaves_its_logs_to_CloudWatch_default_encryption()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.Multiple(() =>
        {
            Assert.That(run.OfType("aws:kms/key:Key").Select(k => k.Name), Has.None.EqualTo("widget-logs-key"));
            Assert.That(run.OfType("aws:cloudwatch/logGroup:LogGroup").Select(g => g.At("kmsKeyId")), Is.All.Null);
        });
    }
}
