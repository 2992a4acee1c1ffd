using System.Collections.Immutable;
using System.Text.Json;
using Moq;
using Pulumi;
using Pulumi.Testing;
using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>
/// Runs <see cref="WidgetStackRoot"/> on Pulumi's mock runtime with the config of a real stack file
/// (Pulumi.yaml defaults + Pulumi.&lt;stack&gt;.yaml), and keeps every resource that reached the mocks.
/// </summary>
internal sealed class StackRun
{
    private StackRun(IReadOnlyList<MockResourceArgs> registered, int invokes, IReadOnlyList<Resource> resources, IReadOnlyList<MockRegisterResourceOutputsRequest> outputs)
    {
        Registered = registered;
        Invokes = invokes;
        Resources = resources;
        ComponentOutputs = outputs;
    }

    /// <summary>The outputs each component registered with the engine (RegisterOutputs), by its URN.</summary>
    public IReadOnlyList<MockRegisterResourceOutputsRequest> ComponentOutputs { get; }

    /// <summary>The resource objects the program constructed, the stack among them.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>Every resource registered, as the mock runtime received it.</summary>
    public IReadOnlyList<MockResourceArgs> Registered { get; }

    /// <summary>Provider invokes the program attempted (the mocks answer none).</summary>
    public int Invokes { get; }

    /// <summary>Registered resources of one type token.</summary>
    public IReadOnlyList<MockResourceArgs> OfType(string type) => [.. Registered.Where(r => r.Type == type)];

    /// <summary>The single resource of a type token (and logical name, if given).</summary>
    public MockResourceArgs Single(string type, string? name = null) => OfType(type).Single(r => name is null || r.Name == name);

    /// <summary>The id the mocks gave a resource: its logical name + "-id".</summary>
    public static string IdOf(string name) => $"{name}-id";

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
    /// change the state the mocks give back for a resource.
    /// </summary>
    public static async Task<(StackRun Run, Exception? Error)> TryRunWithConfigAsync(
        string stack, string? configJson, bool preview = false, Func<MockResourceArgs, ImmutableDictionary<string, object>, ImmutableDictionary<string, object>>? answer = null)
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", configJson);
        var registered = new List<MockResourceArgs>();
        var invokes = 0;
        var mocks = new Mock<IMocks>(MockBehavior.Strict);
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                lock (registered)
                {
                    registered.Add(args);
                }

                var (id, state) = Respond(args);
                return (id, answer is null ? state : answer(args, state));
            });
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .Callback(() => Interlocked.Increment(ref invokes))
            .ThrowsAsync(new InvalidOperationException("The program must not call provider functions."));
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

        return (new StackRun(registered, invokes, resources, outputs), error);
    }

    /// <summary>
    /// Echoes inputs, adds what AWS would compute (arn, name, dnsName), gives every resource a
    /// non-empty id (an empty one would leave every input built from it unknown, and silently
    /// missing), and supplies the outputs of the remote awsx VPC.
    /// </summary>
    private static (string? Id, ImmutableDictionary<string, object> State) Respond(MockResourceArgs args)
    {
        var name = args.Name ?? "";
        var state = args.Inputs.ToBuilder();
        state.TryAdd("name", name);
        // A log group's ARN carries its physical name; every other ARN its logical name.
        state.TryAdd("arn", MockArns.For(args.Type!, args.Type == "aws:cloudwatch/logGroup:LogGroup" ? (string)state["name"] : name));
        if (args.Type == "aws:s3/bucket:Bucket")
        {
            state["bucket"] = name; // AWS names it from the logical name plus a suffix
        }

        if (args.Type == "aws:lb/loadBalancer:LoadBalancer")
        {
            state["dnsName"] = $"{name}.elb.example";
            state["zoneId"] = "ZALBZONE0001";
            state["arnSuffix"] = $"app/{name}/50dc6c495c0c9188";
        }

        if (args.Type == "aws:lb/targetGroup:TargetGroup")
        {
            state["arnSuffix"] = $"targetgroup/{name}/73e2d6bc24d8a067";
        }

        if (args.Type == "aws:acm/certificate:Certificate")
        {
            var domain = (string)args.Inputs["domainName"];
            state["domainValidationOptions"] = ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty
                .Add("domainName", domain)
                .Add("resourceRecordName", $"_proof.{domain}.")
                .Add("resourceRecordType", "CNAME")
                .Add("resourceRecordValue", "_answer.acm-validations.aws."));
        }

        if (args.Type == "aws:route53/record:Record")
        {
            state["fqdn"] = ((string)args.Inputs["name"]).TrimEnd('.');
        }

        if (args.Type == "awsx:ec2:Vpc")
        {
            var zones = ((ImmutableArray<object>)args.Inputs["availabilityZoneNames"]).Length;
            state["vpcId"] = IdOf(name);
            state["publicSubnetIds"] = Enumerable.Range(0, zones).Select(i => (object)$"subnet-public-{i}").ToImmutableArray();
            state["privateSubnetIds"] = Enumerable.Range(0, zones).Select(i => (object)$"subnet-private-{i}").ToImmutableArray();
        }

        return (string.IsNullOrEmpty(args.Id) ? IdOf(name) : args.Id, state.ToImmutable());
    }

    /// <summary>The PULUMI_CONFIG map of a stack file with defaults, as the CLI builds it.</summary>
    public static string ConfigJson(StackConfig config, (string Key, string Value)[] overrides)
    {
        var map = new Dictionary<string, string>();
        if (config.Region is ConfigValue.Scalar region)
        {
            map[StackFile.RegionKey] = region.Text;
        }

        foreach (var (key, value) in config.Values)
        {
            switch (value)
            {
                case ConfigValue.Scalar scalar:
                    map[$"{config.Project}:{key}"] = scalar.Text;
                    break;
                case ConfigValue.List list:
                    map[$"{config.Project}:{key}"] = JsonSerializer.Serialize(list.Items);
                    break;
            }
        }

        foreach (var (key, value) in overrides)
        {
            map[$"{config.Project}:{key}"] = value;
        }

        return JsonSerializer.Serialize(map);
    }
}
