using BenchmarkDotNet.Attributes;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Design;
using WidgetStack.Blueprint.Report;
using WidgetStack.Blueprint.Settings;

namespace WidgetStack.Benchmarks;

/// <summary>
/// Each step of the blueprint for the repository's own stacks: reading the stack files, validating
/// the settings, designing, rendering, and all of it at once as <see cref="WidgetDesign.Load"/> does.
/// Each step starts from the previous step's result, made once in <see cref="Setup"/>.
/// </summary>
[MemoryDiagnoser]
public class BlueprintBenchmarks
{
    private string _directory = "";
    private StackConfig _config = null!;
    private WidgetSettings _settings = null!;
    private WidgetDesign _design = null!;

    /// <summary>The stack measured: one of the repository's Pulumi.&lt;stack&gt;.yaml files.</summary>
    [Params("dev", "prod")]
    public string Stack { get; set; } = "";

    /// <summary>Finds the stack files and prepares each step's input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = RepositoryRoot.Find();
        _config = StackFile.Load(_directory, Stack);
        _settings = SettingsReader.Read(_config);
        _design = WidgetDesign.From(_settings);
    }

    /// <summary>Parses Pulumi.yaml and Pulumi.&lt;stack&gt;.yaml and merges defaults.</summary>
    [Benchmark]
    public StackConfig LoadStackFiles() => StackFile.Load(_directory, Stack);

    /// <summary>Turns the merged config into typed, validated settings.</summary>
    [Benchmark]
    public WidgetSettings ReadSettings() => SettingsReader.Read(_config);

    /// <summary>Designs network, firewall, load balancer, service and IAM from the settings.</summary>
    [Benchmark]
    public WidgetDesign Design() => WidgetDesign.From(_settings);

    /// <summary>Renders the text blueprint the command prints by default.</summary>
    [Benchmark]
    public string RenderText() => TextReport.Render(_design);

    /// <summary>Renders the mermaid diagram of <c>--format mermaid</c>.</summary>
    [Benchmark]
    public string RenderMermaid() => MermaidDiagram.Render(_design);

    /// <summary>Stack files to design in one call, as the command and the Pulumi program do.</summary>
    [Benchmark]
    public WidgetDesign LoadWhole() => WidgetDesign.Load(_directory, Stack);
}
