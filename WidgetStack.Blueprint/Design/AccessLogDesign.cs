using WidgetStack.Blueprint.Rules;

namespace WidgetStack.Blueprint.Design;

/// <summary>
/// The load balancer's access logs (Security Hub ELB.5) and the S3 bucket the stack owns for
/// them: public access blocked (S3.8), ACLs off (BucketOwnerEnforced), SSE-S3 (the only
/// encryption log delivery accepts), TLS-only (S3.5), expiry after the retention (S3.13), and a
/// policy that lets only the region's log delivery write, only under the stack's prefix.
/// </summary>
/// <param name="BucketName">Logical name of the bucket (AWS gets it with a random suffix).</param>
/// <param name="Prefix">Key prefix of this stack's logs.</param>
/// <param name="RetentionDays">Days a log object is kept.</param>
/// <param name="Writer">Who delivers the logs in the stack's region.</param>
/// <param name="WritableKeys">The only keys the writer may put: <c>&lt;prefix&gt;/AWSLogs/&lt;account&gt;/*</c>.</param>
/// <param name="RetainOnDestroy">Keep the bucket and its logs when the stack is destroyed (with deletion protection on).</param>
public sealed record AccessLogDesign(string BucketName, string Prefix, int RetentionDays, PolicyPrincipal Writer, string WritableKeys, bool RetainOnDestroy)
{
    /// <summary>Server-side encryption with S3-managed keys; log delivery refuses SSE-KMS.</summary>
    public const string Encryption = "AES256";

    /// <summary>ACLs disabled: the bucket owner owns every object.</summary>
    public const string ObjectOwnership = "BucketOwnerEnforced";

    /// <summary>Designs the logs of a stack, or null when they are off.</summary>
    public static AccessLogDesign? From(Settings.WidgetSettings settings)
    {
        var alb = settings.LoadBalancer;
        if (!alb.AccessLogs)
        {
            return null;
        }

        var prefix = $"{settings.Project}/{settings.Stack}";
        return new AccessLogDesign(
            "widget-alb-logs",
            prefix,
            alb.AccessLogRetentionDays,
            ElbLogDelivery.For(settings.Region, settings.Task.Image.Partition),
            $"{prefix}/AWSLogs/{settings.AccountId}/*",
            alb.DeletionProtection);
    }
}
