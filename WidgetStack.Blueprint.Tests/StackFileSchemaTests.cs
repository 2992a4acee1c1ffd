using System.Text.Json.Nodes;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Schema;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

public class StackFileSchemaTests
{
    private const string Stall = "a stall depends on minHealthyPercent, maxPercent and the replica count together";
    private const string FargateSize = "a Fargate size is a pair: which memoryMiB values are allowed depends on cpu";
    private const string DomainNeedsZone = "domainName needs hostedZoneId and hostedZoneName, whose defaults (empty) mean unset";
    private const string DomainInZone = "compares domainName with hostedZoneName";
    private const string Secret = "\n    secure: AAABAHVjsG9vZGJ5ZQ==";

    /// <summary>
    /// The bad configs of <see cref="ValidationTests"/> that only the blueprint command can tell,
    /// each with the reason: rules between keys, or within one text. The schema states each key's
    /// own bounds; these it must accept, so the list stays exact.
    /// </summary>
    private const string UnusedByStrategy = "a strategy's setting is refused when deploymentStrategy does not use it";

    private static readonly Dictionary<string, string> BeyondTheSchema = new()
    {
        ["vpcCidr host bits set"] = "which bits are host bits depends on the prefix written in the same text",
        ["vpcCidr too small for the peak"] = "compares the VPC's size with replicas, maxPercent and the zone count",
        ["zone of another region"] = "compares each zone with aws:region",
        ["memory not valid for cpu"] = FargateSize,
        ["memory below 8192 cpu minimum"] = FargateSize,
        ["stall: min 100 max 100"] = Stall,
        ["stall: 3 replicas max 125"] = Stall,
        ["stall: 2 replicas min 75 max 100"] = Stall,
        ["stall: 1 replica min 100 max 150"] = Stall,
        ["stall within the autoscaling range"] = Stall,
        ["rollback without circuit breaker"] = "circuitBreakerRollback depends on circuitBreaker",
        ["linearStepPercent under rolling"] = UnusedByStrategy,
        ["linearStepBakeMinutes under canary"] = UnusedByStrategy,
        ["canaryPercent under linear"] = UnusedByStrategy,
        ["canaryBakeMinutes under blue/green"] = UnusedByStrategy,
        ["bakeTimeMinutes under rolling"] = UnusedByStrategy,
        ["circuit breaker off with rollback at its default"] = "circuitBreakerRollback depends on circuitBreaker, and its default (true) is not in the file",
        ["certificate of another region"] = "compares the certificate's region with aws:region",
        ["health timeout not below interval"] = "compares healthCheckTimeoutSeconds with healthCheckIntervalSeconds",
        ["autoscaling floor above replicas"] = "compares minReplicas with replicas",
        ["autoscaling ceiling below replicas"] = "compares maxReplicas with replicas",
        ["domainName with a certificate"] = "domainName and certificateArn exclude each other",
        ["domainName without a zone"] = DomainNeedsZone,
        ["domainName without the zone's name"] = DomainNeedsZone,
        ["domainName outside the zone"] = DomainInZone,
        ["domainName ending in the zone's name without a dot"] = DomainInZone,
        ["alarmEmails listed twice"] = "the addresses differ only in case, and uniqueItems compares exactly",
        ["requestsPerTarget without autoscaling"] = "requestsPerTarget depends on autoscaling",
        ["requestsPerTarget with blue/green"] = "requestsPerTarget depends on deploymentStrategy",
        ["wafLargeBodies without waf"] = "wafLargeBodies depends on waf",
    };

    public static IEnumerable<TestCaseData> BadConfigs() =>
        ValidationTests.BadConfigs.Select(c => new TestCaseData(CaseName(c), c.Arguments[0], c.Arguments[1]).SetName($"Schema on {CaseName(c)}"));

    [Test]
    public void The_checked_in_schema_is_what_the_generator_makes_of_Pulumi_yaml() =>
        ExpectedOutput.AssertFileMatches(StackFileSchema.RelativePath, StackSchema.Text);

    [Test]
    public void Every_stack_file_of_the_repository_names_the_schema_on_its_first_line_and_passes_it()
    {
        var stacks = StackFile.StacksIn(Repository.Root);

        Assert.That(stacks, Is.SupersetOf(new[] { "dev", "prod" }));
        Assert.Multiple(() =>
        {
            foreach (var stack in stacks)
            {
                var text = File.ReadAllText(Path.Combine(Repository.Root, StackFile.FileName(stack)));
                var verdict = StackSchema.Check(text);
                Assert.That(text.Split('\n')[0], Is.EqualTo(StackFileSchema.Modeline), stack);
                Assert.That(verdict.IsValid, $"{stack}: {verdict}");
            }
        });
    }

