using System.Text.Json.Nodes;

namespace WidgetStack.Transitions;

/// <summary>Everything <c>pulumi up</c> does to a running stack for one edit of its stack file.</summary>
/// <param name="Changes">The resources it creates, updates, replaces or deletes, in that order.</param>
public sealed record Transition(IReadOnlyList<ResourceChange> Changes)
{
    /// <summary>The changes that are unsafe on a running stack.</summary>
    public IReadOnlyList<ResourceChange> Unsafe => [.. Changes.Where(c => c.Hazards.Count > 0)];

    /// <summary>The changes of one kind.</summary>
    public IReadOnlyList<ResourceChange> Of(ChangeKind kind) => [.. Changes.Where(c => c.Kind == kind)];
}

/// <summary>
/// Compares what the program registers before and after an edit, matching resources by type and
/// logical name as Pulumi does, and judges each change: an input the provider cannot change in
/// place replaces the resource (and every input that names it changes too, so replacements
/// cascade), and a change is unsafe when it replaces a resource of fixed name, loses data or a
/// name, or sends traffic to a target group no task is in.
/// </summary>
public static class TransitionAnalysis
{
    private const string TargetGroup = "aws:lb/targetGroup:TargetGroup";
    private const string TaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";

    /// <summary>How a change of the provider's region reads among a resource's changed inputs.</summary>
    public const string ProviderRegion = "(aws:region)";

    /// <summary>What is lost when each data-holding type is deleted or replaced.</summary>
    private static readonly Dictionary<string, string> DataHolders = new()
    {
        ["aws:cloudwatch/logGroup:LogGroup"] = "its log events are lost",
        ["aws:s3/bucket:Bucket"] = "the access logs in it are lost",
        ["aws:kms/key:Key"] = "what it encrypted becomes unreadable once its deletion window ends",
        ["aws:lb/loadBalancer:LoadBalancer"] = "its DNS name, which clients and records use, changes",
        [TargetGroup] = "the tasks registered in it are dropped",
        ["aws:route53/record:Record"] = "the name it answers for stops resolving",
    };

    /// <summary>The transition from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static Transition Analyze(Evaluation before, Evaluation after, ReplacementFacts facts)
    {
        var old = before.Resources.ToDictionary(r => r.Key);
        var now = after.Resources.ToDictionary(r => r.Key);
        var kept = now.Keys.Where(old.ContainsKey).ToList();
        var effective = kept.ToDictionary(key => key, key => JsonPaths.WithIgnored(now[key].Inputs, old[key].Inputs, now[key].Lifecycle.IgnoreChanges));
        var changed = kept.ToDictionary(key => key, key => JsonPaths.Changed(old[key].Inputs, effective[key]).ToHashSet(StringComparer.Ordinal));
        var replacing = new Dictionary<string, IReadOnlyList<string>>();
        if (before.Region != after.Region)
        {
            // The default provider's region is part of every resource's identity: a new region replaces them all.
            foreach (var key in kept)
            {
                replacing[key] = [ProviderRegion];
                changed[key].Add(ProviderRegion);
            }
        }

        // A replaced resource gets a new ARN and id: every input that names it changes, which may replace its dependents.
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var key in kept.Where(k => !replacing.ContainsKey(k)))
            {
                if (facts.Replacing(now[key].Type, changed[key]) is { Count: > 0 } paths)
                {
                    replacing[key] = paths;
                    grew = true;
                }
            }

