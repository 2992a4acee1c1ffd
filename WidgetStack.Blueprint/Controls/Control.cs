namespace WidgetStack.Blueprint.Controls;

/// <summary>One security control: an AWS Foundational Security Best Practices (or Checkov) rule, as code.</summary>
/// <param name="Id">The control's id, e.g. <c>ELB.5</c>.</param>
/// <param name="Title">What it asks, in the rulebook's words.</param>
/// <param name="ResourceTypes">The registered resource types it reads.</param>
/// <param name="Rule">How it decides, in one sentence.</param>
/// <param name="Decide">The decision over a stack's registered resources.</param>
public sealed record Control(string Id, string Title, IReadOnlyList<string> ResourceTypes, string Rule, Func<IReadOnlyList<RegisteredResource>, Verdict> Decide);
