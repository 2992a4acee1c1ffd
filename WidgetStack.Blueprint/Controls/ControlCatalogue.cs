using System.Text.Json.Nodes;

namespace WidgetStack.Blueprint.Controls;

/// <summary>
/// Every security control that applies to this stack, as listed in the project's AWS facts: AWS
/// Foundational Security Best Practices ids, plus the Checkov checks (CKV_AWS_*) FSBP does not
/// cover. Each reads the resources a stack registers, never the design.
/// </summary>
public static class ControlCatalogue
{
    private const string Service = "aws:ecs/service:Service";
    private const string TaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
    private const string Cluster = "aws:ecs/cluster:Cluster";
    private const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    private const string Listener = "aws:lb/listener:Listener";
    private const string TargetGroup = "aws:lb/targetGroup:TargetGroup";
    private const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private const string Ingress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string Egress = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    private const string Vpc = "awsx:ec2:Vpc";
    private const string Subnet = "aws:ec2/subnet:Subnet";
    private const string FlowLog = "aws:ec2/flowLog:FlowLog";
    private const string VpcEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string PublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
    private const string Lifecycle = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
    private const string KmsKey = "aws:kms/key:Key";
    private const string WebAclAssociation = "aws:wafv2/webAclAssociation:WebAclAssociation";
    private const string Topic = "aws:sns/topic:Topic";

    /// <summary>Log retention CloudWatch.16 asks for by default, days.</summary>
    public const int LogRetentionDays = 365;

    /// <summary>Ports EC2.19 calls high-risk when open to the world.</summary>
    public static readonly IReadOnlySet<int> HighRiskPorts = new HashSet<int> { 20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 8080, 8088, 8888, 9200, 9300 };

