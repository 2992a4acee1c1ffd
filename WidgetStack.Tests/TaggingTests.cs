using System.Reflection;
using Pulumi;

namespace WidgetStack.Tests;

/// <summary>Every taggable resource carries the stack's tags, whatever its type.</summary>
public class TaggingTests
{
    private static readonly string[] StackTagKeys = ["Project", "Stack", "ManagedBy"];

    /// <summary>
    /// Resource types whose arguments take tags, read from the provider SDKs themselves: each
    /// resource class names its type token in [ResourceType], and its constructor its Args class.
    /// </summary>
    private static readonly IReadOnlySet<string> TaggableTypes = new[] { typeof(Pulumi.Aws.Provider).Assembly, typeof(Pulumi.Awsx.Ec2.Vpc).Assembly }
        .SelectMany(assembly => assembly.GetExportedTypes())
        .Where(type => type.IsSubclassOf(typeof(Resource)))
        .Select(type => (Token: type.GetCustomAttribute<ResourceTypeAttribute>()?.Type, Args: type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).FirstOrDefault(t => t.IsSubclassOf(typeof(ResourceArgs)))))
        .Where(r => r.Token is not null && r.Args?.GetProperty("Tags")?.PropertyType == typeof(InputMap<string>))
        .Select(r => r.Token!)
        .ToHashSet(StringComparer.Ordinal);

    [TestCase("dev")]
    [TestCase("prod")]
    public async Task Every_taggable_resource_carries_the_project_the_stack_and_ManagedBy(string stack)
    {
        var run = await StackRun.RunAsync(stack, ("deploymentStrategy", "blueGreen"), ("requestsPerTarget", "0"));
        var taggable = run.Registered.Where(r => TaggableTypes.Contains(r.Type!)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(taggable, Has.Count.GreaterThanOrEqualTo(15), "the SDK scan found the taggable types");
            foreach (var resource in taggable)
            {
                var tags = Inputs.Map(resource.At("tags"));
                Assert.That(tags.Keys, Is.SupersetOf(StackTagKeys), $"{resource.Type} {resource.Name}");
                Assert.That(tags.GetValueOrDefault("Stack"), Is.EqualTo(stack), $"{resource.Type} {resource.Name}");
            }
        });
    }

    [Test]
    public async Task A_resource_keeps_its_own_Name_tag_beside_the_stack_tags()
    {
        var run = await StackRun.RunAsync("prod");

        var tags = Inputs.Map(run.Single("aws:ec2/securityGroup:SecurityGroup", "widget-tasks").At("tags"));

        Assert.That(tags, Is.EquivalentTo(new Dictionary<string, object>
        {
            ["Name"] = "widget-tasks",
            ["Project"] = "widget",
            ["Stack"] = "prod",
            ["ManagedBy"] = "pulumi",
        }));
    }
}
