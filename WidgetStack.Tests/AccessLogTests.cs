using System.Text.Json.Nodes;

namespace WidgetStack.Tests;

/// <summary>The load balancer's access logs (ELB.5) and the bucket that keeps them, as they reach the mock runtime.</summary>
public class AccessLogTests
{
    private const string Bucket = "widget-alb-logs";

    [Test]
    public async Task Prod_writes_access_logs_under_its_prefix_to_a_private_encrypted_bucket_that_expires_them()
    {
        var run = await StackRun.RunAsync("prod");
        var bucketId = StackRun.IdOf(Bucket);

        Assert.Multiple(() =>
        {
            var logs = Inputs.Map(run.Single("aws:lb/loadBalancer:LoadBalancer").At("accessLogs"));
            Assert.That(logs, Is.EquivalentTo(new Dictionary<string, object> { ["enabled"] = true, ["bucket"] = Bucket, ["prefix"] = "widget/prod" }));

            var block = run.Single("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
            Assert.That(block.Text("bucket"), Is.EqualTo(bucketId));
            foreach (var flag in new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" })
            {
                Assert.That(block.At(flag), Is.True, flag);
            }

            var ownership = run.Single("aws:s3/bucketOwnershipControls:BucketOwnershipControls");
            Assert.That(ownership.Text("rule", "objectOwnership"), Is.EqualTo("BucketOwnerEnforced"));
            Assert.That(ownership.Text("bucket"), Is.EqualTo(bucketId));

            var encryption = run.Single("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
            Assert.That(Inputs.Map(Inputs.Map(encryption.List("rules").Single())["applyServerSideEncryptionByDefault"])["sseAlgorithm"], Is.EqualTo("AES256"));

            var expiry = Inputs.Map(run.Single("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").List("rules").Single());
            Assert.That(expiry["status"], Is.EqualTo("Enabled"));
            Assert.That(Inputs.Map(expiry["expiration"])["days"], Is.EqualTo(365));
            Assert.That(Inputs.Map(expiry["filter"])["prefix"], Is.EqualTo("widget/prod/"));
        });
    }

    [Test]
    public async Task The_bucket_policy_denies_plain_HTTP_and_lets_only_the_region_ELB_account_write_the_stack_keys()
    {
        var run = await StackRun.RunAsync("prod");
        var policy = JsonNode.Parse(run.Single("aws:s3/bucketPolicy:BucketPolicy").Text("policy")!)!;
        var statements = policy["Statement"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(statements, Has.Count.EqualTo(2));
            var deny = statements[0]!;
            Assert.That(deny["Effect"]!.GetValue<string>(), Is.EqualTo("Deny"));
            Assert.That(deny["Principal"]!.GetValue<string>(), Is.EqualTo("*"));
            Assert.That(deny["Action"]!.GetValue<string>(), Is.EqualTo("s3:*"));
            Assert.That(deny["Resource"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { $"arn:aws:s3:::{Bucket}", $"arn:aws:s3:::{Bucket}/*" }));
            Assert.That(deny["Condition"]!["Bool"]!["aws:SecureTransport"]!.GetValue<string>(), Is.EqualTo("false"));

            var allow = statements[1]!;
            Assert.That(allow["Effect"]!.GetValue<string>(), Is.EqualTo("Allow"));
            Assert.That(allow["Principal"]!.ToJsonString(), Is.EqualTo("""{"AWS":"arn:aws:iam::127311923021:root"}"""));
            Assert.That(allow["Action"]!.GetValue<string>(), Is.EqualTo("s3:PutObject"));
            Assert.That(allow["Resource"]!.GetValue<string>(), Is.EqualTo($"arn:aws:s3:::{Bucket}/widget/prod/AWSLogs/123456789012/*"));
        });
    }

    [Test]
    public async Task The_load_balancer_waits_for_the_bucket_policy_and_the_policy_for_the_public_access_block()
    {
        var run = await StackRun.RunAsync("prod");
        var loadBalancer = run.Resources.OfType<LoadBalancer>().Single();

        Assert.That(RegisteredResources.Names(loadBalancer.LoadBalancerOptions.DependsOn), Is.EqualTo(new[] { $"{Bucket}-policy" }));
    }

    [TestCase("prod", true, false)]
    [TestCase("dev", false, true)]
    public async Task The_bucket_outlives_a_protected_stack_and_goes_with_an_unprotected_one(string stack, bool retained, bool forceDestroy)
    {
        var run = await StackRun.RunAsync(stack, ("accessLogs", "true"));
        var loadBalancer = run.Resources.OfType<LoadBalancer>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(loadBalancer.AccessLogBucketOptions?.RetainOnDelete, Is.EqualTo(retained));
            Assert.That(run.Single("aws:s3/bucket:Bucket").At("forceDestroy"), Is.EqualTo(forceDestroy));
        });
    }

    [Test]
    public async Task Dev_keeps_no_access_logs()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.Multiple(() =>
        {
            Assert.That(run.Registered.Where(r => r.Type!.StartsWith("aws:s3/", StringComparison.Ordinal)), Is.Empty);
            Assert.That(run.Single("aws:lb/loadBalancer:LoadBalancer").At("accessLogs"), Is.Null);
            Assert.That(RegisteredResources.Names(run.Resources.OfType<LoadBalancer>().Single().LoadBalancerOptions.DependsOn), Is.Empty);
        });
    }
}