    /// <summary>The catalogue, in rulebook order.</summary>
    public static IReadOnlyList<Control> All { get; } =
    [
        new("ECS.2", "ECS services should not have public IP addresses assigned to them automatically", [Service],
            "networkConfiguration.assignPublicIp is not true",
            r => Verdict.Over(Of(r, Service), s => !s.IsTrue("networkConfiguration", "assignPublicIp"))),
        new("ECS.4", "ECS containers should run as non-privileged", [TaskDefinition],
            "no container definition sets privileged",
            r => OverContainers(r, c => c["privileged"]?.GetValue<bool>() != true)),
        new("ECS.5", "ECS containers should be limited to read-only access to root filesystems", [TaskDefinition],
            "every container sets readonlyRootFilesystem to true (missing counts as false)",
            r => OverContainers(r, c => c["readonlyRootFilesystem"]?.GetValue<bool>() == true)),
        new("ECS.8", "Secrets should not be passed as container environment variables", [TaskDefinition],
            "no environment variable is AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or ECS_ENGINE_AUTH_DATA",
            r => OverContainers(r, c => !(c["environment"]?.AsArray() ?? []).Any(e =>
                e?["name"]?.GetValue<string>() is "AWS_ACCESS_KEY_ID" or "AWS_SECRET_ACCESS_KEY" or "ECS_ENGINE_AUTH_DATA"))),
        new("ECS.9", "ECS task definitions should have a logging configuration", [TaskDefinition],
            "every container names a log driver",
            r => OverContainers(r, c => c["logConfiguration"]?["logDriver"]?.GetValue<string>() is { Length: > 0 })),
        new("ECS.10", "ECS Fargate services should run on the latest Fargate platform version", [Service],
            "platformVersion is LATEST or unset",
            r => Verdict.Over(Of(r, Service), s => s.Text("platformVersion") is null or "LATEST")),
        new("ECS.12", "ECS clusters should use Container Insights", [Cluster],
            "the containerInsights setting is enabled or enhanced",
            r => Verdict.Over(Of(r, Cluster), c => c.List("settings").OfType<IReadOnlyDictionary<string, object>>()
                .Any(s => s.GetValueOrDefault("name") is "containerInsights" && s.GetValueOrDefault("value") is "enabled" or "enhanced"))),
        new("ECS.20", "ECS task definitions should configure non-root users in Linux container definitions", [TaskDefinition],
            "every container sets a user other than root or 0",
            r => OverContainers(r, c => c["user"]?.GetValue<string>() is { Length: > 0 } user && user is not ("root" or "0" or "0:0"))),
        new("ELB.1", "Application Load Balancer should be configured to redirect all HTTP requests to HTTPS", [Listener],
            "every HTTP listener's default action redirects to HTTPS",
            r => Verdict.Over(Of(r, Listener).Where(l => l.Text("protocol") == "HTTP"), l => l.List("defaultActions").OfType<IReadOnlyDictionary<string, object>>()
                .All(a => a.GetValueOrDefault("type") is "redirect" && (a.GetValueOrDefault("redirect") as IReadOnlyDictionary<string, object>)?.GetValueOrDefault("protocol") is "HTTPS"))),
        new("ELB.4", "Application Load Balancer should be configured to drop invalid HTTP headers", [LoadBalancer],
            "dropInvalidHeaderFields is true",
            r => Verdict.Over(Of(r, LoadBalancer), lb => lb.IsTrue("dropInvalidHeaderFields"))),
        new("ELB.5", "Application and Classic Load Balancers logging should be enabled", [LoadBalancer],
            "accessLogs is enabled and names a bucket",
            r => Verdict.Over(Of(r, LoadBalancer), lb => lb.IsTrue("accessLogs", "enabled") && lb.Text("accessLogs", "bucket") is { Length: > 0 })),
        new("ELB.6", "Application, Gateway, and Network Load Balancers should have deletion protection enabled", [LoadBalancer],
            "enableDeletionProtection is true",
            r => Verdict.Over(Of(r, LoadBalancer), lb => lb.IsTrue("enableDeletionProtection"))),
        new("ELB.12", "Application Load Balancer should be configured with defensive or strictest desync mitigation mode", [LoadBalancer],
            "desyncMitigationMode is defensive or strictest",
            r => Verdict.Over(Of(r, LoadBalancer), lb => lb.Text("desyncMitigationMode") is "defensive" or "strictest")),
        new("ELB.13", "Application, Network and Gateway Load Balancers should span multiple Availability Zones", [LoadBalancer],
            "the load balancer sits in 2 or more subnets",
            r => Verdict.Over(Of(r, LoadBalancer), lb => lb.List("subnets").Count >= 2)),
        new("ELB.16", "Application Load Balancers should be associated with an AWS WAF web ACL (NIST 800-53)", [LoadBalancer, WebAclAssociation],
            "a web ACL association names the load balancer",
            r => Verdict.Over(Of(r, LoadBalancer), lb => Of(r, WebAclAssociation).Any(a => a.Text("resourceArn")?.Contains(lb.Name, StringComparison.Ordinal) == true))),
        new("ELB.17", "Application and Network Load Balancers with listeners should use recommended security policies", [Listener],
            "every HTTPS listener uses a TLS 1.3 policy",
            r => Verdict.Over(Of(r, Listener).Where(l => l.Text("protocol") == "HTTPS"), l => l.Text("sslPolicy")?.Contains("TLS13", StringComparison.Ordinal) == true)),
        new("EC2.2", "VPC default security groups should not allow inbound or outbound traffic", [DefaultSecurityGroup],
            "the default group is adopted with no ingress and no egress rules",
            r => Verdict.Over(Of(r, DefaultSecurityGroup), g => g.List("ingress").Count == 0 && g.List("egress").Count == 0)),
        new("EC2.6", "VPC flow logging should be enabled in all VPCs", [Vpc, FlowLog],
            "a flow log records ALL or REJECT traffic of the VPC",
            r => Verdict.Over(Of(r, Vpc), vpc => Of(r, FlowLog).Any(f => f.Text("trafficType") is "ALL" or "REJECT" && f.Text("vpcId") is { Length: > 0 }))),
        new("EC2.15", "EC2 subnets should not automatically assign public IP addresses", [Subnet],
            "no subnet sets mapPublicIpOnLaunch to true",
            r => Verdict.Over(Of(r, Subnet), subnet => !subnet.IsTrue("mapPublicIpOnLaunch"))),
        new("EC2.18", "Security groups should only allow unrestricted incoming traffic for authorized ports", [Ingress],
            "rules open to 0.0.0.0/0 or ::/0 cover only ports 80 and 443",
            r => Verdict.Over(Of(r, Ingress), rule => !OpenToWorld(rule) || (rule.Number("fromPort") is 80 or 443 && rule.Number("toPort") == rule.Number("fromPort")))),
        new("EC2.19", "Security groups should not allow unrestricted access to ports with high risk", [Ingress],
            "no rule open to the world covers a high-risk port",
            r => Verdict.Over(Of(r, Ingress), rule => !OpenToWorld(rule) || !HighRiskPorts.Any(p => rule.Number("fromPort") <= p && p <= rule.Number("toPort")))),
        new("EC2.55", "VPCs should be configured with an interface endpoint for ECR API", [Vpc, VpcEndpoint],
            "an interface endpoint for com.amazonaws.<region>.ecr.api exists",
            r => Verdict.Over(Of(r, Vpc), _ => HasEndpoint(r, ".ecr.api"))),
        new("EC2.56", "VPCs should be configured with an interface endpoint for Docker Registry", [Vpc, VpcEndpoint],
            "an interface endpoint for com.amazonaws.<region>.ecr.dkr exists",
            r => Verdict.Over(Of(r, Vpc), _ => HasEndpoint(r, ".ecr.dkr"))),
        new("IAM.1", "IAM policies should not allow full \"*\" administrative privileges", [RolePolicy],
            "no statement allows action * on resource *",
            r => Verdict.Over(Of(r, RolePolicy), p => !Statements(p).Any(s => Values(s["Action"]).Contains("*") && Values(s["Resource"]).Contains("*")))),
        new("IAM.21", "IAM customer managed policies that you create should not allow wildcard actions for services", [RolePolicy],
            "no action is service:*",
            r => Verdict.Over(Of(r, RolePolicy), p => !Statements(p).SelectMany(s => Values(s["Action"])).Any(a => a.EndsWith(":*", StringComparison.Ordinal)))),
        new("CloudWatch.16", "CloudWatch log groups should be retained for a specified time period", [LogGroup],
            $"retentionInDays is at least {LogRetentionDays}",
            r => Verdict.Over(Of(r, LogGroup), g => g.Number("retentionInDays") >= LogRetentionDays)),
        new("KMS.4", "AWS KMS key rotation should be enabled", [KmsKey],
            "enableKeyRotation is true",
            r => Verdict.Over(Of(r, KmsKey), k => k.IsTrue("enableKeyRotation"))),
        new("SNS.1", "SNS topics should be encrypted at-rest using AWS KMS", [Topic],
            "kmsMasterKeyId is set",
            r => Verdict.Over(Of(r, Topic), t => t.Text("kmsMasterKeyId") is { Length: > 0 })),
        new("S3.2", "S3 general purpose buckets should block public read access", [Bucket, BucketPolicy],
            "no bucket policy statement allows the principal *",
            r => Verdict.Over(Of(r, Bucket), _ => !Of(r, BucketPolicy).SelectMany(Statements).Any(s => s["Effect"]?.GetValue<string>() == "Allow" && s["Principal"]?.ToJsonString() is "\"*\"" or "{\"AWS\":\"*\"}"))),
        new("S3.3", "S3 general purpose buckets should block public write access", [Bucket, PublicAccessBlock],
            "each bucket has a public access block that blocks public ACLs and policies",
            r => Verdict.Over(Of(r, Bucket), _ => Of(r, PublicAccessBlock).Any(b => b.IsTrue("blockPublicAcls") && b.IsTrue("blockPublicPolicy")))),
        new("S3.5", "S3 general purpose buckets should require requests to use SSL", [Bucket, BucketPolicy],
            "the bucket policy denies every request with aws:SecureTransport false",
            r => Verdict.Over(Of(r, Bucket), _ => Of(r, BucketPolicy).SelectMany(Statements).Any(s =>
                s["Effect"]?.GetValue<string>() == "Deny" && s["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false"))),
        new("S3.8", "S3 general purpose buckets should block public access", [Bucket, PublicAccessBlock],
            "all four public access block settings are true",
            r => Verdict.Over(Of(r, Bucket), _ => Of(r, PublicAccessBlock).Any(b =>
                b.IsTrue("blockPublicAcls") && b.IsTrue("blockPublicPolicy") && b.IsTrue("ignorePublicAcls") && b.IsTrue("restrictPublicBuckets")))),
        new("S3.13", "S3 general purpose buckets should have Lifecycle configurations", [Bucket, Lifecycle],
            "a lifecycle configuration with an enabled rule exists",
            r => Verdict.Over(Of(r, Bucket), _ => Of(r, Lifecycle).Any(l => l.List("rules").OfType<IReadOnlyDictionary<string, object>>().Any(rule => rule.GetValueOrDefault("status") is "Enabled")))),
        new("CKV_AWS_23", "Every security group and security group rule has a description", [SecurityGroup, Ingress, Egress],
            "description is set on each",
            r => Verdict.Over(Of(r, SecurityGroup).Concat(Of(r, Ingress)).Concat(Of(r, Egress)), x => x.Text("description") is { Length: > 0 })),
        new("CKV_AWS_66", "CloudWatch log groups specify a retention", [LogGroup],
            "retentionInDays is set",
            r => Verdict.Over(Of(r, LogGroup), g => g.Number("retentionInDays") > 0)),
        new("CKV_AWS_249", "The ECS task execution role is not the task role", [TaskDefinition],
            "executionRoleArn and taskRoleArn differ",
            r => Verdict.Over(Of(r, TaskDefinition), t => t.Text("executionRoleArn") is { } e && e != t.Text("taskRoleArn"))),
        new("CKV_AWS_261", "Target group health checks name a path", [TargetGroup],
            "healthCheck.path is set",
            r => Verdict.Over(Of(r, TargetGroup), t => t.Text("healthCheck", "path") is { Length: > 0 })),
        new("CKV_AWS_382", "No security group allows all ports out to the world", [Egress],
            "no egress rule with protocol -1 goes to 0.0.0.0/0 or ::/0",
            r => Verdict.Over(Of(r, Egress), rule => !(rule.Text("ipProtocol") == "-1" && OpenToWorld(rule)))),
    ];

    private static IEnumerable<RegisteredResource> Of(IReadOnlyList<RegisteredResource> resources, string type) => resources.Where(r => r.Type == type);

    private static bool OpenToWorld(RegisteredResource rule) => rule.Text("cidrIpv4") == "0.0.0.0/0" || rule.Text("cidrIpv6") == "::/0";

    private static bool HasEndpoint(IReadOnlyList<RegisteredResource> resources, string serviceSuffix) =>
        Of(resources, VpcEndpoint).Any(e => e.Text("vpcEndpointType") == "Interface" && e.Text("serviceName")?.EndsWith(serviceSuffix, StringComparison.Ordinal) == true);

    /// <summary>Decides over every container of every task definition; the containers are JSON text.</summary>
    private static Verdict OverContainers(IReadOnlyList<RegisteredResource> resources, Func<JsonNode, bool> meets) =>
        Verdict.Over(Of(resources, TaskDefinition), t => JsonNode.Parse(t.Text("containerDefinitions") ?? "[]")!.AsArray().All(c => c is not null && meets(c)));

    /// <summary>The statements of a policy document held as JSON text in the <c>policy</c> input.</summary>
    private static IEnumerable<JsonNode> Statements(RegisteredResource policy) =>
        JsonNode.Parse(policy.Text("policy") ?? "{}")?["Statement"]?.AsArray().OfType<JsonNode>() ?? [];

    /// <summary>A policy element that may be one string or a list of strings.</summary>
    private static IReadOnlyList<string> Values(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(v => v!.GetValue<string>())],
        JsonValue value => [value.GetValue<string>()],
        _ => [],
    };
}