            var identities = replacing.Keys.SelectMany(key => Identities(now[key])).ToList();
            foreach (var key in kept.Where(k => !replacing.ContainsKey(k)))
            {
                foreach (var (path, value) in JsonPaths.Leaves(effective[key]))
                {
                    grew |= identities.Any(id => value.Contains(id, StringComparison.Ordinal)) && changed[key].Add(path);
                }
            }
        }

        var changes = new List<ResourceChange>();
        changes.AddRange(now.Keys.Where(k => !old.ContainsKey(k)).Select(k => Change(now[k], ChangeKind.Create, [], [])));
        changes.AddRange(kept.Where(k => changed[k].Count > 0).Select(k => replacing.TryGetValue(k, out var paths)
            ? Change(now[k], ChangeKind.Replace, changed[k], paths)
            : Change(now[k], ChangeKind.Update, changed[k], [])));
        changes.AddRange(old.Keys.Where(k => !now.ContainsKey(k)).Select(k => Change(old[k], ChangeKind.Delete, [], [])));

        var fresh = changes.Where(c => c.Type == TargetGroup && c.Kind is ChangeKind.Create or ChangeKind.Replace).Select(c => MockArns.For(c.Type, c.Name)).ToHashSet(StringComparer.Ordinal);
        return new Transition([.. changes
            .Select(c => c with { Hazards = Hazards(c, old.GetValueOrDefault(Key(c)), Sent(now.GetValueOrDefault(Key(c)), effective.GetValueOrDefault(Key(c))), facts, fresh) })
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.Type, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal)]);
    }

    private static string Key(ResourceChange change) => ResourceLifecycle.Key(change.Type, change.Name);

    // The resource with the inputs Pulumi sends: the ignored ones as they were.
    private static EvaluatedResource? Sent(EvaluatedResource? resource, JsonObject? effective) =>
        resource is not null && effective is not null ? resource with { Inputs = effective } : resource;

    private static ResourceChange Change(EvaluatedResource resource, ChangeKind kind, IEnumerable<string> changed, IReadOnlyList<string> replacing) =>
        new(resource.Type, resource.Name, kind, [.. changed.Order(StringComparer.Ordinal)], replacing, []);

    // What other resources' inputs hold of a resource: its ARN and id (the awsx VPC: its subnets' ids too).
    private static IEnumerable<string> Identities(EvaluatedResource resource)
    {
        yield return MockArns.For(resource.Type, resource.Name);
        yield return MockCloud.IdOf(resource.Name);
        if (resource.Type == "awsx:ec2:Vpc")
        {
            yield return "subnet-public-";
            yield return "subnet-private-";
        }
    }

    private static List<Hazard> Hazards(ResourceChange change, EvaluatedResource? before, EvaluatedResource? after, ReplacementFacts facts, HashSet<string> freshGroups)
    {
        var hazards = new List<Hazard>();
        if (change.Kind == ChangeKind.Replace
            && change.Type != TaskDefinition // a family holds many revisions
            && facts.Types[change.Type].PhysicalName is { } nameInput
            && after!.Inputs[nameInput] is JsonValue name
            && !change.ChangedInputs.Contains(nameInput) // a new name does not clash with the old
            && !after.Lifecycle.DeleteBeforeReplace)
        {
            hazards.Add(new(HazardKind.FixedNameReplaced, $"{change.Label} is replaced ({string.Join(", ", change.ReplacingInputs)}) but its AWS name {name} is fixed: "
                + "Pulumi creates the replacement first, which AWS refuses or which takes over the old one, and then deletes the old"));
        }

        if (DataHolders.TryGetValue(change.Type, out var loss) && (change.Kind == ChangeKind.Replace || (change.Kind == ChangeKind.Delete && !before!.Lifecycle.RetainOnDelete)))
        {
            hazards.Add(new(HazardKind.DataLost, $"{change.Label} is {(change.Kind == ChangeKind.Replace ? "replaced" : "deleted")}: {loss}"));
        }

        if (after is not null && change.Kind is ChangeKind.Create or ChangeKind.Update or ChangeKind.Replace
            && ForwardedGroups(after).FirstOrDefault(freshGroups.Contains) is { } group)
        {
            hazards.Add(new(HazardKind.TrafficToEmptyGroup, $"{change.Label} sends traffic to {group[(group.IndexOf("targetgroup/", StringComparison.Ordinal) + "targetgroup/".Length)..].Split('/')[0]}, "
                + "a target group this update creates, before any task is registered in it"));
        }

        return hazards;
    }

    // The target groups a listener, a rule (with weight) or the service sends requests to.
    private static IEnumerable<string> ForwardedGroups(EvaluatedResource resource)
    {
        var leaves = JsonPaths.Leaves(resource.Inputs);
        foreach (var (path, value) in leaves)
        {
            var any = JsonPaths.AnyIndex(path);
            var text = value.Trim('"');
            if (any is "defaultActions[*].targetGroupArn" or "actions[*].targetGroupArn" or "loadBalancers[*].targetGroupArn")
            {
                yield return text;
            }
            else if (any is "defaultActions[*].forward.targetGroups[*].arn" or "actions[*].forward.targetGroups[*].arn"
                && leaves.GetValueOrDefault(path[..^"arn".Length] + "weight") is not "0")
            {
                yield return text;
            }
        }
    }
}
