namespace WidgetStack.Blueprint.Design;

/// <summary>
/// A monthly AWS Budgets cost budget of the stack: costs tagged with the stack's <c>Stack</c> tag
/// (the tag must be activated once per account as a cost allocation tag), alerting the alarm topic
/// when the actual or the forecast spend passes a share of the amount.
/// </summary>
/// <param name="Name">Budget name, unique in the account.</param>
/// <param name="AmountUsd">Monthly amount, USD.</param>
/// <param name="AlertPercent">Share of the amount that alerts, percent.</param>
/// <param name="TagFilter">The cost filter value: <c>user:Stack$&lt;stack&gt;</c>.</param>
public sealed record BudgetDesign(string Name, int AmountUsd, int AlertPercent, string TagFilter)
{
    /// <summary>Both kinds of notification AWS Budgets sends.</summary>
    public static readonly IReadOnlyList<string> NotificationTypes = ["ACTUAL", "FORECASTED"];

    /// <summary>The budget of a stack, or null when it sets no amount.</summary>
    public static BudgetDesign? From(Settings.WidgetSettings settings) => settings.Alarms.MonthlyBudgetUsd > 0
        ? new BudgetDesign($"{settings.Project}-{settings.Stack}-monthly", settings.Alarms.MonthlyBudgetUsd, settings.Alarms.BudgetAlertPercent, $"user:Stack${settings.Stack}")
        : null;
}
