using System.Text;

namespace WidgetStack.Transitions;

/// <summary>A verdict as Markdown: what pulumi up creates, updates, replaces and deletes, and what is unsafe.</summary>
public static class VerdictReport
{
    /// <summary>The Markdown of <paramref name="verdict"/> for <paramref name="stack"/>.</summary>
    public static string Markdown(string stack, Verdict verdict)
    {
        var text = new StringBuilder();
        var changes = verdict.Transition.Changes;
        text.Append(CultureInfo($"## Day two: pulumi up on {stack} is {verdict.Word}\n\n"));
        text.Append(CultureInfo($"Edited: {(verdict.EditedKeys.Count == 0 ? "nothing" : string.Join(", ", verdict.EditedKeys))}. "));
        text.Append(CultureInfo($"{Count(verdict.Transition, ChangeKind.Create)} to create, {Count(verdict.Transition, ChangeKind.Update)} to update, "));
        text.Append(CultureInfo($"{Count(verdict.Transition, ChangeKind.Replace)} to replace, {Count(verdict.Transition, ChangeKind.Delete)} to delete.\n"));
        if (changes.Count > 0)
        {
            text.Append("\n| Change | Resource | Inputs |\n|---|---|---|\n");
            foreach (var change in changes)
            {
                var inputs = change.Kind == ChangeKind.Replace
                    ? $"replaced for {string.Join(", ", change.ReplacingInputs)}"
                    : string.Join(", ", change.ChangedInputs.Take(5)) + (change.ChangedInputs.Count > 5 ? $" and {change.ChangedInputs.Count - 5} more" : "");
                text.Append(CultureInfo($"| {change.Kind.ToString().ToLowerInvariant()} | {change.Label} | {inputs.Replace("|", "\\|", StringComparison.Ordinal)} |\n"));
            }
        }

        foreach (var judged in verdict.Hazards)
        {
            text.Append(judged.Acceptance is { } accepted
                ? CultureInfo($"\n- Accepted ({accepted.Edit}): {judged.Hazard.Message}. {accepted.Reason} Cost: {accepted.Cost}\n")
                : CultureInfo($"\n- **UNSAFE**: {judged.Hazard.Message}.\n"));
        }

        return text.ToString();
    }

    private static int Count(Transition transition, ChangeKind kind) => transition.Of(kind).Count;

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);
}
