using System.Text.Json;
using Json.Schema;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Schema;
using YamlDotNet.Serialization;

namespace WidgetStack.Blueprint.Tests;

/// <summary>
/// Checks stack files against the stack file schema the way an editor does: the YAML read as JSON
/// (plain scalars typed by YAML's core schema, quoted ones as text), then JSON Schema validation.
/// </summary>
internal static class StackSchema
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build();
    private static readonly ISerializer Json = new SerializerBuilder().JsonCompatible().Build();

    /// <summary>
    /// The schema generated from the repository's Pulumi.yaml, anew on every call (mutation testing
    /// changes the generator while the test process runs).
    /// </summary>
    public static string Text => StackFileSchema.Generate(ProjectFile.Load(Repository.Root));

    /// <summary>Checks <paramref name="stackYaml"/> against the repository's schema.</summary>
    public static SchemaVerdict Check(string stackYaml) => Check(Text, stackYaml);

    /// <summary>Checks <paramref name="stackYaml"/> against the schema <paramref name="schemaText"/>.</summary>
    public static SchemaVerdict Check(string schemaText, string stackYaml) => Check(JsonSchema.FromText(schemaText), stackYaml);

    /// <summary>The stack file as the JSON document an editor validates.</summary>
    public static string AsJson(string stackYaml) => Json.Serialize(Yaml.Deserialize(new StringReader(stackYaml)));

    private static SchemaVerdict Check(JsonSchema schema, string stackYaml)
    {
        using var document = JsonDocument.Parse(AsJson(stackYaml));
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var errors = new List<SchemaError>();
        Collect(results, errors);
        return new SchemaVerdict(results.IsValid, errors);
    }

    // Only failing nodes count: a passing anyOf keeps the errors of its other alternatives below it.
    private static void Collect(EvaluationResults node, List<SchemaError> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        errors.AddRange((node.Errors ?? new Dictionary<string, string>()).Select(e => new SchemaError(node.InstanceLocation.ToString(), e.Key, e.Value)));
        foreach (var detail in node.Details ?? [])
        {
            Collect(detail, errors);
        }
    }
}
