using System.Text;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Blueprint.Tests;

public class ProjectFileTests
{
    [Test]
    public void Pulumi_yaml_declares_exactly_the_keys_the_program_reads_with_their_types()
    {
        var declared = ProjectFile.Load(Repository.Root).Declarations.ToDictionary(d => d.Name, d => d.Type);

        Assert.That(declared, Is.EquivalentTo(SettingKeys.Types));
    }

    [Test]
    public void Every_key_has_a_description_and_only_availabilityZones_and_image_lack_a_default()
    {
        var declarations = ProjectFile.Load(Repository.Root).Declarations;

        Assert.Multiple(() =>
        {
            Assert.That(declarations.Select(d => d.Description), Has.All.Not.Empty);
            Assert.That(declarations.Where(d => d.Default is null).Select(d => d.Name), Is.EquivalentTo(new[] { "availabilityZones", "image" }));
        });
    }

    [Test]
    public void The_defaults_in_Pulumi_yaml_make_a_valid_stack()
    {
        var folder = Repository.WithStack("defaults", ValidStack.Yaml(("widget:replicas", null)));

        Assert.DoesNotThrow(() => SettingsReader.Read(StackFile.Load(folder, "defaults")));
    }

    // The reader refuses a strategy's setting that differs from its default under another strategy:
    // the defaults it compares with must be the ones Pulumi.yaml declares.
    [Test]
    public void The_deployment_defaults_the_reader_compares_with_are_those_of_Pulumi_yaml()
    {
        var folder = Repository.WithStack("defaults", ValidStack.Yaml());

        Assert.That(SettingsReader.Read(StackFile.Load(folder, "defaults")).Deployment, Is.EqualTo(DeploymentSettings.Defaults));
    }

    [Test]
    public void The_README_config_reference_is_the_config_block_of_Pulumi_yaml()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var expected = ReferenceTable(ProjectFile.Load(Repository.Root));

        Assert.That(readme, Does.Contain(expected), "README.md's config reference should read:\n" + expected);
    }

    private static string ReferenceTable(ProjectFile project)
    {
        var table = new StringBuilder();
        table.Append("| Key | Type | Default | Meaning |\n|---|---|---|---|\n");
        foreach (var d in project.Declarations)
        {
            var type = d.Type switch
            {
                ConfigType.StringArray => "list of strings",
                _ => d.Type.ToString().ToLowerInvariant(),
            };
            var value = d.Default switch
            {
                null => "(required)",
                ConfigValue.Scalar { Text: "" } => "(empty)",
                { } v => $"`{v.Display.Trim('\'')}`",
            };
            table.Append($"| `{project.Name}:{d.Name}` | {type} | {value} | {d.Description.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return table.ToString();
    }
}
