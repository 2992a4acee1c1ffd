using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Rules;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Settings;

/// <summary>
/// Turns a stack's raw configuration into <see cref="WidgetSettings"/>, or fails with every error
/// of the stack at once. Runs before anything else, in the blueprint and in the Pulumi program alike.
/// </summary>
public static partial class SettingsReader
{
    /// <summary>Reads and validates <paramref name="config"/>.</summary>
    /// <exception cref="SettingsException">The stack breaks one or more rules; all are listed.</exception>
    public static WidgetSettings Read(StackConfig config)
    {
        var reader = new ConfigReader(config);
        if (!config.HasConfigBlock && config.UnknownTopLevelKeys.Count > 0)
        {
            // Without its config block every setting would be "not set": the misspelt key alone says why.
            RejectUnknownKeys(config, reader);
            throw new SettingsException(config.Stack, reader.Errors);
        }

        var settings = Read(config, reader);
        if (reader.Errors.Count > 0)
        {
            throw new SettingsException(config.Stack, reader.Errors);
        }

        return settings;
    }

    /// <summary>
    /// The range of every whole number and the words of every choice the reader checks, found by
    /// reading <paramref name="config"/> (errors and all): what the stack file schema states, so
    /// that editors and the validation agree.
    /// </summary>
    internal static AcceptedValues Accepted(StackConfig config)
    {
        var reader = new ConfigReader(config);
        Read(config, reader);
        return reader.Accepted;
    }

    private static WidgetSettings Read(StackConfig config, ConfigReader reader)
    {
        RejectUnknownKeys(config, reader);
        var region = ReadRegion(config, reader);

        var network = ReadNetwork(reader, region);
        var task = ReadTask(reader);
        var account = ReadAccount(config, reader);
        var scaling = ReadScaling(reader);
        var deployment = ReadDeployment(reader, scaling);
        var loadBalancer = ReadLoadBalancer(reader, region) with { TestListener = ReadTestListener(reader, deployment.Strategy, task.ContainerPort) };
        var alarms = ReadAlarms(reader);
        CheckSubnetsHoldPeak(reader, network, scaling, deployment);
        return new WidgetSettings(config.Project, config.Stack, region, account, network, task, scaling, deployment, loadBalancer, alarms);
    }

    private static void RejectUnknownKeys(StackConfig config, ConfigReader reader)
    {
        foreach (var (key, value) in config.UnknownTopLevelKeys)
        {
            var hint = NearestKey.For(key, StackFile.TopLevelKeys) is { } nearest ? $"did you mean {nearest}?" : "Pulumi reads no such key";
            reader.Fail(key, key, value.Display, $"not a key of a stack settings file ({hint})", $"the top-level keys {string.Join(", ", StackFile.TopLevelKeys)}");
        }

        var known = KnownConfigKeys(config.Project).ToList();
        foreach (var (key, value) in config.Values.Where(pair => !K.Types.ContainsKey(pair.Key)))
        {
            if (K.Retired.TryGetValue(key, out var replacement))
            {
                reader.Fail(K.Qualified(key), key, value.Display, replacement, AllowedKeys);
                continue;
            }

            var hint = NearestKey.For(K.Qualified(key), known) is { } nearest ? $"did you mean {nearest}?" : "see the config block of Pulumi.yaml";
            reader.Fail(K.Qualified(key), key, value.Display, $"unknown key ({hint})", AllowedKeys);
        }

        foreach (var (key, value) in config.OtherKeys.Where(pair => !ProviderKeys.Aws.Contains(pair.Key)))
        {
            var nearest = NearestKey.For(key, known);
            var problem = key.Contains(':', StringComparison.Ordinal)
                ? $"unknown key ({(nearest is null ? "neither a key of Pulumi.yaml nor one of the AWS provider's" : $"did you mean {nearest}?")})"
                : $"a key without a namespace, which Pulumi refuses ({(nearest is null ? $"project keys are written {config.Project}:<key>" : $"did you mean {nearest}?")})";
            reader.Fail(key, key, value.Display, problem, AllowedKeys);
        }
    }

    /// <summary>What a config key may be, for messages.</summary>
    private static string AllowedKeys =>
        $"the {K.Project}: keys declared in Pulumi.yaml, {StackFile.RegionKey}, {StackFile.AllowedAccountsKey}, "
        + $"or another key of the Pulumi AWS provider ({string.Join(", ", ProviderKeys.Aws.Qualified.Where(CommonProviderKeys.Contains))}, ...: Config/AwsProviderKeys.json)";

    /// <summary>The provider keys a message names as examples, those a stack most often sets.</summary>
    private static readonly string[] CommonProviderKeys = ["aws:profile", "aws:assumeRoles", "aws:defaultTags", "aws:sharedCredentialsFiles"];

    /// <summary>Every config key a stack file may set: the project's and the AWS provider's.</summary>
    private static IEnumerable<string> KnownConfigKeys(string project) =>
        K.Types.Keys.Select(key => $"{project}:{key}").Concat(ProviderKeys.Aws.Qualified);

    private static string ReadRegion(StackConfig config, ConfigReader reader)
    {
        var regions = AwsRegions.All;
        var allowed = $"one of the AWS regions {AwsRegions.File} lists (read {regions.AsOf}): {string.Join(", ", regions.Regions)}";
        switch (config.Region)
        {
            case ConfigValue.Scalar { Text: var text } when AwsNames.IsRegion(text):
                return text;
            case null:
                reader.Fail(StackFile.RegionKey, "region", "(not set)", "not set; the stack must name its region", allowed);
                return "";
            case ConfigValue.Scalar { Text: var text }:
                var nearest = NearestKey.For(text, regions.Regions);
                var problem = AwsNames.IsRegionShaped(text) ? "not a region AWS has" : "not a region name";
                reader.Fail(StackFile.RegionKey, "region", config.Region.Display, nearest is null ? problem : $"{problem} (did you mean {nearest}?)", allowed);
                return "";
            default:
                reader.Fail(StackFile.RegionKey, "region", config.Region.Display, "not a region name", allowed);
                return "";
        }
    }

    /// <summary>
    /// The one account the stack deploys to, from the AWS provider's own allow-list: the provider
    /// refuses credentials of any other account before it changes anything, and every policy of
    /// the stack names this account (never the image's, which may be a shared registry's).
    /// </summary>
    private static string ReadAccount(StackConfig config, ConfigReader reader)
    {
        const string key = StackFile.AllowedAccountsKey;
        const string allowed = "a list of the one 12-digit AWS account the stack deploys to, e.g. [\"123456789012\"]";
        switch (config.AllowedAccountIds)
        {
            case ConfigValue.List { Items: [var account] } when AwsNames.IsAccountId(account):
                return account;
            case null:
                reader.Fail(key, "account", "(not set)", "not set; the stack must name its account, so that pulumi up with credentials of another account stops before any change", allowed);
                return "";
            case ConfigValue.List { Items.Count: > 1 } list:
                reader.Fail(key, "account", list.Display, $"{list.Items.Count} accounts; the stack's policies name the one account it deploys to", allowed);
                return "";
            default:
                reader.Fail(key, "account", config.AllowedAccountIds.Display, "not a list of one 12-digit account id", allowed);
                return "";
        }
    }
}
