using Pulumi;
using CloudWatch = Pulumi.Aws.CloudWatch;

namespace WidgetStack;

/// <summary>The arguments every log group of the stack is made with.</summary>
internal static class LogGroups
{
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
