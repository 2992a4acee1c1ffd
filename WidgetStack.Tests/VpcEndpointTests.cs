namespace WidgetStack.Tests;

/// <summary>The VPC endpoints (EC2.55, EC2.56) and the rules around them, as they reach the mock runtime.</summary>
public class VpcEndpointTests
{
    private const string Endpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";

    [Test]
    public async Task Prod_has_ECR_and_Logs_interface_endpoints_in_the_private_subnets_behind_their_own_group()
    {
        var run = await StackRun.RunAsync("prod");
        var endpoints = run.OfType(Endpoint);

        Assert.Multiple(() =>
        {
            Assert.That(endpoints.Select(e => e.Text("serviceName")), Is.EquivalentTo(new[]
            {
                "com.amazonaws.us-east-1.ecr.api", "com.amazonaws.us-east-1.ecr.dkr", "com.amazonaws.us-east-1.logs",
            }));
            Assert.That(endpoints.Select(e => e.Name), Is.EquivalentTo(new[] { "widget-endpoint-ecr-api", "widget-endpoint-ecr-dkr", "widget-endpoint-logs" }));
            foreach (var endpoint in endpoints)
            {
                Assert.That(endpoint.Text("vpcEndpointType"), Is.EqualTo("Interface"), endpoint.Name);
                Assert.That(endpoint.At("privateDnsEnabled"), Is.True, endpoint.Name);
                Assert.That(endpoint.Text("vpcId"), Is.EqualTo(StackRun.IdOf("widget-network-vpc")), endpoint.Name);
                Assert.That(endpoint.List("subnetIds"), Is.EqualTo(new[] { "subnet-private-0", "subnet-private-1", "subnet-private-2" }), endpoint.Name);
                Assert.That(endpoint.List("securityGroupIds"), Is.EqualTo(new[] { StackRun.IdOf("widget-endpoints") }), endpoint.Name);
            }
        });
    }

    [Test]
    public async Task The_endpoints_take_HTTPS_from_the_tasks_only_and_the_tasks_may_send_it_to_them()
    {
        var run = await StackRun.RunAsync("prod");
        var endpointGroup = StackRun.IdOf("widget-endpoints");
        var taskGroup = StackRun.IdOf("widget-tasks");

        var ingress = run.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").Where(r => r.Text("securityGroupId") == endpointGroup).ToList();
        var egress = run.OfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").Where(r => r.Text("securityGroupId") == taskGroup).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ingress, Has.Count.EqualTo(1));
            Assert.That(ingress[0].Number("fromPort"), Is.EqualTo(443));
            Assert.That(ingress[0].Number("toPort"), Is.EqualTo(443));
            Assert.That(ingress[0].Text("referencedSecurityGroupId"), Is.EqualTo(taskGroup));
            Assert.That(run.OfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").Where(r => r.Text("securityGroupId") == endpointGroup), Is.Empty);
            Assert.That(egress.Select(r => r.Text("referencedSecurityGroupId") ?? r.Text("cidrIpv4")), Is.EquivalentTo(new[] { endpointGroup, "0.0.0.0/0" }));
            Assert.That(egress.Select(r => r.Number("fromPort")), Has.All.EqualTo(443));
        });
    }

    [Test]
    public async Task Prod_asks_awsx_for_the_S3_gateway_endpoint_on_its_route_tables()
    {
        var run = await StackRun.RunAsync("prod");
        var vpc = run.Single("awsx:ec2:Vpc");

        Assert.Multiple(() =>
        {
            Assert.That(vpc.Text("vpcEndpointStrategy"), Is.EqualTo("Auto"));
            Assert.That(Inputs.Map(vpc.List("vpcEndpointSpecs").Single()), Is.EquivalentTo(new Dictionary<string, object>
            {
                ["serviceName"] = "com.amazonaws.us-east-1.s3",
                ["vpcEndpointType"] = "Gateway",
            }));
        });
    }

    [Test]
    public async Task Dev_has_no_endpoints()
    {
        var run = await StackRun.RunAsync("dev");

        Assert.Multiple(() =>
        {
            Assert.That(run.OfType(Endpoint), Is.Empty);
            Assert.That(run.Single("awsx:ec2:Vpc").At("vpcEndpointSpecs"), Is.Null);
            Assert.That(run.OfType("aws:ec2/securityGroup:SecurityGroup").Select(g => g.Name), Is.EquivalentTo(new[] { "widget-alb", "widget-tasks" }));
        });
    }
}
