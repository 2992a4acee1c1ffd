namespace WidgetStack.Blueprint.Config;

/// <summary>One key of the <c>config:</c> block of Pulumi.yaml.</summary>
/// <param name="Name">The key without namespace, e.g. <c>replicas</c>.</param>
/// <param name="Type">Declared type.</param>
/// <param name="Default">Default value, or null when every stack must set the key.</param>
/// <param name="Description">What the key means, for people.</param>
public sealed record ConfigDeclaration(string Name, ConfigType Type, ConfigValue? Default, string Description);
