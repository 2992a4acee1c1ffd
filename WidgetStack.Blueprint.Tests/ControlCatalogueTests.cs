using System.Text.Json.Nodes;
using WidgetStack.Blueprint.Controls;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// Each control of the catalogue on a compliant and a non-compliant set of resources (inputs
/// written as the engine delivers them), and the README's description of the catalogue.
/// </summary>
public class ControlCatalogueTests
{
    private const string GoodContainer = """[{"privileged":false,"readonlyRootFilesystem":true,"environment":[{"name":"PORT","value":"3333"}],"logConfiguration":{"logDriver":"awslogs"},"user":"1000"}]""";
    private const string Vpc = "awsx:ec2:Vpc";
    private const string Subnet = "aws:ec2/subnet:Subnet";
    private const string Task = "aws:ecs/taskDefinition:TaskDefinition";
    private const string Lb = "aws:lb/loadBalancer:LoadBalancer";
    private const string Listener = "aws:lb/listener:Listener";
    private const string Ingress = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string Pab = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string GoodAlb = """{"dropInvalidHeaderFields":true,"accessLogs":{"enabled":true,"bucket":"logs"},"enableDeletionProtection":true,"desyncMitigationMode":"defensive","subnets":["a","b"]}""";
    private const string GoodPab = """{"blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""";
    private const string TlsOnly = """{"policy":"{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::127311923021:root\"}}]}"}""";

