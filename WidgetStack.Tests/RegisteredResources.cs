using System.Collections.Immutable;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace WidgetStack.Tests;

/// <summary>
/// Every resource a run registered, as canonical JSON: its type, logical name, the type of its
/// parent and its inputs with keys sorted, in type and name order. Two runs that register the same
/// thing give the same text.
/// </summary>
internal static class RegisteredResources
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The parent's type token of each resource the program constructed, by <see cref="Key"/>. The
    /// mock runtime's URNs name only the root as parent, so the tree is read from the resources
    /// themselves (Pulumi keeps each resource's children in its internal ChildResources set).
    /// </summary>
    public static Dictionary<string, string> ParentTypes(StackRun run)
    {
        var children = typeof(Resource).GetProperty("ChildResources", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("Pulumi.Resource no longer keeps ChildResources: read the tree another way.");
        var parents = new Dictionary<string, string>();
        foreach (var parent in run.Resources)
        {
            foreach (var child in (IEnumerable<Resource>)children.GetValue(parent)!)
            {
                parents[$"{child.GetResourceType()} {child.GetResourceName()}"] = parent.GetResourceType();
            }
        }

        return parents;
    }

    /// <summary>The logical names of the resources in a resource option such as DependsOn.</summary>
    public static IReadOnlyList<string> Names(InputList<Resource> resources) =>
        [.. OutputUtilities.GetValueAsync(resources.ToOutput()).GetAwaiter().GetResult().Select(r => r.GetResourceName())];

    /// <summary>A registered resource's type token and logical name, which identify it in a run.</summary>
    public static string Key(MockResourceArgs resource) => $"{resource.Type} {resource.Name}";

    /// <summary>The run as canonical JSON text.</summary>
    public static string Describe(StackRun run)
    {
        var parents = ParentTypes(run);
        var entries = run.Registered
            .OrderBy(Key, StringComparer.Ordinal)
            .Select(r => new JsonObject
            {
                ["type"] = r.Type,
                ["name"] = r.Name,
                ["parent"] = parents.GetValueOrDefault(Key(r), "(the stack)"),
                ["inputs"] = InputsJson.From(r.Inputs),
            });
        return new JsonArray([.. entries]).ToJsonString(Indented) + "\n";
    }
}
