namespace WidgetStack.Blueprint.Config;

/// <summary>The value types a project config key may declare in Pulumi.yaml.</summary>
public enum ConfigType
{
    /// <summary><c>type: string</c></summary>
    String,

    /// <summary><c>type: integer</c></summary>
    Integer,

    /// <summary><c>type: boolean</c></summary>
    Boolean,

    /// <summary><c>type: array</c> of strings</summary>
    StringArray,
}