    /// <summary>Per control: resources that meet it, and resources of which the one named "bad" breaks it.</summary>
    private static readonly Dictionary<string, (RegisteredResource[] Good, RegisteredResource[] Bad)> Cases = new()
    {
        ["ECS.2"] = ([R("aws:ecs/service:Service", "ok", """{"networkConfiguration":{"assignPublicIp":false}}""")], [R("aws:ecs/service:Service", "bad", """{"networkConfiguration":{"assignPublicIp":true}}""")]),
        ["ECS.4"] = ([Container(GoodContainer)], [Container(GoodContainer.Replace("\"privileged\":false", "\"privileged\":true", StringComparison.Ordinal), "bad")]),
        ["ECS.5"] = ([Container(GoodContainer)], [Container(GoodContainer.Replace("\"readonlyRootFilesystem\":true,", "", StringComparison.Ordinal), "bad")]),
        ["ECS.8"] = ([Container(GoodContainer)], [Container(GoodContainer.Replace("\"PORT\"", "\"AWS_SECRET_ACCESS_KEY\"", StringComparison.Ordinal), "bad")]),
        ["ECS.9"] = ([Container(GoodContainer)], [Container(GoodContainer.Replace("\"logDriver\":\"awslogs\"", "\"options\":{}", StringComparison.Ordinal), "bad")]),
        ["ECS.10"] = ([R("aws:ecs/service:Service", "ok", """{"platformVersion":"LATEST"}"""), R("aws:ecs/service:Service", "unset", "{}")], [R("aws:ecs/service:Service", "bad", """{"platformVersion":"1.3.0"}""")]),
        ["ECS.12"] = ([R("aws:ecs/cluster:Cluster", "ok", """{"settings":[{"name":"containerInsights","value":"enhanced"}]}""")], [R("aws:ecs/cluster:Cluster", "bad", """{"settings":[{"name":"containerInsights","value":"disabled"}]}""")]),
        ["ECS.20"] = ([Container(GoodContainer)], [Container(GoodContainer.Replace("\"user\":\"1000\"", "\"user\":\"0\"", StringComparison.Ordinal), "bad"), Container(GoodContainer.Replace(",\"user\":\"1000\"", "", StringComparison.Ordinal), "bad")]),
        ["ELB.1"] = ([R(Listener, "ok", """{"protocol":"HTTP","defaultActions":[{"type":"redirect","redirect":{"protocol":"HTTPS"}}]}"""), R(Listener, "tls", """{"protocol":"HTTPS"}""")], [R(Listener, "bad", """{"protocol":"HTTP","defaultActions":[{"type":"forward"}]}""")]),
        ["ELB.4"] = ([R(Lb, "ok", GoodAlb)], [R(Lb, "bad", GoodAlb.Replace("\"dropInvalidHeaderFields\":true", "\"dropInvalidHeaderFields\":false", StringComparison.Ordinal))]),
        ["ELB.5"] = ([R(Lb, "ok", GoodAlb)], [R(Lb, "bad", GoodAlb.Replace("\"enabled\":true", "\"enabled\":false", StringComparison.Ordinal)), R(Lb, "bad", GoodAlb.Replace("\"bucket\":\"logs\"", "\"bucket\":\"\"", StringComparison.Ordinal))]),
        ["ELB.6"] = ([R(Lb, "ok", GoodAlb)], [R(Lb, "bad", GoodAlb.Replace("\"enableDeletionProtection\":true", "\"enableDeletionProtection\":false", StringComparison.Ordinal))]),
        ["ELB.12"] = ([R(Lb, "ok", GoodAlb), R(Lb, "strict", GoodAlb.Replace("defensive", "strictest", StringComparison.Ordinal))], [R(Lb, "bad", GoodAlb.Replace("defensive", "monitor", StringComparison.Ordinal))]),
        ["ELB.13"] = ([R(Lb, "ok", GoodAlb)], [R(Lb, "bad", GoodAlb.Replace("[\"a\",\"b\"]", "[\"a\"]", StringComparison.Ordinal))]),
        ["ELB.16"] = ([R(Lb, "widget-alb", "{}"), R("aws:wafv2/webAclAssociation:WebAclAssociation", "waf", """{"resourceArn":"arn:aws:elasticloadbalancing:::loadbalancer/app/widget-alb/1"}""")], [R(Lb, "bad", "{}"), R("aws:wafv2/webAclAssociation:WebAclAssociation", "waf", """{"resourceArn":"arn:aws:elasticloadbalancing:::loadbalancer/app/other/1"}""")]),
        ["ELB.17"] = ([R(Listener, "ok", """{"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-2021-06"}"""), R(Listener, "plain", """{"protocol":"HTTP"}""")], [R(Listener, "bad", """{"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-2016-08"}""")]),
        ["EC2.2"] = ([R("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "ok", "{}")], [R("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "bad", """{"egress":[{"protocol":"-1"}]}"""), R("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "bad", """{"ingress":[{"protocol":"-1"}]}""")]),
        ["EC2.6"] = ([R(Vpc, "ok", "{}"), R("aws:ec2/flowLog:FlowLog", "flow", """{"trafficType":"REJECT","vpcId":"vpc-1"}""")], [R(Vpc, "bad", "{}"), R("aws:ec2/flowLog:FlowLog", "flow", """{"trafficType":"ACCEPT","vpcId":"vpc-1"}""")]),
        ["EC2.15"] = ([R(Subnet, "ok", """{"mapPublicIpOnLaunch":false}"""), R(Subnet, "unset", "{}")], [R(Subnet, "bad", """{"mapPublicIpOnLaunch":true}""")]),
        ["EC2.18"] = ([Rule("ok", 443, 443, world: true), Rule("ok80", 80, 80, world: true), Rule("inside", 22, 22, world: false)], [Rule("bad", 22, 22, world: true), Rule("bad", 80, 443, world: true)]),
        ["EC2.19"] = ([Rule("ok", 443, 443, world: true), Rule("inside", 3389, 3389, world: false)], [Rule("bad", 3000, 4000, world: true), Rule("bad", 9300, 9300, world: true)]),
        ["EC2.55"] = ([R(Vpc, "ok", "{}"), Endpoint("ecr.api", "Interface")], [R(Vpc, "bad", "{}"), Endpoint("ecr.api", "Gateway"), Endpoint("ecr.dkr", "Interface")]),
        ["EC2.56"] = ([R(Vpc, "ok", "{}"), Endpoint("ecr.dkr", "Interface")], [R(Vpc, "bad", "{}"), Endpoint("ecr.api", "Interface")]),
        ["IAM.1"] = ([Policy("ok", """[{"Action":["ecr:GetAuthorizationToken"],"Resource":"*"},{"Action":"*","Resource":"arn:x"}]""")], [Policy("bad", """[{"Action":"*","Resource":["*"]}]""")]),
        ["IAM.21"] = ([Policy("ok", """[{"Action":["logs:PutLogEvents"],"Resource":"*"}]""")], [Policy("bad", """[{"Action":["logs:PutLogEvents","s3:*"],"Resource":"*"}]""")]),
        ["CloudWatch.16"] = ([R("aws:cloudwatch/logGroup:LogGroup", "ok", """{"retentionInDays":365}""")], [R("aws:cloudwatch/logGroup:LogGroup", "bad", """{"retentionInDays":364}""")]),
        ["KMS.4"] = ([R("aws:kms/key:Key", "ok", """{"enableKeyRotation":true}""")], [R("aws:kms/key:Key", "bad", "{}")]),
        ["SNS.1"] = ([R("aws:sns/topic:Topic", "ok", """{"kmsMasterKeyId":"arn:key"}""")], [R("aws:sns/topic:Topic", "bad", """{"kmsMasterKeyId":""}""")]),
        ["S3.2"] = ([R(Bucket, "ok", "{}"), R(BucketPolicy, "p", TlsOnly)], [R(Bucket, "bad", "{}"), R(BucketPolicy, "p", """{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"}}]}"}""")]),
        ["S3.3"] = ([R(Bucket, "ok", "{}"), R(Pab, "pab", GoodPab)], [R(Bucket, "bad", "{}"), R(Pab, "pab", GoodPab.Replace("\"blockPublicPolicy\":true", "\"blockPublicPolicy\":false", StringComparison.Ordinal))]),
        ["S3.5"] = ([R(Bucket, "ok", "{}"), R(BucketPolicy, "p", TlsOnly)], [R(Bucket, "bad", "{}"), R(BucketPolicy, "p", TlsOnly.Replace("Deny", "Allow", StringComparison.Ordinal))]),
        ["S3.8"] = ([R(Bucket, "ok", "{}"), R(Pab, "pab", GoodPab)], [R(Bucket, "bad", "{}"), R(Pab, "pab", GoodPab.Replace("\"restrictPublicBuckets\":true", "\"restrictPublicBuckets\":false", StringComparison.Ordinal))]),
        ["S3.13"] = ([R(Bucket, "ok", "{}"), R("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "l", """{"rules":[{"status":"Enabled"}]}""")], [R(Bucket, "bad", "{}"), R("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "l", """{"rules":[{"status":"Disabled"}]}""")]),
        ["CKV_AWS_23"] = ([R("aws:ec2/securityGroup:SecurityGroup", "ok", """{"description":"x"}"""), Rule("rule", 443, 443, world: true)], [R("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "bad", "{}")]),
        ["CKV_AWS_66"] = ([R("aws:cloudwatch/logGroup:LogGroup", "ok", """{"retentionInDays":1}""")], [R("aws:cloudwatch/logGroup:LogGroup", "bad", "{}")]),
        ["CKV_AWS_249"] = ([R(Task, "ok", """{"executionRoleArn":"a","taskRoleArn":"b"}""")], [R(Task, "bad", """{"executionRoleArn":"a","taskRoleArn":"a"}"""), R(Task, "bad", """{"taskRoleArn":"b"}""")]),
        ["CKV_AWS_261"] = ([R("aws:lb/targetGroup:TargetGroup", "ok", """{"healthCheck":{"path":"/"}}""")], [R("aws:lb/targetGroup:TargetGroup", "bad", """{"healthCheck":{}}""")]),
        ["CKV_AWS_382"] = ([R("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "ok", """{"ipProtocol":"tcp","cidrIpv4":"0.0.0.0/0"}"""), R("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "inside", """{"ipProtocol":"-1","cidrIpv4":"10.0.0.0/16"}""")], [R("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "bad", """{"ipProtocol":"-1","cidrIpv6":"::/0"}""")]),
    };

    private static IEnumerable<TestCaseData> Controls => ControlCatalogue.All.Select(c => new TestCaseData(c.Id).SetName($"Control {c.Id} passes, fails and does not apply as it should"));

    [TestCaseSource(nameof(Controls))]
    public void A_control_passes_compliant_resources_names_each_breaking_one_and_skips_a_stack_without_them(string id)
    {
        var control = ControlCatalogue.All.Single(c => c.Id == id);
        Assert.That(Cases, Does.ContainKey(id), $"{id} needs a case here");
        var (good, bad) = Cases[id];

        var passed = control.Decide(good);
        var failed = control.Decide(bad);

        Assert.Multiple(() =>
        {
            Assert.That(passed, Is.EqualTo(new Verdict(true, [])).Using<Verdict>(Same), "compliant resources pass");
            Assert.That(failed.Applies, Is.True, "it reads the breaking resources");
            Assert.That(failed.Offenders, Is.Not.Empty.And.All.EqualTo("bad"), "only the breaking resources are named");
            Assert.That(failed.Offenders, Has.Count.EqualTo(bad.Count(r => r.Name == "bad")), "every breaking resource is named");
            Assert.That(control.Decide([R("aws:unrelated/thing:Thing", "x", "{}")]).Applies, Is.False, "nothing to read: not applicable");
            Assert.That(good.Concat(bad).Select(r => r.Type).Distinct(), Is.SubsetOf(control.ResourceTypes.Append("aws:unrelated/thing:Thing")), "it names every type it reads");
        });
    }

    [Test]
    public void The_evaluator_applies_the_waivers_it_is_given_and_fails_what_none_covers()
    {
        var broken = new[] { R(Lb, "widget-alb", GoodAlb.Replace("\"enableDeletionProtection\":true", "\"enableDeletionProtection\":false", StringComparison.Ordinal)) };
        var waiver = new Waiver("ELB.6", "widget:deletionProtection = false", "torn down at will");

        var waived = ControlEvaluator.Evaluate([waiver], broken).Single(r => r.Control.Id == "ELB.6");
        var failed = ControlEvaluator.Evaluate([], broken).Single(r => r.Control.Id == "ELB.6");
        var elb4 = ControlEvaluator.Evaluate([waiver], broken).Single(r => r.Control.Id == "ELB.4");

        Assert.Multiple(() =>
        {
            Assert.That((waived.Status, waived.Waiver), Is.EqualTo((ControlStatus.Waived, waiver)));
            Assert.That((failed.Status, failed.Waiver, failed.Offenders.Single()), Is.EqualTo((ControlStatus.Fail, (Waiver?)null, "widget-alb")));
            Assert.That((elb4.Status, elb4.Waiver), Is.EqualTo((ControlStatus.Pass, (Waiver?)null)));
        });
    }

    [Test]
    public void The_evaluator_describes_every_control_and_counts_them()
    {
        var resources = new[] { R(Lb, "widget-alb", GoodAlb.Replace("\"enableDeletionProtection\":true", "\"enableDeletionProtection\":false", StringComparison.Ordinal)) };
        var results = ControlEvaluator.Evaluate([new Waiver("ELB.6", "widget:deletionProtection = false", "the stack is torn down at will"), new Waiver("ELB.16", "widget:waf = false", "no web ACL")], resources);

        var lines = ControlEvaluator.Describe("dev", results).Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(ControlCatalogue.All.Count + 1));
            Assert.That(lines[^1], Is.EqualTo($"dev: 4 of 6 applicable controls pass, 2 waived, 0 fail, {ControlCatalogue.All.Count - 6} not applicable"));
            Assert.That(lines.Single(l => l.StartsWith("ELB.6 ", StringComparison.Ordinal)), Does.Contain("Waived").And.Contain("[widget-alb]").And.Contain("(waived: widget:deletionProtection = false: the stack is torn down at will"));
            Assert.That(lines.Single(l => l.StartsWith("ELB.4 ", StringComparison.Ordinal)), Does.Contain("Pass").And.Not.Contain("["));
        });
    }

    [Test]
    public void Every_waiver_names_a_control_of_the_catalogue()
    {
        Assert.That(Waivers.Causes.Select(c => c.ControlId), Is.SubsetOf(ControlCatalogue.All.Select(c => c.Id)));
    }

    [Test]
    public void The_README_describes_every_control_with_its_title_and_rule()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

        Assert.Multiple(() =>
        {
            foreach (var control in ControlCatalogue.All)
            {
                Assert.That(readme, Does.Contain($"| {control.Id} | {control.Title} | {control.Rule} |"), control.Id);
            }
        });
    }

    private static bool Same(Verdict a, Verdict b) => a.Applies == b.Applies && a.Offenders.SequenceEqual(b.Offenders);

    private static RegisteredResource Container(string containers, string name = "ok") =>
        new(Task, name, new Dictionary<string, object> { ["containerDefinitions"] = containers });

    private static RegisteredResource Rule(string name, int from, int to, bool world) =>
        R(Ingress, name, $$"""{"fromPort":{{from}},"toPort":{{to}},"description":"d",{{(world ? "\"cidrIpv4\":\"0.0.0.0/0\"" : "\"referencedSecurityGroupId\":\"sg-1\"")}}}""");

    private static RegisteredResource Endpoint(string service, string type) =>
        R("aws:ec2/vpcEndpoint:VpcEndpoint", service, $$"""{"serviceName":"com.amazonaws.us-east-1.{{service}}","vpcEndpointType":"{{type}}"}""");

    private static RegisteredResource Policy(string name, string statements) =>
        new(RolePolicy, name, new Dictionary<string, object> { ["policy"] = $$"""{"Statement":{{statements}}}""" });

    /// <summary>A resource whose inputs are <paramref name="json"/>, as nested maps, lists, strings, doubles and booleans.</summary>
    private static RegisteredResource R(string type, string name, string json) =>
        new(type, name, (IReadOnlyDictionary<string, object>)Value(JsonNode.Parse(json))!);

    private static object? Value(JsonNode? node) => node switch
    {
        JsonObject map => map.ToDictionary(p => p.Key, p => Value(p.Value)!),
        JsonArray list => list.Select(v => Value(v)!).ToList(),
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<double>(out var number) => number,
        JsonValue value => value.GetValue<string>(),
        _ => null,
    };
}
