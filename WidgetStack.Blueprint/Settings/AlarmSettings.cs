namespace WidgetStack.Blueprint.Settings;

/// <summary>When the stack's alarms fire, and whom they tell.</summary>
/// <param name="Emails">Addresses the alarm topic mails.</param>
/// <param name="FiveXxPerMinute">5xx responses per minute that breach.</param>
/// <param name="Minutes">Consecutive breaching minutes before an alarm fires.</param>
public sealed record AlarmSettings(IReadOnlyList<string> Emails, int FiveXxPerMinute, int Minutes)
{
    /// <summary>5xx responses per minute.</summary>
    public static readonly IntRange FiveXx = new(1, 10_000);

    /// <summary>Evaluation minutes: one at least, an hour at most.</summary>
    public static readonly IntRange EvaluationMinutes = new(1, 60);
}
