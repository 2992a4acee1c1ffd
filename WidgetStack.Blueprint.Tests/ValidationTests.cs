using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

public class ValidationTests
{
    internal static readonly TestCaseData[] BadConfigs =
    [
        Case("region missing", "aws:region", ("aws:region", null)),
        Case("region not a region", "aws:region", ("aws:region", "moon-base")),
        Case("unknown key, a typo", "widget:replica", ("widget:replica", "3")),
        Case("unknown key far from any", "widget:colour", ("widget:colour", "blue")),
        Case("replicas zero", "widget:replicas", ("widget:replicas", "0")),
        Case("replicas negative", "widget:replicas", ("widget:replicas", "-2")),
        Case("replicas not a number", "widget:replicas", ("widget:replicas", "three")),
        Case("replicas fractional", "widget:replicas", ("widget:replicas", "2.5")),
        Case("replicas above 1000", "widget:replicas", ("widget:replicas", "1001")),
        Case("replicas a list", "widget:replicas", ("widget:replicas", "[3]")),
        Case("containerPort zero", "widget:containerPort", ("widget:containerPort", "0")),
        Case("containerPort above 65535", "widget:containerPort", ("widget:containerPort", "70000")),
        Case("vpcCidr not a CIDR", "widget:vpcCidr", ("widget:vpcCidr", "10.0.0.0")),
        Case("vpcCidr garbage", "widget:vpcCidr", ("widget:vpcCidr", "ten/16")),
        Case("vpcCidr host bits set", "widget:vpcCidr", ("widget:vpcCidr", "10.0.0.1/16")),
        Case("vpcCidr larger than /16", "widget:vpcCidr", ("widget:vpcCidr", "10.0.0.0/8")),
        Case("vpcCidr smaller than /28", "widget:vpcCidr", ("widget:vpcCidr", "10.0.0.0/29")),
        Case("vpcCidr too small for the layout", "widget:vpcCidr", ("widget:vpcCidr", "10.0.0.0/24")),
        Case("vpcCidr IPv6", "widget:vpcCidr", ("widget:vpcCidr", "\"fd00::/56\"")),
        Case("vpcCidr too small for the peak", "widget:vpcCidr", ("widget:vpcCidr", "10.0.0.0/21"), ("widget:replicas", "600"), ("widget:availabilityZones", "[us-east-1a, us-east-1b]")),
        Case("zones missing", "widget:availabilityZones", ("widget:availabilityZones", null)),
        Case("zones a single word", "widget:availabilityZones", ("widget:availabilityZones", "us-east-1a")),
        Case("zones only one", "widget:availabilityZones", ("widget:availabilityZones", "[us-east-1a]")),
        Case("zones empty", "widget:availabilityZones", ("widget:availabilityZones", "[]")),
        Case("zones duplicated", "widget:availabilityZones", ("widget:availabilityZones", "[us-east-1a, us-east-1a]")),
        Case("zone of another region", "widget:availabilityZones", ("widget:availabilityZones", "[us-east-1a, us-west-2b]")),
        Case("zones more than six", "widget:availabilityZones", ("widget:availabilityZones", "[us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f, us-east-1g]")),
        Case("natGateways unknown", "widget:natGateways", ("widget:natGateways", "none")),
        Case("flowLogs not a boolean", "widget:flowLogs", ("widget:flowLogs", "sometimes")),
        Case("image missing", "widget:image", ("widget:image", null)),
        Case("image from Docker Hub", "widget:image", ("widget:image", "nginx:latest")),
        Case("image without tag", "widget:image", ("widget:image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/widget")),
        Case("image short account", "widget:image", ("widget:image", "1234.dkr.ecr.us-east-1.amazonaws.com/widget:1")),
        Case("image uppercase repository", "widget:image", ("widget:image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/Widget:1")),
        Case("image a secret", "widget:image", ("widget:image", "\n    secure: AAAB")),
        Case("cpu not a Fargate size", "widget:cpu", ("widget:cpu", "300")),
        Case("memory not valid for cpu", "widget:memoryMiB", ("widget:cpu", "256"), ("widget:memoryMiB", "4096")),
        Case("memory off the step", "widget:memoryMiB", ("widget:cpu", "1024"), ("widget:memoryMiB", "2500")),
        Case("memory below 8192 cpu minimum", "widget:memoryMiB", ("widget:cpu", "8192"), ("widget:memoryMiB", "8192")),
        Case("cpuArchitecture lowercase", "widget:cpuArchitecture", ("widget:cpuArchitecture", "arm64")),
        Case("spot not a boolean", "widget:spot", ("widget:spot", "maybe")),
        Case("logRetentionDays not a CloudWatch value", "widget:logRetentionDays", ("widget:logRetentionDays", "10")),
        Case("deploymentStrategy unknown", "widget:deploymentStrategy", ("widget:deploymentStrategy", "redBlack")),
        Case("linearStepPercent below 3", "widget:linearStepPercent", ("widget:deploymentStrategy", "linear"), ("widget:linearStepPercent", "2.9")),
        Case("linearStepPercent not a multiple of 0.1", "widget:linearStepPercent", ("widget:deploymentStrategy", "linear"), ("widget:linearStepPercent", "10.05")),
        Case("linearStepPercent with a decimal comma", "widget:linearStepPercent", ("widget:deploymentStrategy", "linear"), ("widget:linearStepPercent", "\"10,5\"")),
        Case("linearStepPercent under rolling", "widget:linearStepPercent", ("widget:linearStepPercent", "20.0")),
        Case("linearStepBakeMinutes above a day", "widget:linearStepBakeMinutes", ("widget:deploymentStrategy", "linear"), ("widget:linearStepBakeMinutes", "1441")),
        Case("linearStepBakeMinutes under canary", "widget:linearStepBakeMinutes", ("widget:deploymentStrategy", "canary"), ("widget:linearStepBakeMinutes", "2")),
        Case("canaryPercent zero", "widget:canaryPercent", ("widget:deploymentStrategy", "canary"), ("widget:canaryPercent", "0.0")),
        Case("canaryPercent above 100", "widget:canaryPercent", ("widget:deploymentStrategy", "canary"), ("widget:canaryPercent", "100.1")),
        Case("canaryPercent not a number", "widget:canaryPercent", ("widget:deploymentStrategy", "canary"), ("widget:canaryPercent", "five")),
        Case("canaryPercent under linear", "widget:canaryPercent", ("widget:deploymentStrategy", "linear"), ("widget:canaryPercent", "10.0")),
        Case("canaryBakeMinutes negative", "widget:canaryBakeMinutes", ("widget:deploymentStrategy", "canary"), ("widget:canaryBakeMinutes", "-1")),
        Case("canaryBakeMinutes under blue/green", "widget:canaryBakeMinutes", ("widget:deploymentStrategy", "blueGreen"), ("widget:canaryBakeMinutes", "20")),
        Case("bakeTimeMinutes under rolling", "widget:bakeTimeMinutes", ("widget:bakeTimeMinutes", "20")),
        Case("minHealthyPercent above 100", "widget:minHealthyPercent", ("widget:minHealthyPercent", "150")),
        Case("maxPercent below 100", "widget:maxPercent", ("widget:maxPercent", "90")),
        Case("maxPercent above 200", "widget:maxPercent", ("widget:maxPercent", "300")),
        Case("stall: min 100 max 100", "widget:minHealthyPercent", ("widget:minHealthyPercent", "100"), ("widget:maxPercent", "100")),
        Case("stall: 3 replicas max 125", "widget:minHealthyPercent", ("widget:replicas", "3"), ("widget:maxPercent", "125")),
        Case("stall: 2 replicas min 75 max 100", "widget:minHealthyPercent", ("widget:replicas", "2"), ("widget:minHealthyPercent", "75"), ("widget:maxPercent", "100")),
        Case("stall: 1 replica min 100 max 150", "widget:minHealthyPercent", ("widget:replicas", "1"), ("widget:maxPercent", "150")),
        Case("stall within the autoscaling range", "widget:minHealthyPercent", ("widget:replicas", "4"), ("widget:maxPercent", "125"), ("widget:minHealthyPercent", "100"), ("widget:autoscaling", "true"), ("widget:minReplicas", "2"), ("widget:maxReplicas", "8")),
        Case("rollback without circuit breaker", "widget:circuitBreakerRollback", ("widget:circuitBreaker", "false"), ("widget:circuitBreakerRollback", "true")),
        Case("bakeTimeMinutes above a day", "widget:bakeTimeMinutes", ("widget:bakeTimeMinutes", "1441")),
        Case("grace period negative", "widget:healthCheckGracePeriodSeconds", ("widget:healthCheckGracePeriodSeconds", "-1")),
        Case("certificate not an ARN", "widget:certificateArn", ("widget:certificateArn", "my-cert")),
        Case("certificate of another region", "widget:certificateArn", ("widget:certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012")),
        Case("deletionProtection not a boolean", "widget:deletionProtection", ("widget:deletionProtection", "yes-please")),
        Case("health path without slash", "widget:healthCheckPath", ("widget:healthCheckPath", "health")),
        Case("health path with a space", "widget:healthCheckPath", ("widget:healthCheckPath", "\"/he alth\"")),
        Case("health interval below 5", "widget:healthCheckIntervalSeconds", ("widget:healthCheckIntervalSeconds", "4")),
        Case("health interval above 300", "widget:healthCheckIntervalSeconds", ("widget:healthCheckIntervalSeconds", "301")),
        Case("health timeout below 2", "widget:healthCheckTimeoutSeconds", ("widget:healthCheckTimeoutSeconds", "1")),
        Case("health timeout not below interval", "widget:healthCheckTimeoutSeconds", ("widget:healthCheckIntervalSeconds", "10"), ("widget:healthCheckTimeoutSeconds", "10")),
        Case("healthy threshold 1", "widget:healthyThreshold", ("widget:healthyThreshold", "1")),
        Case("unhealthy threshold 11", "widget:unhealthyThreshold", ("widget:unhealthyThreshold", "11")),
        Case("deregistration delay above an hour", "widget:deregistrationDelaySeconds", ("widget:deregistrationDelaySeconds", "3601")),
        Case("autoscaling floor above replicas", "widget:minReplicas", ("widget:autoscaling", "true"), ("widget:minReplicas", "4"), ("widget:maxReplicas", "8")),
        Case("autoscaling ceiling below replicas", "widget:maxReplicas", ("widget:autoscaling", "true"), ("widget:minReplicas", "1"), ("widget:maxReplicas", "2")),
        Case("cpu target above 90", "widget:cpuTargetPercent", ("widget:cpuTargetPercent", "95")),
        Case("a mapping where a number goes", "widget:replicas", ("widget:replicas", "{count: 3}")),
        Case("a nested list where a list of strings goes", "widget:availabilityZones", ("widget:availabilityZones", "[[us-east-1a], us-east-1b]")),
        Case("vpcCidr /32", "widget:vpcCidr", ("widget:vpcCidr", "10.0.0.0/32")),
        Case("unknown key, two edits from a short key", "widget:spto", ("widget:spto", "true")),
        Case("cpu below the smallest size", "widget:cpu", ("widget:cpu", "100")),
        Case("memory below the smallest size", "widget:memoryMiB", ("widget:memoryMiB", "100")),
        Case("logRetentionDays above the longest period", "widget:logRetentionDays", ("widget:logRetentionDays", "5000")),
        Case("minReplicas zero", "widget:minReplicas", ("widget:minReplicas", "0")),
        Case("maxReplicas above 1000", "widget:maxReplicas", ("widget:maxReplicas", "1001")),
        Case("zones of another region in eu-west-1", "widget:availabilityZones", ("aws:region", "eu-west-1"), ("widget:image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/widget:1"), ("widget:availabilityZones", "[eu-west-1a]")),
        Case("zones without a region", "widget:availabilityZones", ("aws:region", null), ("widget:availabilityZones", "[us-east-1a]")),
        Case("certificate without a region", "aws:region", ("aws:region", null), ("widget:certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012")),
        Case("health path longer than 1024", "widget:healthCheckPath", ("widget:healthCheckPath", "/" + new string('a', 1024))),
        Case("a boolean in mixed case", "widget:spot", ("widget:spot", "tRUE")),
        Case("account missing", "aws:allowedAccountIds", ("aws:allowedAccountIds", null)),
        Case("account not 12 digits", "aws:allowedAccountIds", ("aws:allowedAccountIds", "[\"12345\"]")),
        Case("account with letters", "aws:allowedAccountIds", ("aws:allowedAccountIds", "[\"12345678901a\"]")),
        Case("two accounts", "aws:allowedAccountIds", ("aws:allowedAccountIds", "[\"123456789012\", \"210987654321\"]")),
        Case("account not a list", "aws:allowedAccountIds", ("aws:allowedAccountIds", "\"123456789012\"")),
        Case("the retired widget:accountId", "widget:accountId", ("widget:accountId", "\"123456789012\"")),
        Case("domainName not a DNS name", "widget:domainName", ("widget:domainName", "widgets..example.com"), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", "example.com")),
        Case("domainName a single label", "widget:domainName", ("widget:domainName", "widgets"), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", "example.com")),
        Case("domainName with a certificate", "widget:domainName", ("widget:domainName", "widgets.example.com"), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", "example.com"), ("widget:certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012")),
        Case("domainName without a zone", "widget:domainName", ("widget:domainName", "widgets.example.com")),
        Case("domainName without the zone's name", "widget:domainName", ("widget:domainName", "widgets.example.com"), ("widget:hostedZoneId", "Z0123456789EXAMPLE")),
        Case("domainName outside the zone", "widget:domainName", ("widget:domainName", "widgets.example.org"), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", "example.com")),
        Case("domainName ending in the zone's name without a dot", "widget:domainName", ("widget:domainName", "badexample.com"), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", "example.com")),
        Case("hostedZoneId lower case", "widget:hostedZoneId", ("widget:domainName", "widgets.example.com"), ("widget:hostedZoneId", "z0123456789example"), ("widget:hostedZoneName", "example.com")),
        Case("hostedZoneName not a DNS name", "widget:hostedZoneName", ("widget:domainName", "widgets.example.com"), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", "-example.com")),
        Case("alarmEmails not an address", "widget:alarmEmails", ("widget:alarmEmails", "[ops-at-example.com]")),
        Case("alarmEmails listed twice", "widget:alarmEmails", ("widget:alarmEmails", "[ops@example.com, OPS@example.com]")),
        Case("alarmEmails a single word", "widget:alarmEmails", ("widget:alarmEmails", "ops@example.com")),
        Case("alarm5xxPerMinute zero", "widget:alarm5xxPerMinute", ("widget:alarm5xxPerMinute", "0")),
        Case("alarmMinutes above an hour", "widget:alarmMinutes", ("widget:alarmMinutes", "61")),
        Case("requestsPerTarget without autoscaling", "widget:requestsPerTarget", ("widget:requestsPerTarget", "500")),
        Case("requestsPerTarget with blue/green", "widget:requestsPerTarget", ("widget:requestsPerTarget", "500"), ("widget:autoscaling", "true"), ("widget:deploymentStrategy", "blueGreen")),
        Case("monthlyBudgetUsd negative", "widget:monthlyBudgetUsd", ("widget:monthlyBudgetUsd", "-5")),
        Case("budgetAlertPercent zero", "widget:budgetAlertPercent", ("widget:budgetAlertPercent", "0")),
        Case("requestsPerTarget negative", "widget:requestsPerTarget", ("widget:requestsPerTarget", "-1")),
        Case("logEncryption not a boolean", "widget:logEncryption", ("widget:logEncryption", "kms")),
        Case("waf not a boolean", "widget:waf", ("widget:waf", "on")),
        Case("wafLargeBodies not a boolean", "widget:wafLargeBodies", ("widget:wafLargeBodies", "16kb")),
        Case("wafLargeBodies without waf", "widget:wafLargeBodies", ("widget:waf", "false"), ("widget:wafLargeBodies", "true")),
        Case("vpcEndpoints not a boolean", "widget:vpcEndpoints", ("widget:vpcEndpoints", "some")),
        Case("accessLogs not a boolean", "widget:accessLogs", ("widget:accessLogs", "always")),
        Case("accessLogRetentionDays zero", "widget:accessLogRetentionDays", ("widget:accessLogRetentionDays", "0")),
        Case("accessLogRetentionDays above ten years", "widget:accessLogRetentionDays", ("widget:accessLogRetentionDays", "3651")),
        Case("a misspelt project namespace", "wdget:waf", ("wdget:waf", "false")),
        Case("a project namespace in the plural", "widgets:spot", ("widgets:spot", "true")),
        Case("a project key without its namespace", "replicas", ("replicas", "1")),
        Case("a misspelt AWS provider key", "aws:regoin", ("aws:regoin", "us-east-1")),
        Case("a region AWS does not have", "aws:region", ("aws:region", "us-east-9")),
        Case("a zone AWS does not have", "widget:availabilityZones", ("widget:availabilityZones", "[us-east-1a, us-east-1z]")),
        Case("circuit breaker off with rollback at its default", "widget:circuitBreaker", ("widget:circuitBreaker", "false")),
        Case("domainName with the trailing dot Route 53 shows", "widget:domainName", ("widget:domainName", "widgets.example.com."), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", "example.com")),
        Case("hostedZoneName with the trailing dot Route 53 shows", "widget:hostedZoneName", ("widget:domainName", "widgets.example.com"), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", "example.com.")),
    ];

    [TestCaseSource(nameof(BadConfigs))]
    public void A_bad_value_is_rejected_naming_the_key_the_value_and_what_is_allowed(string expectedKey, (string Key, string? Value)[] changes)
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(changes));

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read(StackFile.Load(folder, "qa")));

        var named = error!.Errors.Where(e => e.Key == expectedKey).ToList();
        Assert.That(named, Is.Not.Empty, $"errors were: {error.Message}");
        Assert.That(named[0].ToString(), Does.Contain("allowed:"));
        var changed = changes.FirstOrDefault(c => c.Key == expectedKey).Value;
        if (changed is not null && !changed.Contains("secure", StringComparison.Ordinal) && !changed.StartsWith('[') && !changed.StartsWith('{'))
        {
            Assert.That(named[0].Value, Does.Contain(changed.Trim('"')), "the message shows the value as written");
        }
    }

    [Test]
    public void There_are_at_least_forty_bad_configs() =>
        Assert.That(BadConfigs, Has.Length.GreaterThanOrEqualTo(40));

    [Test]
    public void Every_error_of_a_file_comes_out_together()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(
            ("widget:replicas", "zero"),
            ("widget:image", "nginx"),
            ("widget:cpu", "256"),
            ("widget:memoryMiB", "4096"),
            ("widget:healthCheckPath", "health"),
            ("widget:natGatways", "single")));

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read(StackFile.Load(folder, "qa")));

        Assert.That(
            error!.Errors.Select(e => e.Key),
            Is.EquivalentTo(new[] { "widget:replicas", "widget:image", "widget:memoryMiB", "widget:healthCheckPath", "widget:natGatways" }));
    }

    [Test]
    public void A_typo_suggests_the_nearest_key()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:natGatways", "single")));

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read(StackFile.Load(folder, "qa")));

        Assert.That(error!.Errors.Single().Problem, Does.Contain("did you mean widget:natGateways?"));
    }

    [Test]
    public void A_secret_never_appears_in_an_error()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:image", "\n    secure: AAABsupersecret")));

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read(StackFile.Load(folder, "qa")));

        Assert.That(error!.Message, Does.Not.Contain("supersecret").And.Contain("[secret]"));
    }

    private static TestCaseData Case(string name, string expectedKey, params (string Key, string? Value)[] changes) =>
        new TestCaseData(expectedKey, changes).SetName($"Rejects {name}");
}
