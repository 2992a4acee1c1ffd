using System.Text.Json;
using Pulumi;
using Kms = Pulumi.Aws.Kms;

namespace WidgetStack;

/// <summary>
/// A KMS key the stack owns: rotated yearly (KMS.4), a 30-day deletion window, and a key policy
/// that lets the account administer it plus one statement for the service that uses it.
/// </summary>
internal static class StackKey
{
    /// <summary>Days before a deleted key is gone: the longest AWS allows, to undo a mistake.</summary>
    public const int DeletionWindowDays = 30;

    /// <summary>Creates the key as a child of <paramref name="parent"/>.</summary>
    public static Kms.Key Create(string name, string description, string accountRootArn, object? serviceStatement, Resource parent, bool retain = false) =>
        new(name, new Kms.KeyArgs
        {
            Description = description,
            EnableKeyRotation = true,
            DeletionWindowInDays = DeletionWindowDays,
            Policy = JsonSerializer.Serialize(new
            {
                Version = "2012-10-17",
                // Without the first nobody could ever manage the key again; IAM policies of the account decide who may.
                Statement = new object?[] { new { Sid = "AccountAdministers", Effect = "Allow", Principal = new { AWS = accountRootArn }, Action = "kms:*", Resource = "*" }, serviceStatement }
                    .OfType<object>(),
            }),
        }, new CustomResourceOptions { Parent = parent, RetainOnDelete = retain });
}
