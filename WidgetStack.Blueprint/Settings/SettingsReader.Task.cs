using WidgetStack.Blueprint.Rules;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Settings;

// The part of the settings reader that reads the container: image, port, size, architecture, capacity and logs.
public static partial class SettingsReader
{
    private static readonly Dictionary<string, CpuArchitecture> ArchitectureChoices = new()
    {
        ["X86_64"] = CpuArchitecture.X86_64,
        ["ARM64"] = CpuArchitecture.ARM64,
    };

    private static TaskSettings ReadTask(ConfigReader reader)
    {
        var imageText = reader.Text(K.Image, ImageUri.Shape);
        var image = imageText is null ? null : ImageUri.TryParse(imageText);
        if (imageText is not null && image is null)
        {
            reader.Fail(K.Image, ImageUri.IsUntagged(imageText) ? "an ECR image URI without a tag: it needs a tag (:<tag> or @sha256:<digest>)" : "not an ECR image URI", ImageUri.Shape);
        }

        var port = reader.Integer(K.ContainerPort, TaskSettings.Port, "TCP port");
        var sizes = FargateTaskSizes.MemoryMiBByCpu;
        var cpu = reader.Integer(K.Cpu, new IntRange(sizes.Keys.Min(), sizes.Keys.Max()), "CPU units");
        var memory = reader.Integer(K.MemoryMiB, new IntRange(sizes.Values.Min(m => m[0]), sizes.Values.Max(m => m[^1])), "MiB");
        if (reader.AllValid(K.Cpu) && !sizes.ContainsKey(cpu))
        {
            reader.Fail(K.Cpu, "not a Fargate CPU size", string.Join(", ", sizes.Keys) + " CPU units");
        }
        else if (reader.AllValid(K.Cpu, K.MemoryMiB) && !FargateTaskSizes.IsValid(cpu, memory))
        {
            reader.Fail(K.MemoryMiB, $"not a Fargate size with {K.Qualified(K.Cpu)} = {cpu}", FargateTaskSizes.DescribeMemoryFor(cpu));
        }

        var architecture = reader.Choice(K.CpuArchitecture, ArchitectureChoices);
        var spot = reader.Boolean(K.Spot);
        var retention = reader.Integer(K.LogRetentionDays, new IntRange(LogRetention.AllowedDays[0], LogRetention.AllowedDays[^1]), "days");
        if (reader.AllValid(K.LogRetentionDays) && !LogRetention.AllowedDays.Contains(retention))
        {
            reader.Fail(K.LogRetentionDays, "not a CloudWatch Logs retention period", string.Join(", ", LogRetention.AllowedDays) + " days");
        }

        // An invalid image has been reported; the placeholder only lets reading go on to find more errors.
        // Stryker disable once String : the placeholder never leaves the reader, which throws once an error is recorded.
        var placeholder = new ImageUri("", "000000000000", "us-east-1", "aws", "invalid");
        var encryption = reader.Boolean(K.LogEncryption);
        var exec = reader.Boolean(K.ExecuteCommand);
        return new TaskSettings(image ?? placeholder, port, cpu, memory, architecture, spot, retention, encryption, exec);
    }
}
