namespace WidgetStack.Blueprint.Rules;

/// <summary>The retention periods CloudWatch Logs accepts, in days.</summary>
public static class LogRetention
{
    /// <summary>Every value PutRetentionPolicy takes.</summary>
    public static readonly IReadOnlyList<int> AllowedDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
}
