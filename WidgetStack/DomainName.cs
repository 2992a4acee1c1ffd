using Pulumi;
using WidgetStack.Blueprint.Design;
using Acm = Pulumi.Aws.Acm;
using Lb = Pulumi.Aws.LB;
using Route53 = Pulumi.Aws.Route53;

namespace WidgetStack;

/// <summary>
/// The service's DNS name, as <see cref="DomainDesign"/> describes it: an ACM certificate for the
/// name, its DNS validation record in the hosted zone, the validation that waits until ACM has
/// issued it, and an alias record that points the name at the load balancer.
/// </summary>
internal sealed class DomainName
{
    /// <summary>Creates the certificate and records as children of <paramref name="parent"/>.</summary>
    public DomainName(DomainDesign design, Lb.LoadBalancer alb, Resource parent)
    {
        var child = new CustomResourceOptions { Parent = parent };
        var certificate = new Acm.Certificate("widget-certificate", new Acm.CertificateArgs
        {
            DomainName = design.Name,
            ValidationMethod = DomainDesign.ValidationMethod,
        }, child);
        // One name, so ACM asks for exactly one validation record.
        var proof = certificate.DomainValidationOptions.Apply(options => options.Single());
        var validationRecord = new Route53.Record("widget-certificate-validation", new Route53.RecordArgs
        {
            ZoneId = design.HostedZoneId,
            Name = proof.Apply(p => p.ResourceRecordName!),
            Type = proof.Apply(p => p.ResourceRecordType!),
            Records = { proof.Apply(p => p.ResourceRecordValue!) },
            Ttl = DomainDesign.ValidationRecordTtlSeconds,
            AllowOverwrite = true, // a reissued certificate asks for the same record
        }, child);
        var validation = new Acm.CertificateValidation("widget-certificate-validated", new Acm.CertificateValidationArgs
        {
            CertificateArn = certificate.Arn,
            ValidationRecordFqdns = { validationRecord.Fqdn },
        }, child);
        _ = new Route53.Record("widget-alias", new Route53.RecordArgs
        {
            ZoneId = design.HostedZoneId,
            Name = design.Name,
            Type = DomainDesign.AliasRecordType,
            Aliases =
            {
                new Route53.Inputs.RecordAliasArgs { Name = alb.DnsName, ZoneId = alb.ZoneId, EvaluateTargetHealth = true },
            },
        }, child);
        CertificateArn = validation.CertificateArn;
    }

    /// <summary>The certificate's ARN, known only once ACM has validated it.</summary>
    public Output<string> CertificateArn { get; }
}
