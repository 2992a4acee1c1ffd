using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// Every key of a stack file is known (a project key, an AWS provider key, a top-level key of
/// Pulumi's stack settings file) or refused with the known key it most likely means: a typo never
/// passes silently and leaves the stack doing the opposite of what its file says.
/// </summary>
public class StackFileKeyTests
{
    [TestCase("wdget:waf", "false", "widget:waf")]
    [TestCase("widgets:spot", "true", "widget:spot")]
    [TestCase("aws:regoin", "us-east-1", "aws:region")]
    [TestCase("aws:proflie", "ops", "aws:profile")]
    public void A_misspelt_namespace_or_provider_key_is_refused_with_the_nearest_known_key(string key, string value, string meant)
    {
        var error = Refusal(ValidStack.Yaml((key, value)));

        var named = error.Errors.Single(e => e.Key == key);
        Assert.Multiple(() =>
        {
            Assert.That(named.Problem, Does.Contain($"did you mean {meant}?"));
            Assert.That(named.Value, Is.EqualTo($"'{value}'"));
            Assert.That(named.Allowed, Does.Contain("widget:").And.Contain("aws:region").And.Contain("AWS provider"));
        });
    }

    [Test]
    public void A_key_without_a_namespace_is_refused_naming_the_project_key_it_looks_like()
    {
        var error = Refusal(ValidStack.Yaml(("replicas", "1")));

        Assert.That(error.Errors.Single().ToString(), Does.StartWith("replicas = '1': a key without a namespace, which Pulumi refuses (did you mean widget:replicas?)"));
    }

    [Test]
    public void A_key_of_no_known_namespace_and_near_no_key_is_refused()
    {
        var error = Refusal(ValidStack.Yaml(("gcp:project", "widgets")));

        Assert.That(error.Errors.Single().Problem, Does.Contain("unknown key").And.Not.Contain("did you mean"));
    }

    [Test]
    public void The_review_s_three_typos_are_each_refused_instead_of_shown_as_waf_on_demand_and_two_tasks()
    {
        var yaml = ValidStack.Yaml(("widget:replicas", null), ("wdget:waf", "false"), ("widgets:spot", "true"), ("replicas", "1"));

        var (exit, output, error) = BlueprintRun.Run("qa", "--dir", Repository.WithStack("qa", yaml));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(error, Does.Contain("wdget:waf").And.Contain("widgets:spot").And.Contain("replicas = '1'"));
        });
    }

    [Test]
    public void A_misspelt_top_level_key_is_named_instead_of_every_required_setting_being_not_set()
    {
        var yaml = ValidStack.Yaml().Replace("config:", "konfig:", StringComparison.Ordinal);

        var error = Refusal(yaml);

        Assert.That(error.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "konfig = a mapping: not a key of a stack settings file (did you mean config?); allowed: the top-level keys config, secretsprovider, encryptedkey, encryptionsalt, environment.",
        }));
    }

    [Test]
    public void An_unknown_top_level_key_beside_the_config_block_is_refused_too()
    {
        var error = Refusal(ValidStack.Yaml() + "secretprovider: passphrase\n");

        Assert.That(error.Errors.Single().ToString(), Does.StartWith("secretprovider = 'passphrase': not a key of a stack settings file (did you mean secretsprovider?)"));
    }

    [Test]
    public void Keys_of_the_AWS_provider_and_the_top_level_keys_Pulumi_writes_pass()
    {
        var yaml = ValidStack.Yaml(
            ("aws:profile", "ops"),
            ("aws:sharedCredentialsFiles", "[/home/ops/.aws/credentials]"),
            ("aws:defaultTags", "{tags: {team: widgets}}"),
            ("aws:skipCredentialsValidation", "true"),
            ("aws:assumeRoles", "[{roleArn: 'arn:aws:iam::123456789012:role/deploy'}]"))
            + "secretsprovider: passphrase\nencryptionsalt: v1:abc\nencryptedkey: \"\"\nenvironment:\n  - widgets/dev\n";

        Assert.DoesNotThrow(() => SettingsReader.Read(StackFile.Load(Repository.WithStack("qa", yaml), "qa")));
    }

    private static SettingsException Refusal(string yaml) =>
        Assert.Throws<SettingsException>(() => SettingsReader.Read(StackFile.Load(Repository.WithStack("qa", yaml), "qa")))!;
}
