using Pulumi;
using CloudWatch = Pulumi.Aws.CloudWatch;

namespace WidgetStack;

/// <summary>The arguments every log group of the stack is made with.</summary>
internal static class LogGroups
{
    /// <summary>
    /// The options of a log group: a child of <paramref name="parent"/>, kept when the stack no
    /// longer holds it where <paramref name="retain"/> says so (its events are data).
    /// </summary>
    public static CustomResourceOptions Options(Resource parent, bool retain) => new() { Parent = parent, RetainOnDelete = retain };

    /// <summary>A named log group kept <paramref name="retentionDays"/> days, encrypted with <paramref name="keyArn"/> when given.</summary>
    public static CloudWatch.LogGroupArgs Args(string name, int retentionDays, Output<string>? keyArn)
    {
        var args = new CloudWatch.LogGroupArgs { Name = name, RetentionInDays = retentionDays };
        if (keyArn is not null)
        {
            args.KmsKeyId = keyArn;
        }

        return args;
    }
}
