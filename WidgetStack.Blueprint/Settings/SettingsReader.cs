using System.Net;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Rules;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Settings;

/// <summary>
/// Turns a stack's raw configuration into <see cref="WidgetSettings"/>, or fails with every error
/// of the stack at once. Runs before anything else, in the blueprint and in the Pulumi program alike.
/// </summary>
public static class SettingsReader
{
    private static readonly Dictionary<string, NatStrategy> NatChoices = new()
    {
        ["onePerZone"] = NatStrategy.OnePerZone,
        ["single"] = NatStrategy.Single,
    };

    private static readonly Dictionary<string, CpuArchitecture> ArchitectureChoices = new()
    {
        ["X86_64"] = CpuArchitecture.X86_64,
        ["ARM64"] = CpuArchitecture.ARM64,
    };

    private static readonly Dictionary<string, DeploymentStrategy> StrategyChoices = new()
    {
        ["rolling"] = DeploymentStrategy.Rolling,
        ["blueGreen"] = DeploymentStrategy.BlueGreen,
        ["linear"] = DeploymentStrategy.Linear,
        ["canary"] = DeploymentStrategy.Canary,
    };

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

    private static NetworkSettings ReadNetwork(ConfigReader reader, string region)
    {
        var cidrText = reader.Text(K.VpcCidr, "an IPv4 CIDR block such as 10.0.0.0/16");
        var vpc = ParseVpcCidr(reader, cidrText);

        var zoneAllowed = region.Length > 0
            ? $"{NetworkSettings.ZoneCount.Min} to {NetworkSettings.ZoneCount.Max} distinct zones of {region}: {string.Join(", ", AwsRegions.All.ZonesOf(region))}"
            : $"{NetworkSettings.ZoneCount.Min} to {NetworkSettings.ZoneCount.Max} distinct zones of the stack's region, e.g. us-east-1a";
        var zones = reader.List(K.AvailabilityZones, zoneAllowed);
        if (reader.AllValid(K.AvailabilityZones))
        {
            if (!NetworkSettings.ZoneCount.Contains(zones.Count))
            {
                reader.Fail(K.AvailabilityZones, $"{zones.Count} zone(s); an Application Load Balancer needs at least 2", zoneAllowed);
            }
            else if (zones.Distinct(StringComparer.Ordinal).Count() != zones.Count)
            {
                reader.Fail(K.AvailabilityZones, "a zone is listed twice", zoneAllowed);
            }
            else if (region.Length > 0 && zones.FirstOrDefault(z => !AwsNames.IsZoneOf(z, region)) is { } stray)
            {
                reader.Fail(
                    K.AvailabilityZones,
                    stray.StartsWith(region, StringComparison.Ordinal) && stray.Length == region.Length + 1
                        ? $"'{stray}' is not a zone AWS has in {StackFile.RegionKey} {region}"
                        : $"'{stray}' is not a zone of {StackFile.RegionKey} {region}",
                    zoneAllowed);
            }
        }

        var nat = reader.Choice(K.NatGateways, NatChoices);
        var flowLogs = reader.Boolean(K.FlowLogs);
        var endpoints = reader.Boolean(K.VpcEndpoints);
        return new NetworkSettings(vpc, zones, nat, flowLogs, endpoints);
    }

