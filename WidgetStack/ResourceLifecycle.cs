using System.Collections.Concurrent;
using Pulumi;

namespace WidgetStack;

/// <summary>
/// What the program tells the engine about a resource's life beyond its inputs: whether a
/// replacement deletes the old one first, whether deleting it from the stack keeps it in AWS, and
/// which inputs AWS owns. The engine's mocks never see resource options, so the stack records
/// them here for the day-two analysis.
/// </summary>
/// <param name="DeleteBeforeReplace">The old resource goes before its replacement is created.</param>
/// <param name="RetainOnDelete">Leaving the stack keeps the resource (and its data) in AWS.</param>
/// <param name="IgnoreChanges">Input paths whose changes Pulumi leaves to AWS.</param>
public sealed record ResourceLifecycle(bool DeleteBeforeReplace, bool RetainOnDelete, IReadOnlyList<string> IgnoreChanges)
{
    /// <summary>A stack transformation that records the options of every resource into <paramref name="log"/>, by type and name.</summary>
    public static ResourceTransformation RecordInto(ConcurrentDictionary<string, ResourceLifecycle> log) => args =>
    {
        var options = args.Options;
        log[Key(args.Resource.GetResourceType(), args.Resource.GetResourceName())] = new ResourceLifecycle(
            (options as CustomResourceOptions)?.DeleteBeforeReplace ?? false,
            options.RetainOnDelete ?? false,
            [.. options.IgnoreChanges]);
        return new ResourceTransformationResult(args.Args, options);
    };

    /// <summary>How a resource is keyed: its type token and logical name.</summary>
    public static string Key(string type, string name) => $"{type} {name}";
}