    [Test]
    public void The_modeline_points_from_the_stack_files_to_the_checked_in_schema()
    {
        var target = StackFileSchema.Modeline.Split("$schema=")[1];

        Assert.That(Path.Combine(Repository.Root, target), Does.Exist);
        Assert.That(Path.GetFullPath(Path.Combine(Repository.Root, target)), Is.EqualTo(Path.GetFullPath(Path.Combine(Repository.Root, StackFileSchema.RelativePath))));
    }

    [Test]
    public void The_valid_stack_the_bad_configs_start_from_passes()
    {
        var verdict = StackSchema.Check(ValidStack.Yaml());

        Assert.That(verdict.IsValid, verdict.ToString());
    }

    [Test]
    public void A_stack_that_sets_every_key_to_its_default_passes_the_schema_and_the_reader()
    {
        var project = ProjectFile.Load(Repository.Root);
        var yaml = ValidStack.Yaml([.. project.Declarations
            .Where(d => d.Default is not null)
            .Select(d => ($"{project.Name}:{d.Name}", (string?)Yaml(d.Default!)))]);

        var verdict = StackSchema.Check(yaml);

        Assert.That(verdict.IsValid, verdict.ToString());
        Assert.DoesNotThrow(() => Read(yaml));
    }

    [TestCaseSource(nameof(BadConfigs))]
    public void The_schema_rejects_a_bad_config_at_its_key_unless_only_the_blueprint_can_tell(string name, string expectedKey, (string Key, string? Value)[] changes)
    {
        var verdict = StackSchema.Check(ValidStack.Yaml(changes));

        if (BeyondTheSchema.TryGetValue(name, out var reason))
        {
            Assert.That(verdict.IsValid, $"listed as beyond the schema ({reason}), yet the schema rejects it; take it off the list. {verdict}");
        }
        else
        {
            Assert.That(verdict.Blames(expectedKey), $"the schema should reject {expectedKey}, or the case be listed with the reason a schema cannot tell. {verdict}");
        }
    }

    [Test]
    public void Every_case_listed_beyond_the_schema_is_a_bad_config() =>
        Assert.That(BeyondTheSchema.Keys, Is.SubsetOf(ValidationTests.BadConfigs.Select(CaseName)));