    private static IPNetwork2 ParseVpcCidr(ConfigReader reader, string? text)
    {
        var fallback = IPNetwork2.Parse("10.0.0.0/16");
        if (text is null)
        {
            return fallback;
        }

        var allowed = $"an IPv4 network address with a prefix of /{NetworkSettings.AwsVpcPrefix.Min} to /{SubnetLayout.LargestVpcPrefix}";
        var parts = text.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address)
            || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || parts[0].Count(c => c == '.') != 3
            || !byte.TryParse(parts[1], out var prefix) || prefix > 32)
        {
            reader.Fail(K.VpcCidr, "not an IPv4 CIDR block", allowed);
            return fallback;
        }

        var network = IPNetwork2.Parse(parts[0], prefix);
        if (!network.Network.Equals(address))
        {
            reader.Fail(K.VpcCidr, $"host bits are set; the network address is {network}", allowed);
        }
        else if (!NetworkSettings.AwsVpcPrefix.Contains(prefix))
        {
            reader.Fail(K.VpcCidr, $"AWS accepts VPC prefixes /{NetworkSettings.AwsVpcPrefix.Min} to /{NetworkSettings.AwsVpcPrefix.Max}", allowed);
        }
        else if (prefix > SubnetLayout.LargestVpcPrefix)
        {
            reader.Fail(K.VpcCidr, $"too small: public subnets are the VPC prefix + {SubnetLayout.PublicExtraBits} bits and an ALB needs /{SubnetLayout.LargestPublicPrefix} or larger", allowed);
        }

        return network;
    }

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

    private static ScalingSettings ReadScaling(ConfigReader reader)
    {
        var replicas = reader.Integer(K.Replicas, ScalingSettings.ReplicaCount, "tasks");
        var autoscaling = reader.Boolean(K.Autoscaling);
        var min = reader.Integer(K.MinReplicas, ScalingSettings.ReplicaCount, "tasks");
        var max = reader.Integer(K.MaxReplicas, ScalingSettings.ReplicaCount, "tasks");
        var target = reader.Integer(K.CpuTargetPercent, ScalingSettings.CpuTarget, "percent");
        var requests = reader.Integer(K.RequestsPerTarget, ScalingSettings.RequestTarget, "requests per minute per task");
        if (autoscaling && reader.AllValid(K.Replicas, K.MinReplicas, K.MaxReplicas, K.Autoscaling))
        {
            if (min > replicas)
            {
                reader.Fail(K.MinReplicas, $"above {K.Qualified(K.Replicas)} = {replicas}", $"1 to {replicas} tasks");
            }

            if (max < replicas)
            {
                reader.Fail(K.MaxReplicas, $"below {K.Qualified(K.Replicas)} = {replicas}", $"{replicas} to {ScalingSettings.ReplicaCount.Max} tasks");
            }
        }

        return new ScalingSettings(replicas, autoscaling, min, max, target, requests);
    }

    private static DeploymentSettings ReadDeployment(ConfigReader reader, ScalingSettings scaling)
    {
        var strategy = reader.Choice(K.DeploymentStrategy, StrategyChoices);
        var minHealthy = reader.Integer(K.MinHealthyPercent, DeploymentSettings.MinHealthy, "percent");
        var max = reader.Integer(K.MaxPercent, DeploymentSettings.Max, "percent");
        var breaker = reader.Boolean(K.CircuitBreaker);
        var rollback = reader.Boolean(K.CircuitBreakerRollback);
        var bake = reader.Integer(K.BakeTimeMinutes, DeploymentSettings.BakeTime, "minutes");
        var grace = reader.Integer(K.HealthCheckGracePeriodSeconds, DeploymentSettings.GracePeriod, "seconds");
        var stepPercent = reader.Decimal(K.LinearStepPercent, DeploymentSettings.LinearStep, "percent");
        var stepBake = reader.Integer(K.LinearStepBakeMinutes, DeploymentSettings.ShiftBake, "minutes");
        var canaryPercent = reader.Decimal(K.CanaryPercent, DeploymentSettings.Canary, "percent");
        var canaryBake = reader.Integer(K.CanaryBakeMinutes, DeploymentSettings.ShiftBake, "minutes");
        var defaults = DeploymentSettings.Defaults;
        RefuseUnused(reader, strategy, K.BakeTimeMinutes, bake != defaults.BakeTimeMinutes, s => s.ShiftsTraffic(), "blueGreen, linear or canary");
        RefuseUnused(reader, strategy, K.LinearStepPercent, stepPercent != defaults.LinearStepPercent, s => s == DeploymentStrategy.Linear, "linear");
        RefuseUnused(reader, strategy, K.LinearStepBakeMinutes, stepBake != defaults.LinearStepBakeMinutes, s => s == DeploymentStrategy.Linear, "linear");
        RefuseUnused(reader, strategy, K.CanaryPercent, canaryPercent != defaults.CanaryPercent, s => s == DeploymentStrategy.Canary, "canary");
        RefuseUnused(reader, strategy, K.CanaryBakeMinutes, canaryBake != defaults.CanaryBakeMinutes, s => s == DeploymentStrategy.Canary, "canary");

        if (rollback && !breaker && reader.AllValid(K.CircuitBreaker, K.CircuitBreakerRollback))
        {
            if (reader.IsDefault(K.CircuitBreakerRollback))
            {
                // The stack turned the breaker off and never set rollback: blame what it set, and say what else to set.
                reader.Fail(
                    K.CircuitBreaker,
                    $"turns the circuit breaker off, while {K.Qualified(K.CircuitBreakerRollback)} keeps its default, true, which needs it",
                    $"true, or set {K.Qualified(K.CircuitBreakerRollback)}: false as well");
            }
            else
            {
                reader.Fail(
                    K.CircuitBreakerRollback,
                    $"true needs {K.Qualified(K.CircuitBreaker)} = true",
                    $"false (set {K.Qualified(K.CircuitBreakerRollback)}: false), or turn {K.Qualified(K.CircuitBreaker)} on");
            }
        }

        // Progress only gets easier with more replicas (RollingDeployment), so the fewest the
        // service may run is the count that decides for the whole range.
        var stuck = scaling.Fewest;
        if (strategy == DeploymentStrategy.Rolling
            && reader.AllValid(K.MinHealthyPercent, K.MaxPercent, K.Replicas, K.MinReplicas, K.MaxReplicas)
            && !RollingDeployment.CanProgress(stuck, minHealthy, max))
        {
            reader.Fail(
                K.MinHealthyPercent,
                $"with {K.Qualified(K.MaxPercent)} = {max}, a rolling deploy of {stuck} replica(s) keeps "
                + $"{RollingDeployment.TasksKeptRunning(stuck, minHealthy)} and allows {RollingDeployment.TasksAllowed(stuck, max)} tasks, "
                + "so ECS can neither stop nor start one and the deploy stalls",
                $"percents that let ECS stop or start at least one task for every replica count from {scaling.Fewest} to {scaling.Most} (e.g. 50 with maxPercent 200)");
        }

        if (scaling.RequestsPerTarget > 0 && reader.AllValid(K.RequestsPerTarget, K.Autoscaling, K.DeploymentStrategy))
        {
            if (!scaling.Autoscaling)
            {
                reader.Fail(K.RequestsPerTarget, $"set while {K.Qualified(K.Autoscaling)} is false", $"0, or turn {K.Qualified(K.Autoscaling)} on");
            }
            else if (strategy.ShiftsTraffic())
            {
                reader.Fail(
                    K.RequestsPerTarget,
                    $"set with {K.Qualified(K.DeploymentStrategy)} = {Word(strategy)}, where ECS swaps the production target group on every deploy and a request target would follow the wrong one",
                    $"0 with {K.Qualified(K.DeploymentStrategy)} = {Word(strategy)} (CPU tracking still scales)");
            }
        }

        return new DeploymentSettings(strategy, minHealthy, max, breaker, rollback, bake, grace, stepPercent, stepBake, canaryPercent, canaryBake);
    }

    private static string Word(DeploymentStrategy strategy) => StrategyChoices.Single(pair => pair.Value == strategy).Key;

    /// <summary>
    /// A strategy's own setting left at a value other than Pulumi.yaml's default under a strategy
    /// that does not use it is a mistake, not a choice: refused, naming the strategies that use it.
    /// </summary>
    private static void RefuseUnused(ConfigReader reader, DeploymentStrategy strategy, string key, bool changed, Func<DeploymentStrategy, bool> uses, string users)
    {
        if (changed && !uses(strategy) && reader.AllValid(key, K.DeploymentStrategy))
        {
            reader.Fail(key, $"set while {K.Qualified(K.DeploymentStrategy)} is {Word(strategy)}, which does not use it", $"the default, or {K.Qualified(K.DeploymentStrategy)} = {users}");
        }
    }

    /// <summary>
    /// The test listener: a port and the networks that may reach it, together or not at all, only
    /// for the strategies that have ECS shift traffic (its test listener rule is part of them).
    /// </summary>
    private static TestListenerSettings? ReadTestListener(ConfigReader reader, DeploymentStrategy strategy, int containerPort)
    {
        var port = reader.Integer(K.TestListenerPort, TestListenerSettings.PortOrNone, "TCP port (0 for none)");
        const string cidrsAllowed = "IPv4 CIDR blocks such as 203.0.113.0/24, with testListenerPort set; empty without it";
        var cidrs = reader.List(K.TestListenerCidrs, cidrsAllowed);
        if (!reader.AllValid(K.TestListenerPort, K.TestListenerCidrs, K.DeploymentStrategy))
        {
            return null;
        }

        foreach (var cidr in cidrs.Where(c => !IsIpv4Cidr(c)))
        {
            reader.Fail(K.TestListenerCidrs, $"'{cidr}' is not an IPv4 CIDR block", cidrsAllowed);
        }

        if (port == 0)
        {
            if (cidrs.Count > 0)
            {
                reader.Fail(K.TestListenerCidrs, $"set without {K.Qualified(K.TestListenerPort)}", $"empty, or set {K.Qualified(K.TestListenerPort)} too");
            }

            return null;
        }

        if (port is FirewallDesign.HttpPort or FirewallDesign.HttpsPort || port == containerPort)
        {
            reader.Fail(K.TestListenerPort, $"{port} is taken by the production listeners or the container", $"a port other than {FirewallDesign.HttpPort}, {FirewallDesign.HttpsPort} and {K.Qualified(K.ContainerPort)} = {containerPort}");
        }

        if (cidrs.Count == 0)
        {
            reader.Fail(K.TestListenerPort, $"set without {K.Qualified(K.TestListenerCidrs)}, so nobody could reach it", $"0, or set {K.Qualified(K.TestListenerCidrs)} too");
        }

        if (!strategy.ShiftsTraffic())
        {
            reader.Fail(K.TestListenerPort, $"set while {K.Qualified(K.DeploymentStrategy)} is {Word(strategy)}, which sends no test traffic", $"0, or {K.Qualified(K.DeploymentStrategy)} = blueGreen, linear or canary");
        }

        return new TestListenerSettings(port, cidrs);
    }

    private static bool IsIpv4Cidr(string text) =>
        text.Split('/') is [var address, var prefix]
        && IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.Count(c => c == '.') == 3
        && byte.TryParse(prefix, out var bits) && bits <= 32
        && IPNetwork2.Parse(address, bits).Network.Equals(ip);

    private static LoadBalancerSettings ReadLoadBalancer(ConfigReader reader, string region)
    {
        var certificateAllowed = $"empty, or an ACM certificate ARN in {(region.Length > 0 ? region : "the stack's region")}";
        var certificate = reader.Text(K.CertificateArn, certificateAllowed, emptyIsUnset: true);
        if (certificate is not null and not LoadBalancerSettings.SecretPlaceholder && region.Length > 0
            && !AwsNames.IsCertificateArnIn(certificate, region))
        {
            reader.Fail(K.CertificateArn, "not an ACM certificate ARN of the stack's region", certificateAllowed);
        }

        var protection = reader.Boolean(K.DeletionProtection);
        var pathAllowed = $"a path starting with /, at most {HealthCheckSettings.MaxPathLength} characters, no spaces";
        var path = reader.Text(K.HealthCheckPath, pathAllowed) ?? "/";
        if (reader.AllValid(K.HealthCheckPath)
            && (!path.StartsWith('/') || path.Length > HealthCheckSettings.MaxPathLength || path.Any(char.IsWhiteSpace)))
        {
            reader.Fail(K.HealthCheckPath, "not a health check path", pathAllowed);
        }

        var interval = reader.Integer(K.HealthCheckIntervalSeconds, HealthCheckSettings.Interval, "seconds");
        var timeout = reader.Integer(K.HealthCheckTimeoutSeconds, HealthCheckSettings.Timeout, "seconds");
        if (reader.AllValid(K.HealthCheckIntervalSeconds, K.HealthCheckTimeoutSeconds) && timeout >= interval)
        {
            reader.Fail(K.HealthCheckTimeoutSeconds, $"not less than {K.Qualified(K.HealthCheckIntervalSeconds)} = {interval}", $"{HealthCheckSettings.Timeout.Min} to {interval - 1} seconds");
        }

        var healthy = reader.Integer(K.HealthyThreshold, HealthCheckSettings.Threshold, "checks");
        var unhealthy = reader.Integer(K.UnhealthyThreshold, HealthCheckSettings.Threshold, "checks");
        var delay = reader.Integer(K.DeregistrationDelaySeconds, LoadBalancerSettings.DeregistrationDelay, "seconds");
        var accessLogs = reader.Boolean(K.AccessLogs);
        var accessLogDays = reader.Integer(K.AccessLogRetentionDays, LoadBalancerSettings.AccessLogRetention, "days");
        var domain = ReadDomain(reader, certificate);
        var waf = reader.Boolean(K.Waf);
        var largeBodies = reader.Boolean(K.WafLargeBodies);
        if (largeBodies && !waf && reader.AllValid(K.Waf, K.WafLargeBodies))
        {
            reader.Fail(K.WafLargeBodies, $"true needs {K.Qualified(K.Waf)} = true: without a web ACL no rule blocks a large body", $"false, or turn {K.Qualified(K.Waf)} on");
        }

        return new LoadBalancerSettings(certificate, protection, new HealthCheckSettings(path, interval, timeout, healthy, unhealthy), delay, domain, accessLogs, accessLogDays, waf, largeBodies);
    }

    private static AlarmSettings ReadAlarms(ConfigReader reader)
    {
        const string allowed = "a list of e-mail addresses such as ops@example.com, or []";
        var emails = reader.List(K.AlarmEmails, allowed);
        if (reader.AllValid(K.AlarmEmails) && emails.FirstOrDefault(e => !AwsNames.IsEmailAddress(e)) is { } bad)
        {
            reader.Fail(K.AlarmEmails, $"'{bad}' is not an e-mail address", allowed);
        }
        else if (emails.Distinct(StringComparer.OrdinalIgnoreCase).Count() != emails.Count)
        {
            reader.Fail(K.AlarmEmails, "an address is listed twice", allowed);
        }

        var fiveXx = reader.Integer(K.Alarm5xxPerMinute, AlarmSettings.FiveXx, "responses per minute");
        var minutes = reader.Integer(K.AlarmMinutes, AlarmSettings.EvaluationMinutes, "minutes");
        var budget = reader.Integer(K.MonthlyBudgetUsd, AlarmSettings.Budget, "USD");
        var alertPercent = reader.Integer(K.BudgetAlertPercent, AlarmSettings.AlertPercent, "percent");
        return new AlarmSettings(emails, fiveXx, minutes, budget, alertPercent);
    }

    private static DomainSettings? ReadDomain(ConfigReader reader, string? certificate)
    {
        var zone = $"{K.Qualified(K.HostedZoneId)} and {K.Qualified(K.HostedZoneName)}";
        var nameAllowed = $"empty, or a DNS name such as widgets.example.com inside {K.Qualified(K.HostedZoneName)}, with {zone} set";
        var name = reader.Text(K.DomainName, nameAllowed, emptyIsUnset: true);
        var zoneId = reader.Text(K.HostedZoneId, "empty, or a Route 53 hosted zone id: Z and 4 to 31 upper-case letters or digits", emptyIsUnset: true);
        var zoneName = reader.Text(K.HostedZoneName, "empty, or the DNS name of the hosted zone's apex, e.g. example.com", emptyIsUnset: true);
        if (zoneId is not null && !AwsNames.IsHostedZoneId(zoneId))
        {
            reader.Fail(K.HostedZoneId, "not a Route 53 hosted zone id", "Z and 4 to 31 upper-case letters or digits, e.g. Z0123456789ABCDEFGHIJ");
        }

        if (zoneName is not null && !AwsNames.IsDnsName(zoneName))
        {
            reader.Fail(K.HostedZoneName, NotADnsName(zoneName), "the hosted zone's apex, e.g. example.com");
        }

        if (name is null)
        {
            return null;
        }

        if (!AwsNames.IsDnsName(name))
        {
            reader.Fail(K.DomainName, NotADnsName(name), nameAllowed);
        }
        else if (certificate is not null)
        {
            reader.Fail(K.DomainName, $"set together with {K.Qualified(K.CertificateArn)}; the program requests the domain's certificate itself", $"either {K.Qualified(K.DomainName)} or {K.Qualified(K.CertificateArn)}, not both");
        }
        else if (zoneId is null || zoneName is null)
        {
            reader.Fail(K.DomainName, $"set without {zone}, which hold its validation and alias records", nameAllowed);
        }
        else if (AwsNames.IsDnsName(zoneName) && !AwsNames.IsWithin(name, zoneName))
        {
            reader.Fail(K.DomainName, $"not inside the hosted zone {zoneName}", nameAllowed);
        }

        return new DomainSettings(name.ToLowerInvariant(), zoneId ?? "", zoneName ?? "");
    }

    // The Route 53 console writes names fully qualified, with a final dot ("example.com."); the stack takes them without it.
    private static string NotADnsName(string text) =>
        text.EndsWith('.') && AwsNames.IsDnsName(text[..^1])
            ? $"not a DNS name as the stack takes it: drop the trailing dot (Route 53 shows names fully qualified; write {text[..^1]})"
            : "not a DNS name";

    private static void CheckSubnetsHoldPeak(ConfigReader reader, NetworkSettings network, ScalingSettings scaling, DeploymentSettings deployment)
    {
        if (!reader.AllValid(K.VpcCidr, K.AvailabilityZones, K.Replicas, K.MaxReplicas, K.MaxPercent, K.DeploymentStrategy))
        {
            return;
        }

        var peak = PeakTasks(scaling, deployment);
        var needed = SubnetLayout.TasksPerPrivateSubnet(peak, network.AvailabilityZones.Count);
        var capacity = SubnetLayout.PrivateSubnetCapacity(network.VpcCidr);
        if (needed > capacity)
        {
            reader.Fail(
                K.VpcCidr,
                $"too small: each private subnet holds {capacity} tasks, but a deploy at the peak of {peak} tasks over "
                + $"{network.AvailabilityZones.Count} zones needs {needed} per zone to survive the loss of one",
                "a larger VPC (smaller prefix), more zones, or fewer replicas");
        }
    }

    /// <summary>The most tasks that can run at once: the largest count during a deploy.</summary>
    public static int PeakTasks(ScalingSettings scaling, DeploymentSettings deployment) =>
        deployment.Strategy.ShiftsTraffic()
            ? 2 * scaling.Most
            : RollingDeployment.TasksAllowed(scaling.Most, deployment.MaxPercent);
}
