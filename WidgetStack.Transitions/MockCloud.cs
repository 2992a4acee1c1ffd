using System.Collections.Immutable;
using Pulumi.Testing;
using WidgetStack.Blueprint.Rules;

namespace WidgetStack.Transitions;

/// <summary>
/// The AWS the mock runtime stands for: it answers each registered resource as AWS and the
/// providers would, and the one provider function the program calls (the account's zones).
/// </summary>
public sealed class MockCloud : IMocks
{
    private readonly List<MockResourceArgs> _registered = [];

    /// <summary>Every resource registered so far, as the mock runtime received it.</summary>
    public IReadOnlyList<MockResourceArgs> Registered
    {
        get
        {
            lock (_registered)
            {
                return [.. _registered];
            }
        }
    }

    /// <summary>The id the mocks give a resource: its logical name + "-id".</summary>
    public static string IdOf(string name) => $"{name}-id";

    /// <inheritdoc/>
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (_registered)
        {
            _registered.Add(args);
        }

        var (id, state) = Respond(args);
        return Task.FromResult<(string?, object)>((id, state));
    }

    /// <inheritdoc/>
    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult(Answer(args, AwsRegions.All.ZonesOf));

    /// <summary>The token of the provider function that lists the account's Availability Zones.</summary>
    public const string ZonesFunction = "aws:index/getAvailabilityZones:getAvailabilityZones";

    /// <summary>
    /// Answers <see cref="ZonesFunction"/> with the zones <paramref name="zonesOf"/> gives for the
    /// region asked (the account's zones); refuses every other function, which the program never calls.
    /// </summary>
    public static object Answer(MockCallArgs args, Func<string, IReadOnlyList<string>> zonesOf)
    {
        if (args.Token != ZonesFunction)
        {
            throw new InvalidOperationException($"The program must not call provider function {args.Token}.");
        }

        var region = args.Args.TryGetValue("region", out var asked) ? (string)asked : "";
        // The program reads the names only.
        return ImmutableDictionary<string, object>.Empty
            .Add("id", region)
            .Add("names", ImmutableArray.CreateRange<object>(zonesOf(region)));
    }

    /// <summary>
    /// Echoes inputs, adds what AWS would compute (arn, name, dnsName), gives every resource a
    /// non-empty id (an empty one would leave every input built from it unknown, and silently
    /// missing), and supplies the outputs of the remote awsx VPC.
    /// </summary>
    public static (string? Id, ImmutableDictionary<string, object> State) Respond(MockResourceArgs args)
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
}
