namespace WidgetStack.Blueprint.Design;

/// <summary>
/// A KMS key of the stack that encrypts its CloudWatch log groups: rotated yearly (KMS.4), usable
/// by the account's administrators, and by CloudWatch Logs of this region only for this account's
/// log groups.
/// </summary>
/// <param name="KeyName">Logical name of the key.</param>
/// <param name="AccountRootArn">The account, whose IAM policies govern who administers the key.</param>
/// <param name="LogsServicePrincipal">CloudWatch Logs of the stack's region.</param>
/// <param name="LogGroupArnPattern">The log groups the service may use the key for (the encryption context).</param>
/// <param name="Retain">
/// Keep the key when log encryption is turned off or the stack destroyed (with deletion protection
/// on): events written under it stay encrypted with it, and a deleted key makes them unreadable.
/// </param>
public sealed record LogEncryptionDesign(string KeyName, string AccountRootArn, string LogsServicePrincipal, string LogGroupArnPattern, bool Retain)
{
    /// <summary>What CloudWatch Logs may do with the key.</summary>
    public static readonly IReadOnlyList<string> LogsActions = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"];

    /// <summary>The key of a stack, or null when its logs use CloudWatch's own encryption.</summary>
    public static LogEncryptionDesign? From(bool on, string partition, string region, string account, bool retain) => on
        ? new LogEncryptionDesign(
            "widget-logs-key",
            $"arn:{partition}:iam::{account}:root",
            $"logs.{region}.amazonaws.com",
            $"arn:{partition}:logs:{region}:{account}:log-group:*",
            retain)
        : null;
}
