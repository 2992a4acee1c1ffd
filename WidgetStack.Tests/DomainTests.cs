namespace WidgetStack.Tests;

/// <summary>prod's own DNS name: the certificate ACM issues for it, its DNS proof, and the alias to the load balancer.</summary>
public class DomainTests
{
    private const string Domain = "widgets.example.com";
    private const string Zone = "Z0123456789EXAMPLE";
    private const string Certificate = "aws:acm/certificate:Certificate";

    [Test]
    public async Task Prod_requests_a_certificate_for_its_domain_proves_it_in_the_zone_and_serves_HTTPS_once_validated()
    {
        var run = await StackRun.RunAsync("prod");
        var certificateArn = MockArns.For(Certificate, "widget-certificate");

        Assert.Multiple(() =>
        {
            var certificate = run.Single(Certificate);
            Assert.That(certificate.Text("domainName"), Is.EqualTo(Domain));
            Assert.That(certificate.Text("validationMethod"), Is.EqualTo("DNS"));

            var proof = run.Single("aws:route53/record:Record", "widget-certificate-validation");
            Assert.That(proof.Text("zoneId"), Is.EqualTo(Zone));
            Assert.That(proof.Text("name"), Is.EqualTo($"_proof.{Domain}."));
            Assert.That(proof.Text("type"), Is.EqualTo("CNAME"));
            Assert.That(proof.List("records"), Is.EqualTo(new[] { "_answer.acm-validations.aws." }));
            Assert.That(proof.Number("ttl"), Is.EqualTo(300));
            Assert.That(proof.At("allowOverwrite"), Is.True);

            var validation = run.Single("aws:acm/certificateValidation:CertificateValidation");
            Assert.That(validation.Text("certificateArn"), Is.EqualTo(certificateArn));
            Assert.That(validation.List("validationRecordFqdns"), Is.EqualTo(new[] { $"_proof.{Domain}" }));

            var https = run.OfType("aws:lb/listener:Listener").Single(l => l.Number("port") == 443);
            Assert.That(https.Text("certificateArn"), Is.EqualTo(certificateArn), "the listener takes the validated certificate");
            Assert.That(https.Text("sslPolicy"), Is.EqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06"));
        });
    }

    [Test]
    public async Task Prod_points_an_alias_of_its_domain_at_the_load_balancer()
    {
        var run = await StackRun.RunAsync("prod");

        var alias = run.Single("aws:route53/record:Record", "widget-alias");

        Assert.Multiple(() =>
        {
            Assert.That(alias.Text("zoneId"), Is.EqualTo(Zone));
            Assert.That(alias.Text("name"), Is.EqualTo(Domain));
            Assert.That(alias.Text("type"), Is.EqualTo("A"));
            Assert.That(Inputs.Map(alias.List("aliases").Single()), Is.EquivalentTo(new Dictionary<string, object>
            {
                ["name"] = "widget-alb.elb.example",
                ["zoneId"] = "ZALBZONE0001",
                ["evaluateTargetHealth"] = true,
            }));
        });
    }

    [Test]
    public async Task A_stack_with_a_certificate_ARN_requests_no_certificate_and_writes_no_record()
    {
        var run = await StackRun.RunAsync("prod", ("domainName", ""), ("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"));

        Assert.Multiple(() =>
        {
            Assert.That(run.OfType(Certificate), Is.Empty);
            Assert.That(run.OfType("aws:route53/record:Record"), Is.Empty);
            Assert.That(run.OfType("aws:lb/listener:Listener").Single(l => l.Number("port") == 443).Text("certificateArn"), Does.StartWith("arn:aws:acm:us-east-1:"));
        });
    }
}
