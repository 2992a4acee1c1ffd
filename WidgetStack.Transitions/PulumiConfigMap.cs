using System.Text.Json;
using WidgetStack.Blueprint.Config;

namespace WidgetStack.Transitions;

/// <summary>The PULUMI_CONFIG map the Pulumi CLI hands the program for a stack.</summary>
public static class PulumiConfigMap
{
    /// <summary>
    /// What a secret stands for offline, where nothing decrypts it: a value of the key's shape, so
    /// that the program builds what the real value builds (only widget:certificateArn may be secret).
    /// </summary>
    private static readonly Dictionary<string, string> SecretStandIns = new()
    {
        ["certificateArn"] = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000",
    };

    /// <summary>The PULUMI_CONFIG map of a stack file with defaults, as the CLI builds it.</summary>
    public static string From(StackConfig config, params (string Key, string Value)[] overrides)
    {
        var map = new Dictionary<string, string>();
        if (config.Region is ConfigValue.Scalar region)
        {
            map[StackFile.RegionKey] = region.Text;
        }

        if (config.AllowedAccountIds is ConfigValue.List accounts)
        {
            map[StackFile.AllowedAccountsKey] = JsonSerializer.Serialize(accounts.Items);
        }

        foreach (var (key, value) in config.Values)
        {
            switch (value)
            {
                case ConfigValue.Scalar scalar:
                    map[$"{config.Project}:{key}"] = scalar.Text;
                    break;
                case ConfigValue.List list:
                    map[$"{config.Project}:{key}"] = JsonSerializer.Serialize(list.Items);
                    break;
                case ConfigValue.Secret when SecretStandIns.TryGetValue(key, out var standIn):
                    map[$"{config.Project}:{key}"] = standIn;
                    break;
            }
        }

        foreach (var (key, value) in config.OtherKeys)
        {
            if (value is ConfigValue.Scalar scalar)
            {
                map[key] = scalar.Text;
            }
        }

        foreach (var (key, value) in overrides)
        {
            map[$"{config.Project}:{key}"] = value;
        }

        return JsonSerializer.Serialize(map);
    }
}
