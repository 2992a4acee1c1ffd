using WidgetStack.Blueprint.Config;

namespace WidgetStack.Blueprint.Settings;

/// <summary>
/// The project keys the program reads, with the type each must be declared with in Pulumi.yaml
/// (defaults and descriptions live only there).
/// </summary>
public static class SettingKeys
{
    /// <summary>The project, and so the config namespace.</summary>
    public const string Project = "widget";

    /// <summary>Keys an earlier version read, and what replaced each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Retired = new Dictionary<string, string>
    {
        ["accountId"] = $"retired: the stack's account is {StackFile.AllowedAccountsKey}, which the AWS provider also enforces; move the value there as a list",
    };

    public const string VpcCidr = "vpcCidr";
    public const string AvailabilityZones = "availabilityZones";
    public const string NatGateways = "natGateways";
    public const string FlowLogs = "flowLogs";
    public const string VpcEndpoints = "vpcEndpoints";
    public const string Image = "image";
    public const string ContainerPort = "containerPort";
    public const string Replicas = "replicas";
    public const string Cpu = "cpu";
    public const string MemoryMiB = "memoryMiB";
    public const string CpuArchitecture = "cpuArchitecture";
    public const string Spot = "spot";
    public const string LogRetentionDays = "logRetentionDays";
    public const string LogEncryption = "logEncryption";
    public const string DeploymentStrategy = "deploymentStrategy";
    public const string MinHealthyPercent = "minHealthyPercent";
    public const string MaxPercent = "maxPercent";
    public const string CircuitBreaker = "circuitBreaker";
    public const string CircuitBreakerRollback = "circuitBreakerRollback";
    public const string BakeTimeMinutes = "bakeTimeMinutes";
    public const string HealthCheckGracePeriodSeconds = "healthCheckGracePeriodSeconds";
    public const string CertificateArn = "certificateArn";
    public const string DomainName = "domainName";
    public const string HostedZoneId = "hostedZoneId";
    public const string HostedZoneName = "hostedZoneName";
    public const string DeletionProtection = "deletionProtection";
    public const string HealthCheckPath = "healthCheckPath";
    public const string HealthCheckIntervalSeconds = "healthCheckIntervalSeconds";
    public const string HealthCheckTimeoutSeconds = "healthCheckTimeoutSeconds";
    public const string HealthyThreshold = "healthyThreshold";
    public const string UnhealthyThreshold = "unhealthyThreshold";
    public const string DeregistrationDelaySeconds = "deregistrationDelaySeconds";
    public const string AccessLogs = "accessLogs";
    public const string Waf = "waf";
    public const string WafLargeBodies = "wafLargeBodies";
    public const string AccessLogRetentionDays = "accessLogRetentionDays";
    public const string Autoscaling = "autoscaling";
    public const string MinReplicas = "minReplicas";
    public const string MaxReplicas = "maxReplicas";
    public const string CpuTargetPercent = "cpuTargetPercent";
    public const string RequestsPerTarget = "requestsPerTarget";
    public const string AlarmEmails = "alarmEmails";
    public const string Alarm5xxPerMinute = "alarm5xxPerMinute";
    public const string AlarmMinutes = "alarmMinutes";
    public const string MonthlyBudgetUsd = "monthlyBudgetUsd";
    public const string BudgetAlertPercent = "budgetAlertPercent";
    public const string LinearStepPercent = "linearStepPercent";
    public const string LinearStepBakeMinutes = "linearStepBakeMinutes";
    public const string CanaryPercent = "canaryPercent";
    public const string CanaryBakeMinutes = "canaryBakeMinutes";
    public const string TestListenerPort = "testListenerPort";
    public const string TestListenerCidrs = "testListenerCidrs";
    public const string ExecuteCommand = "executeCommand";

    /// <summary>Every key and its declared type.</summary>
    public static readonly IReadOnlyDictionary<string, ConfigType> Types = new Dictionary<string, ConfigType>
    {
        [VpcCidr] = ConfigType.String,
        [AvailabilityZones] = ConfigType.StringArray,
        [NatGateways] = ConfigType.String,
        [FlowLogs] = ConfigType.Boolean,
        [VpcEndpoints] = ConfigType.Boolean,
        [Image] = ConfigType.String,
        [ContainerPort] = ConfigType.Integer,
        [Replicas] = ConfigType.Integer,
        [Cpu] = ConfigType.Integer,
        [MemoryMiB] = ConfigType.Integer,
        [CpuArchitecture] = ConfigType.String,
        [Spot] = ConfigType.Boolean,
        [LogRetentionDays] = ConfigType.Integer,
        [LogEncryption] = ConfigType.Boolean,
        [DeploymentStrategy] = ConfigType.String,
        [MinHealthyPercent] = ConfigType.Integer,
        [MaxPercent] = ConfigType.Integer,
        [CircuitBreaker] = ConfigType.Boolean,
        [CircuitBreakerRollback] = ConfigType.Boolean,
        [BakeTimeMinutes] = ConfigType.Integer,
        [HealthCheckGracePeriodSeconds] = ConfigType.Integer,
        [CertificateArn] = ConfigType.String,
        [DomainName] = ConfigType.String,
        [HostedZoneId] = ConfigType.String,
        [HostedZoneName] = ConfigType.String,
        [DeletionProtection] = ConfigType.Boolean,
        [HealthCheckPath] = ConfigType.String,
        [HealthCheckIntervalSeconds] = ConfigType.Integer,
        [HealthCheckTimeoutSeconds] = ConfigType.Integer,
        [HealthyThreshold] = ConfigType.Integer,
        [UnhealthyThreshold] = ConfigType.Integer,
        [DeregistrationDelaySeconds] = ConfigType.Integer,
        [AccessLogs] = ConfigType.Boolean,
        [Waf] = ConfigType.Boolean,
        [WafLargeBodies] = ConfigType.Boolean,
        [AccessLogRetentionDays] = ConfigType.Integer,
        [Autoscaling] = ConfigType.Boolean,
        [MinReplicas] = ConfigType.Integer,
        [MaxReplicas] = ConfigType.Integer,
        [CpuTargetPercent] = ConfigType.Integer,
        [RequestsPerTarget] = ConfigType.Integer,
        [AlarmEmails] = ConfigType.StringArray,
        [Alarm5xxPerMinute] = ConfigType.Integer,
        [AlarmMinutes] = ConfigType.Integer,
        [MonthlyBudgetUsd] = ConfigType.Integer,
        [BudgetAlertPercent] = ConfigType.Integer,
        [LinearStepPercent] = ConfigType.String,
        [LinearStepBakeMinutes] = ConfigType.Integer,
        [CanaryPercent] = ConfigType.String,
        [CanaryBakeMinutes] = ConfigType.Integer,
        [TestListenerPort] = ConfigType.Integer,
        [TestListenerCidrs] = ConfigType.StringArray,
        [ExecuteCommand] = ConfigType.Boolean,
    };

    /// <summary>Keys whose value may be a <c>secure:</c> secret: the design never needs to read them offline.</summary>
    public static readonly IReadOnlySet<string> MayBeSecret = new HashSet<string> { CertificateArn };

    /// <summary>The key as written in a stack file, e.g. <c>widget:replicas</c>.</summary>
    public static string Qualified(string key) => $"{Project}:{key}";
}
