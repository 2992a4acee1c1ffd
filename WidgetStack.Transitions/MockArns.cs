namespace WidgetStack.Transitions;

/// <summary>
/// The ARN the mocks give a resource, in the form AWS gives it (ARN formats of the service
/// authorization reference), in the test account and region: policies built from these ARNs read
/// as they would in a real account, so the IAM check can match them to resource types.
/// </summary>
public static class MockArns
{
    /// <summary>The account every mock ARN is in.</summary>
    public const string Account = "123456789012";

    /// <summary>The region every mock ARN is in.</summary>
    public const string Region = "us-east-1";

    private const string Regional = $"{Region}:{Account}";

    /// <summary>The ARN of resource <paramref name="name"/> of type token <paramref name="type"/>.</summary>
    public static string For(string type, string name) => type switch
    {
        "aws:acm/certificate:Certificate" => $"arn:aws:acm:{Regional}:certificate/{name}",
        "aws:cloudwatch/logGroup:LogGroup" => $"arn:aws:logs:{Regional}:log-group:{name}",
        "aws:cloudwatch/metricAlarm:MetricAlarm" => $"arn:aws:cloudwatch:{Regional}:alarm:{name}",
        "aws:cloudwatch/dashboard:Dashboard" => $"arn:aws:cloudwatch::{Account}:dashboard/{name}",
        "aws:ecs/cluster:Cluster" => $"arn:aws:ecs:{Regional}:cluster/{name}",
        "aws:ecs/service:Service" => $"arn:aws:ecs:{Regional}:service/widget-cluster/{name}",
        "aws:ecs/taskDefinition:TaskDefinition" => $"arn:aws:ecs:{Regional}:task-definition/{name}:1",
        "aws:iam/role:Role" => $"arn:aws:iam::{Account}:role/{name}",
        "aws:kms/key:Key" => $"arn:aws:kms:{Regional}:key/{name}",
        "aws:lb/loadBalancer:LoadBalancer" => $"arn:aws:elasticloadbalancing:{Regional}:loadbalancer/app/{name}/50dc6c495c0c9188",
        "aws:lb/targetGroup:TargetGroup" => $"arn:aws:elasticloadbalancing:{Regional}:targetgroup/{name}/73e2d6bc24d8a067",
        "aws:lb/listener:Listener" => $"arn:aws:elasticloadbalancing:{Regional}:listener/app/widget-alb/50dc6c495c0c9188/{name}",
        "aws:lb/listenerRule:ListenerRule" => $"arn:aws:elasticloadbalancing:{Regional}:listener-rule/app/widget-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/{name}",
        "aws:s3/bucket:Bucket" => $"arn:aws:s3:::{name}",
        "aws:sns/topic:Topic" => $"arn:aws:sns:{Regional}:{name}",
        "aws:wafv2/webAcl:WebAcl" => $"arn:aws:wafv2:{Regional}:regional/webacl/{name}/a1b2c3d4",
        _ => $"arn:aws:mock:{Regional}:{type}/{name}",
    };
}
