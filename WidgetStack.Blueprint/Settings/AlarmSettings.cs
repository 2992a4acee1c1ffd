namespace WidgetStack.Blueprint.Settings;

/// <summary>When the stack's alarms fire, and whom they tell.</summary>
/// <param name="Emails">Addresses the alarm topic mails.</param>
/// <param name="FiveXxPerMinute">5xx responses per minute that breach.</param>
/// <param name="Minutes">Consecutive breaching minutes before an alarm fires.</param>
/// <param name="MonthlyBudgetUsd">Monthly cost budget, USD; 0 for none.</param>
/// <param name="BudgetAlertPercent">Share of the budget at which actual and forecast spend alert, percent.</param>
public sealed record AlarmSettings(IReadOnlyList<string> Emails, int FiveXxPerMinute, int Minutes, int MonthlyBudgetUsd = 0, int BudgetAlertPercent = 80)
{
    /// <summary>Monthly budget, USD: 0 (none) up to a million.</summary>
    public static readonly IntRange Budget = new(0, 1_000_000);

    /// <summary>Alert share of the budget, percent (above 100 warns of an overrun only).</summary>
    public static readonly IntRange AlertPercent = new(1, 1000);

    /// <summary>5xx responses per minute.</summary>
    public static readonly IntRange FiveXx = new(1, 10_000);

    /// <summary>Evaluation minutes: one at least, an hour at most.</summary>
    public static readonly IntRange EvaluationMinutes = new(1, 60);
}
