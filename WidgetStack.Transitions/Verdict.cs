namespace WidgetStack.Transitions;

/// <summary>One hazard of a transition and, when it is what the edit means, its acceptance.</summary>
/// <param name="Change">The change it comes with.</param>
/// <param name="Hazard">What makes it unsafe.</param>
/// <param name="Acceptance">Why it is accepted, or null when it is not.</param>
public sealed record JudgedHazard(ResourceChange Change, Hazard Hazard, AcceptedHazard? Acceptance);

/// <summary>Whether an edit may go to a running stack: its transition and every hazard judged.</summary>
/// <param name="Transition">What pulumi up does.</param>
/// <param name="EditedKeys">The settings the edit changes.</param>
/// <param name="Hazards">Every hazard, accepted or not.</param>
public sealed record Verdict(Transition Transition, IReadOnlySet<string> EditedKeys, IReadOnlyList<JudgedHazard> Hazards)
{
    /// <summary>The hazards no acceptance covers.</summary>
    public IReadOnlyList<JudgedHazard> Unaccepted => [.. Hazards.Where(h => h.Acceptance is null)];

    /// <summary>Safe, safe but for accepted costs, or unsafe.</summary>
    public string Word => Unaccepted.Count > 0 ? "UNSAFE" : Hazards.Count > 0 ? "accepted" : "safe";

    /// <summary>Judges <paramref name="transition"/> for an edit of <paramref name="editedKeys"/>.</summary>
    public static Verdict Of(Transition transition, IReadOnlySet<string> editedKeys) =>
        new(transition, editedKeys, [.. transition.Changes.SelectMany(c => c.Hazards.Select(h => new JudgedHazard(c, h, AcceptedHazards.For(c, h, editedKeys))))]);
}