    [Test]
    public void An_unknown_key_of_any_namespace_or_one_without_namespace_is_refused_and_the_AWS_provider_s_keys_pass()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StackSchema.Check(ValidStack.Yaml(("widget:natGatways", "single"))).Blames("widget:natGatways"));
            Assert.That(StackSchema.Check(ValidStack.Yaml(("replicas", "3"))).Blames("replicas"));
            Assert.That(StackSchema.Check(ValidStack.Yaml(("wdget:waf", "false"))).Blames("wdget:waf"));
            Assert.That(StackSchema.Check(ValidStack.Yaml(("aws:regoin", "us-east-1"))).Blames("aws:regoin"));
            Assert.That(StackSchema.Check(ValidStack.Yaml(("aws:profile", "ops"), ("aws:defaultTags", "{tags: {team: widgets}}"), ("aws:sharedCredentialsFiles", "[a]"))).IsValid);
        });
    }

    [Test]
    public void The_schema_names_every_key_of_the_AWS_provider_and_every_top_level_key_of_a_stack_settings_file()
    {
        var schema = JsonNode.Parse(StackSchema.Text)!;
        var keys = schema["properties"]!["config"]!["properties"]!.AsObject().Select(k => k.Key);

        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.SupersetOf(ProviderKeys.Aws.Qualified));
            Assert.That(schema["properties"]!.AsObject().Select(k => k.Key), Is.EquivalentTo(StackFile.TopLevelKeys));
            Assert.That(StackSchema.Check(ValidStack.Yaml() + "konfig: {}\n").IsValid, Is.False);
        });
    }

    [Test]
    public void The_AWS_provider_keys_are_data_with_their_source_and_the_keys_users_set_most()
    {
        var keys = ProviderKeys.Aws;

        Assert.Multiple(() =>
        {
            Assert.That(keys.Namespace, Is.EqualTo("aws"));
            Assert.That(keys.Source, Does.Contain("pulumi.com/registry/packages/aws/installation-configuration"));
            Assert.That(keys.AsOf, Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
            Assert.That(keys.Package, Does.Contain("Pulumi.Aws 7.48.0"));
            Assert.That(keys.Keys, Is.Unique.And.Ordered.Using((IComparer<string>)StringComparer.OrdinalIgnoreCase));
            Assert.That(keys.Qualified, Is.SupersetOf(new[] { StackFile.RegionKey, StackFile.AllowedAccountsKey, "aws:profile", "aws:sharedCredentialsFiles", "aws:defaultTags", "aws:skipCredentialsValidation", "aws:assumeRoles" }));
        });
    }

    [TestCase("widget:natGateways", "onePerzone")]
    [TestCase("widget:deploymentStrategy", "bluegreen")]
    [TestCase("widget:cpuArchitecture", "x86_64")]
    public void A_misspelt_choice_is_refused(string key, string value) =>
        Assert.That(StackSchema.Check(ValidStack.Yaml((key, value))).Blames(key));

    [Test]
    public void Every_choice_the_schema_offers_is_one_the_reader_takes()
    {
        // The regions have their own test, with zones of each (AwsRegionsTests).
        var choices = ConfigKeys().Where(k => k.Key != StackFile.RegionKey && k.Value!["enum"] is JsonArray words && words[0]!.GetValueKind() == System.Text.Json.JsonValueKind.String).ToList();

        Assert.That(choices, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (key, schema) in choices)
            {
                foreach (var word in schema!["enum"]!.AsArray().Select(w => w!.GetValue<string>()))
                {
                    Assert.DoesNotThrow(() => Read(ValidStack.Yaml((key, word))), $"{key}: {word}");
                }
            }
        });
    }

    [Test]
    public void Past_each_range_of_the_schema_both_the_schema_and_the_reader_refuse_the_key()
    {
        var ranges = ConfigKeys()
            .Select(k => (k.Key, Number: k.Value!["anyOf"]?[0]))
            .Where(k => k.Number?["minimum"] is not null)
            .ToList();

        Assert.That(ranges, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (key, number) in ranges)
            {
                var step = number!["multipleOf"]?.GetValue<decimal>() ?? 1;
                var outside = new[] { number["minimum"]!.GetValue<decimal>() - step, number["maximum"]!.GetValue<decimal>() + step };
                foreach (var value in outside.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    var yaml = ValidStack.Yaml((key, value));
                    Assert.That(StackSchema.Check(yaml).Blames(key), $"schema, {key}: {value}");
                    Assert.That(() => Read(yaml), Throws.TypeOf<SettingsException>().With.Property(nameof(SettingsException.Errors)).Some.Property(nameof(SettingError.Key)).EqualTo(key), $"reader, {key}: {value}");
                }
            }
        });
    }

    [Test]
    public void A_secret_passes_where_the_program_takes_one_and_nowhere_else()
    {
        Assert.That(SettingKeys.MayBeSecret, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var key in SettingKeys.MayBeSecret.Select(SettingKeys.Qualified))
            {
                var yaml = ValidStack.Yaml((key, Secret));
                var verdict = StackSchema.Check(yaml);
                Assert.That(verdict.IsValid, $"{key}: {verdict}");
                Assert.DoesNotThrow(() => Read(yaml), key);
            }

            Assert.That(StackSchema.Check(ValidStack.Yaml(("widget:domainName", Secret))).Blames("widget:domainName"));
            Assert.That(StackSchema.Check(ValidStack.Yaml(("widget:certificateArn", Secret + "\n    note: x"))).Blames("widget:certificateArn"));
        });
    }

    [Test]
    public void Values_quoted_as_pulumi_config_set_writes_them_pass_the_schema_and_the_reader()
    {
        var yaml = ValidStack.Yaml(("widget:replicas", "\"4\""), ("widget:spot", "\"true\""), ("widget:waf", "\"FALSE\""), ("aws:allowedAccountIds", "[\"123456789012\"]"));

        var verdict = StackSchema.Check(yaml);

        Assert.That(verdict.IsValid, verdict.ToString());
        Assert.DoesNotThrow(() => Read(yaml));
    }

    [Test]
    public void The_account_may_be_written_unquoted_with_twelve_digits_and_no_fewer_or_more_and_only_one()
    {
        const string key = "aws:allowedAccountIds";
        Assert.Multiple(() =>
        {
            Assert.That(StackSchema.Check(ValidStack.Yaml((key, "[210987654321]"))).IsValid);
            Assert.That(StackSchema.Check(ValidStack.Yaml((key, "[21098765432]"))).Blames(key));
            Assert.That(StackSchema.Check(ValidStack.Yaml((key, "[2109876543210]"))).Blames(key));
            Assert.That(StackSchema.Check(ValidStack.Yaml((key, "[210987654321, 123456789012]"))).Blames(key));
            Assert.That(StackSchema.Check(ValidStack.Yaml((key, null))).Blames(key));
        });
        Assert.DoesNotThrow(() => Read(ValidStack.Yaml((key, "[210987654321]"))));
    }

    [TestCase(253, true)]
    [TestCase(254, false)]
    public void A_DNS_name_of_up_to_253_characters_passes_the_schema_and_the_reader(int length, bool passes)
    {
        var labels = string.Join('.', Enumerable.Repeat(new string('a', 60), 4)) + ".";
        var zone = labels + new string('b', length - "widgets.".Length - labels.Length);
        var name = "widgets." + zone;
        var yaml = ValidStack.Yaml(("widget:domainName", name), ("widget:hostedZoneId", "Z0123456789EXAMPLE"), ("widget:hostedZoneName", zone));

        Assert.That(name, Has.Length.EqualTo(length));
        Assert.That(StackSchema.Check(yaml).Blames("widget:domainName"), Is.EqualTo(!passes), "schema");
        Assert.That(Rejects(yaml, "widget:domainName"), Is.EqualTo(!passes), "reader");
    }

    [TestCase("ops@example.com", true)]
    [TestCase("ops team@example.com", false)]
    [TestCase("ops@team@example.com", false)]
    public void An_alarm_address_passes_the_schema_exactly_when_it_passes_the_reader(string address, bool passes)
    {
        var yaml = ValidStack.Yaml(("widget:alarmEmails", $"[\"{address}\"]"));

        Assert.That(StackSchema.Check(yaml).Blames("widget:alarmEmails"), Is.EqualTo(!passes), "schema");
        Assert.That(Rejects(yaml, "widget:alarmEmails"), Is.EqualTo(!passes), "reader");
    }

    [Test]
    public void A_key_added_to_Pulumi_yaml_lands_in_the_schema_with_its_type_default_and_description()
    {
        var real = ProjectFile.Load(Repository.Root);
        var project = real with
        {
            Declarations =
            [
                .. real.Declarations,
                new ConfigDeclaration("motd", ConfigType.String, new ConfigValue.Scalar("hello"), "Message of the day."),
                new ConfigDeclaration("shards", ConfigType.Integer, null, "Shards; every stack sets them."),
                new ConfigDeclaration("tracing", ConfigType.Boolean, new ConfigValue.Scalar("true"), "Trace requests."),
                new ConfigDeclaration("owners", ConfigType.StringArray, new ConfigValue.List(["ops"]), "Who owns the stack."),
            ],
        };

        var text = StackFileSchema.Generate(project);
        var keys = JsonNode.Parse(text)!["properties"]!["config"]!["properties"]!;

        Assert.Multiple(() =>
        {
            Assert.That(keys["widget:motd"]!["description"]!.GetValue<string>(), Is.EqualTo("Message of the day."));
            Assert.That(keys["widget:motd"]!["default"]!.GetValue<string>(), Is.EqualTo("hello"));
            Assert.That(keys["widget:tracing"]!["default"]!.GetValue<bool>(), Is.True);
            Assert.That(keys["widget:owners"]!["default"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { "ops" }));
            Assert.That(keys["widget:shards"]!["default"], Is.Null);
            Assert.That(StackSchema.Check(text, ValidStack.Yaml()).Blames("widget:shards"), "required");
            Assert.That(StackSchema.Check(text, ValidStack.Yaml(("widget:shards", "5"), ("widget:motd", "hi"), ("widget:tracing", "false"), ("widget:owners", "[a, b]"))).IsValid);
            Assert.That(StackSchema.Check(text, ValidStack.Yaml(("widget:shards", "five"))).Blames("widget:shards"));
            Assert.That(StackSchema.Check(text, ValidStack.Yaml(("widget:shards", "5"), ("widget:tracing", "maybe"))).Blames("widget:tracing"));
            Assert.That(StackSchema.Check(text, ValidStack.Yaml(("widget:shards", "5"), ("widget:owners", "ops"))).Blames("widget:owners"));
            Assert.That(StackSchema.Check(text, ValidStack.Yaml(("widget:shards", "5"), ("widget:owners", "[[ops]]"))).Blames("widget:owners"));
            Assert.That(StackSchema.Check(text, ValidStack.Yaml(("widget:shards", "5"), ("widget:motd", "[hi]"))).Blames("widget:motd"));
        });
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> ConfigKeys() =>
        JsonNode.Parse(StackSchema.Text)!["properties"]!["config"]!["properties"]!.AsObject();

    private static string CaseName(TestCaseData data) => data.TestName!["Rejects ".Length..];

    private static bool Rejects(string stackYaml, string key)
    {
        try
        {
            Read(stackYaml);
            return false;
        }
        catch (SettingsException e)
        {
            return e.Errors.Any(error => error.Key == key);
        }
    }

    private static WidgetSettings Read(string stackYaml) =>
        SettingsReader.Read(StackFile.Load(Repository.WithStack("qa", stackYaml), "qa"));

    private static string Yaml(ConfigValue value) => value switch
    {
        ConfigValue.List list => $"[{string.Join(", ", list.Items)}]",
        ConfigValue.Scalar { Text: "" } => "\"\"",
        ConfigValue.Scalar scalar => scalar.Text,
        _ => throw new ArgumentException($"no default is written as {value.Display}", nameof(value)),
    };
}
