using Pulumi;
using WidgetStack.Blueprint.Design;

namespace WidgetStack;

/// <summary>
/// The KMS key of <see cref="LogEncryptionDesign"/> that the stack's log groups are encrypted with,
/// rotated yearly, with a key policy that lets the account administer it and CloudWatch Logs of
/// the region use it for the account's log groups only.
/// </summary>
public sealed class LogKey : ComponentResource
{
    /// <summary>Creates the key.</summary>
    public LogKey(string name, LogEncryptionDesign design, ComponentResourceOptions? options = null)
        : base("widget:logs:LogKey", name, options)
    {
        var key = StackKey.Create(design.KeyName, "Encrypts the widget stack's CloudWatch log groups", design.AccountRootArn, new
        {
            Sid = "CloudWatchLogsEncrypts",
            Effect = "Allow",
            Principal = new { Service = design.LogsServicePrincipal },
            Action = LogEncryptionDesign.LogsActions,
            Resource = "*",
            Condition = new { ArnLike = new Dictionary<string, string> { ["kms:EncryptionContext:aws:logs:arn"] = design.LogGroupArnPattern } },
        }, this, design.Retain);
        Arn = key.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["arn"] = Arn });
    }

    /// <summary>The key's ARN, which the log groups name.</summary>
    [Output]
    public Output<string> Arn { get; private set; }
}
