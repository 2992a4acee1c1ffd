using System.Collections.Immutable;
using Moq;
using Pulumi;
using Pulumi.Testing;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Rules;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>
/// Runs <see cref="WidgetStackRoot"/> on Pulumi's mock runtime with the config of a real stack file
/// (Pulumi.yaml defaults + Pulumi.&lt;stack&gt;.yaml), and keeps every resource that reached the mocks.
/// </summary>
internal sealed class StackRun
{
    private StackRun(IReadOnlyList<MockResourceArgs> registered, IReadOnlyList<MockCallArgs> calls, IReadOnlyList<Resource> resources, IReadOnlyList<MockRegisterResourceOutputsRequest> outputs)
    {
        Registered = registered;
        Calls = calls;
        Resources = resources;
        ComponentOutputs = outputs;
    }

    /// <summary>The outputs each component registered with the engine (RegisterOutputs), by its URN.</summary>
    public IReadOnlyList<MockRegisterResourceOutputsRequest> ComponentOutputs { get; }

    /// <summary>The resource objects the program constructed, the stack among them.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>Every resource registered, as the mock runtime received it.</summary>
    public IReadOnlyList<MockResourceArgs> Registered { get; }

    /// <summary>The provider functions the program called, in order.</summary>
    public IReadOnlyList<MockCallArgs> Calls { get; }

    /// <summary>Registered resources of one type token.</summary>
    public IReadOnlyList<MockResourceArgs> OfType(string type) => [.. Registered.Where(r => r.Type == type)];

    /// <summary>The single resource of a type token (and logical name, if given).</summary>
    public MockResourceArgs Single(string type, string? name = null) => OfType(type).Single(r => name is null || r.Name == name);

    /// <summary>The id the mocks gave a resource: its logical name + "-id".</summary>
    public static string IdOf(string name) => MockCloud.IdOf(name);

    /// <summary>Runs <paramref name="stack"/>, with <paramref name="overrides"/> (widget keys) replacing file values.</summary>
    public static async Task<StackRun> RunAsync(string stack, params (string Key, string Value)[] overrides)
    {
        var (run, error) = await TryRunAsync(stack, overrides);
        return error is null ? run : throw error;
    }

    /// <summary>
    /// Runs a stack that must be refused: asserts it ended with a clean <see cref="RunException"/>
    /// and registered nothing but the stack itself, and returns the message.
    /// </summary>
    public static async Task<string> RejectionAsync(string stack, params (string Key, string Value)[] overrides)
    {
        var (run, error) = await TryRunAsync(stack, overrides);
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<RunException>(), "a clean message, no stack trace");
            Assert.That(run.Registered.Where(r => r.Type != "pulumi:pulumi:Stack"), Is.Empty, "nothing registered");
        });
        return error!.Message;
    }

    /// <summary>Runs the stack and returns what was registered and the error that ended the run, if any.</summary>
    public static Task<(StackRun Run, Exception? Error)> TryRunAsync(string stack, params (string Key, string Value)[] overrides) =>
        TryRunWithConfigAsync(stack, ConfigJson(StackFile.Load(Repository.Root, stack), overrides));

    /// <summary>
    /// Runs the stack with <paramref name="configJson"/> as the engine's PULUMI_CONFIG map (null: no
    /// map at all), as a preview when <paramref name="preview"/>; <paramref name="answer"/> may
    /// change the state the mocks give back for a resource, and <paramref name="accountZones"/> the
    /// zones the account has in a region (by default every zone AWS lists there).
    /// </summary>
    public static async Task<(StackRun Run, Exception? Error)> TryRunWithConfigAsync(
        string stack,
        string? configJson,
        bool preview = false,
        Func<MockResourceArgs, ImmutableDictionary<string, object>, ImmutableDictionary<string, object>>? answer = null,
        Func<string, IReadOnlyList<string>>? accountZones = null)
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", configJson);
        var registered = new List<MockResourceArgs>();
        var calls = new List<MockCallArgs>();
        var mocks = new Mock<IMocks>(MockBehavior.Strict);
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                lock (registered)
                {
                    registered.Add(args);
                }

                var (id, state) = MockCloud.Respond(args);
                return (id, answer is null ? state : answer(args, state));
            });
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) =>
            {
                lock (calls)
                {
                    calls.Add(args);
                }

                return MockCloud.Answer(args, accountZones ?? AwsRegions.All.ZonesOf);
            });
        var outputs = new List<MockRegisterResourceOutputsRequest>();
        mocks.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>()))
            .Callback((MockRegisterResourceOutputsRequest request) =>
            {
                lock (outputs)
                {
                    outputs.Add(request);
                }
            })
            .Returns(Task.CompletedTask);

        Exception? error = null;
        var resources = ImmutableArray<Resource>.Empty;
        try
        {
            resources = await Deployment.TestAsync<WidgetStackRoot>(mocks.Object, new TestOptions { IsPreview = preview, ProjectName = "widget", StackName = stack });
        }
        catch (Exception e)
        {
            error = e;
        }

        return (new StackRun(registered, calls, resources, outputs), error);
    }

    /// <summary>The PULUMI_CONFIG map of a stack file with defaults, as the CLI builds it.</summary>
    public static string ConfigJson(StackConfig config, (string Key, string Value)[] overrides) => PulumiConfigMap.From(config, overrides);
}
