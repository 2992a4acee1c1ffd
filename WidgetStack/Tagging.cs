using System.Reflection;
using Pulumi;

namespace WidgetStack;

/// <summary>
/// The one place that tags resources: a stack transformation that gives every resource whose
/// arguments take tags the design's tags (Project, Stack, ManagedBy), keeping its own tags such
/// as Name. Resources that awsx creates inside the VPC get them through the VPC's own tags.
/// </summary>
internal static class Tagging
{
    /// <summary>A transformation that adds <paramref name="tags"/> to every taggable resource.</summary>
    public static ResourceTransformation Everything(IReadOnlyDictionary<string, string> tags) => args =>
    {
        if (TagsProperty(args.Args) is { } property)
        {
            var own = (InputMap<string>?)property.GetValue(args.Args) ?? [];
            var stack = new InputMap<string>();
            foreach (var (key, value) in tags)
            {
                stack.Add(key, value);
            }

            property.SetValue(args.Args, InputMap<string>.Merge(own, stack));
        }

        return new ResourceTransformationResult(args.Args, args.Options);
    };

    /// <summary>The writable <c>Tags</c> map of a resource's arguments, if it has one.</summary>
    public static PropertyInfo? TagsProperty(ResourceArgs args) =>
        args.GetType().GetProperty("Tags") is { CanWrite: true } property && property.PropertyType == typeof(InputMap<string>) ? property : null;
}
