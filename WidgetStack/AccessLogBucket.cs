using System.Text.Json;
using Pulumi;
using WidgetStack.Blueprint.Design;
using S3 = Pulumi.Aws.S3;

namespace WidgetStack;

/// <summary>
/// The S3 bucket of the load balancer's access logs, as <see cref="AccessLogDesign"/> describes
/// it. The load balancer must wait for <see cref="Policy"/>: AWS refuses the access-log attribute
/// until log delivery may write.
/// </summary>
internal sealed class AccessLogBucket
{
    /// <summary>Creates the bucket and its settings as children of <paramref name="parent"/>.</summary>
    public AccessLogBucket(AccessLogDesign design, Resource parent)
    {
        Prefix = design.Prefix;
        BucketOptions = new CustomResourceOptions { Parent = parent, RetainOnDelete = design.RetainOnDestroy };
        Bucket = new S3.Bucket(design.BucketName, new S3.BucketArgs { ForceDestroy = !design.RetainOnDestroy }, BucketOptions);
        var child = new CustomResourceOptions { Parent = parent };
        var publicAccess = new S3.BucketPublicAccessBlock($"{design.BucketName}-public-access", new S3.BucketPublicAccessBlockArgs
        {
            Bucket = Bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, child);
        var ownership = new S3.BucketOwnershipControls($"{design.BucketName}-ownership", new S3.BucketOwnershipControlsArgs
        {
            Bucket = Bucket.Id,
            Rule = new S3.Inputs.BucketOwnershipControlsRuleArgs { ObjectOwnership = AccessLogDesign.ObjectOwnership },
        }, child);
        _ = new S3.BucketServerSideEncryptionConfiguration($"{design.BucketName}-encryption", new S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = Bucket.Id,
            Rules =
            {
                new S3.Inputs.BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new S3.Inputs.BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs
                    {
                        SseAlgorithm = AccessLogDesign.Encryption,
                    },
                },
            },
        }, child);
        _ = new S3.BucketLifecycleConfiguration($"{design.BucketName}-expiry", new S3.BucketLifecycleConfigurationArgs
        {
            Bucket = Bucket.Id,
            Rules =
            {
                new S3.Inputs.BucketLifecycleConfigurationRuleArgs
                {
                    Id = "expire-access-logs",
                    Status = "Enabled",
                    Filter = new S3.Inputs.BucketLifecycleConfigurationRuleFilterArgs { Prefix = $"{design.Prefix}/" },
                    Expiration = new S3.Inputs.BucketLifecycleConfigurationRuleExpirationArgs { Days = design.RetentionDays },
                },
            },
        }, child);
        // Put the policy once public access is blocked and ACLs are off, so it is never evaluated without them.
        Policy = new S3.BucketPolicy($"{design.BucketName}-policy", new S3.BucketPolicyArgs
        {
            Bucket = Bucket.Id,
            Policy = Bucket.Arn.Apply(arn => PolicyFor(design, arn)),
        }, new CustomResourceOptions { Parent = parent, DependsOn = { publicAccess, ownership } });
    }

    /// <summary>Key prefix of the stack's logs.</summary>
    public string Prefix { get; }

    /// <summary>The bucket.</summary>
    public S3.Bucket Bucket { get; }

    /// <summary>The bucket's options: whether it outlives the stack.</summary>
    public CustomResourceOptions BucketOptions { get; }

    /// <summary>The bucket policy the load balancer waits for.</summary>
    public S3.BucketPolicy Policy { get; }

    /// <summary>Denies every request without TLS (S3.5); lets the log writer put objects under the stack's keys only.</summary>
    private static string PolicyFor(AccessLogDesign design, string bucketArn) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new object[]
        {
            new
            {
                Sid = "DenyInsecureTransport",
                Effect = "Deny",
                Principal = "*",
                Action = "s3:*",
                Resource = new[] { bucketArn, $"{bucketArn}/*" },
                Condition = new { Bool = new Dictionary<string, string> { ["aws:SecureTransport"] = "false" } },
            },
            new
            {
                Sid = "AllowLoadBalancerLogDelivery",
                Effect = "Allow",
                Principal = new Dictionary<string, string> { [design.Writer.Type] = design.Writer.Identifier },
                Action = "s3:PutObject",
                Resource = $"{bucketArn}/{design.WritableKeys}",
            },
        },
    });
}
