using WidgetStack.Blueprint.Rules;
using K = WidgetStack.Blueprint.Settings.SettingKeys;

namespace WidgetStack.Blueprint.Settings;

// The part of the settings reader that reads the alarm thresholds and who is told.
public static partial class SettingsReader
{
    private static AlarmSettings ReadAlarms(ConfigReader reader)
    {
        const string allowed = "a list of e-mail addresses such as ops@example.com, or []";
        var emails = reader.List(K.AlarmEmails, allowed);
        if (reader.AllValid(K.AlarmEmails) && emails.FirstOrDefault(e => !AwsNames.IsEmailAddress(e)) is { } bad)
        {
            reader.Fail(K.AlarmEmails, $"'{bad}' is not an e-mail address", allowed);
        }
        else if (emails.Distinct(StringComparer.OrdinalIgnoreCase).Count() != emails.Count)
        {
            reader.Fail(K.AlarmEmails, "an address is listed twice", allowed);
        }

        var fiveXx = reader.Integer(K.Alarm5xxPerMinute, AlarmSettings.FiveXx, "responses per minute");
        var minutes = reader.Integer(K.AlarmMinutes, AlarmSettings.EvaluationMinutes, "minutes");
        var budget = reader.Integer(K.MonthlyBudgetUsd, AlarmSettings.Budget, "USD");
        var alertPercent = reader.Integer(K.BudgetAlertPercent, AlarmSettings.AlertPercent, "percent");
        return new AlarmSettings(emails, fiveXx, minutes, budget, alertPercent);
    }
}
