using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

public class StackLoadingTests
{
    [Test]
    public void Prod_runs_three_replicas_over_three_zones_with_a_nat_per_zone()
    {
        var settings = SettingsReader.Read(StackFile.Load(Repository.Root, "prod"));

        Assert.Multiple(() =>
        {
            Assert.That(settings.Scaling.Replicas, Is.EqualTo(3));
            Assert.That(settings.Network.AvailabilityZones, Has.Count.EqualTo(3));
            Assert.That(settings.Network.Nat, Is.EqualTo(NatStrategy.OnePerZone));
            Assert.That(settings.Deployment.Strategy, Is.EqualTo(DeploymentStrategy.Rolling));
            Assert.That(settings.Deployment.MinHealthyPercent, Is.EqualTo(50));
            Assert.That(settings.Deployment.MaxPercent, Is.EqualTo(200));
            Assert.That(settings.Deployment.CircuitBreaker && settings.Deployment.Rollback, Is.True);
        });
    }

    [Test]
    public void Dev_is_cheaper_than_prod()
    {
        var dev = SettingsReader.Read(StackFile.Load(Repository.Root, "dev"));
        var prod = SettingsReader.Read(StackFile.Load(Repository.Root, "prod"));

        Assert.Multiple(() =>
        {
            Assert.That(dev.Scaling.Replicas, Is.LessThan(prod.Scaling.Replicas));
            Assert.That(dev.Network.Nat, Is.EqualTo(NatStrategy.Single));
            Assert.That(dev.Task.Cpu * dev.Task.MemoryMiB, Is.LessThanOrEqualTo(prod.Task.Cpu * prod.Task.MemoryMiB));
            Assert.That(dev.Task.Spot, Is.True);
        });
    }

    [Test]
    public void Keys_a_stack_does_not_set_take_the_Pulumi_yaml_default()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml());

        var settings = SettingsReader.Read(StackFile.Load(folder, "qa"));

        Assert.Multiple(() =>
        {
            Assert.That(settings.Task.ContainerPort, Is.EqualTo(3333));
            Assert.That(settings.Network.VpcCidr.ToString(), Is.EqualTo("10.0.0.0/16"));
            Assert.That(settings.Deployment.MinHealthyPercent, Is.EqualTo(100));
            Assert.That(settings.LoadBalancer.DeregistrationDelaySeconds, Is.EqualTo(30));
        });
    }

    [Test]
    public void A_stack_value_overrides_the_default_and_quoted_numbers_from_pulumi_config_set_read_as_numbers()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:containerPort", "\"8080\""), ("widget:replicas", "\"5\"")));

        var settings = SettingsReader.Read(StackFile.Load(folder, "qa"));

        Assert.Multiple(() =>
        {
            Assert.That(settings.Task.ContainerPort, Is.EqualTo(8080));
            Assert.That(settings.Scaling.Replicas, Is.EqualTo(5));
        });
    }

    [Test]
    public void Region_is_read_from_the_aws_provider_key()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("aws:region", "eu-west-1"), ("widget:availabilityZones", "[eu-west-1a, eu-west-1b]")));

        Assert.That(SettingsReader.Read(StackFile.Load(folder, "qa")).Region, Is.EqualTo("eu-west-1"));
    }

    [Test]
    public void A_secure_value_is_recognised_and_never_shown()
    {
        var folder = Repository.WithStack("qa", ValidStack.Yaml(("widget:certificateArn", "\n    secure: AAABAHsecretcipher")));

        var config = StackFile.Load(folder, "qa");
        var settings = SettingsReader.Read(config);

        Assert.Multiple(() =>
        {
            Assert.That(config.Get("certificateArn"), Is.InstanceOf<ConfigValue.Secret>());
            Assert.That(settings.LoadBalancer.Https, Is.True);
            Assert.That(settings.LoadBalancer.CertificateArn, Does.Not.Contain("AAAB"));
        });
    }

    [Test]
    public void A_missing_stack_file_names_the_stacks_that_exist()
    {
        var error = Assert.Throws<ConfigFileException>(() => StackFile.Load(Repository.Root, "staging"));

        Assert.That(error!.Message, Does.Contain("Pulumi.staging.yaml").And.Contain("dev, prod"));
    }

    [Test]
    public void A_stack_file_that_is_not_yaml_is_reported_with_its_line()
    {
        var folder = Repository.WithStack("qa", "config:\n  widget:replicas: [3\n");

        var error = Assert.Throws<ConfigFileException>(() => StackFile.Load(folder, "qa"));

        Assert.That(error!.Message, Does.Contain("Pulumi.qa.yaml").And.Contain("line"));
    }
}
