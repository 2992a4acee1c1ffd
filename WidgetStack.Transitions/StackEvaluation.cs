using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Testing;
using WidgetStack.Blueprint.Config;

namespace WidgetStack.Transitions;

/// <summary>One resource as a run of the program registered it.</summary>
/// <param name="Type">Type token.</param>
/// <param name="Name">Logical name.</param>
/// <param name="Inputs">Its inputs.</param>
/// <param name="Lifecycle">Its lifecycle options.</param>
public sealed record EvaluatedResource(string Type, string Name, JsonObject Inputs, ResourceLifecycle Lifecycle)
{
    /// <summary>Type and name: what identifies it from one run to the next.</summary>
    public string Key => ResourceLifecycle.Key(Type, Name);
}

/// <summary>What the program registers for one stack file: the provider resources, not the components around them.</summary>
/// <param name="Stack">Stack name.</param>
/// <param name="Region">The AWS provider's region (aws:region).</param>
/// <param name="Resources">The provider resources (and the awsx VPC, whose children awsx makes).</param>
public sealed record Evaluation(string Stack, string Region, IReadOnlyList<EvaluatedResource> Resources);

/// <summary>The program refused the stack's settings; nothing was registered.</summary>
/// <param name="message">The program's message, which names every bad setting.</param>
public sealed class StackRefusedException(string message) : Exception(message);

/// <summary>Runs the Pulumi program on the mock runtime for a stack's configuration.</summary>
public static class StackEvaluator
{
    // The Pulumi SDK's test runtime is process-wide: one run at a time.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>What the program registers for <paramref name="config"/>.</summary>
    /// <exception cref="StackRefusedException">The program refuses the settings.</exception>
    public static async Task<Evaluation> RunAsync(StackConfig config)
    {
        await OneAtATime.WaitAsync();
        try
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", PulumiConfigMap.From(config));
            var cloud = new MockCloud();
            System.Collections.Immutable.ImmutableArray<Resource> resources;
            try
            {
                resources = await Deployment.TestAsync<WidgetStackRoot>(cloud, new TestOptions { IsPreview = false, ProjectName = config.Project, StackName = config.Stack });
            }
            catch (Exception e) when (Unwrap(e) is RunException refusal)
            {
                throw new StackRefusedException(refusal.Message);
            }

            var lifecycles = resources.OfType<WidgetStackRoot>().Single().Lifecycles;
            var none = new ResourceLifecycle(false, false, []);
            return new Evaluation(config.Stack, (config.Region as ConfigValue.Scalar)?.Text ?? "", [.. cloud.Registered
                .Where(r => !r.Type!.StartsWith("widget:", StringComparison.Ordinal) && !r.Type.StartsWith("pulumi:", StringComparison.Ordinal))
                .Select(r => new EvaluatedResource(r.Type!, r.Name!, InputsJson.From(r.Inputs), lifecycles.GetValueOrDefault(ResourceLifecycle.Key(r.Type!, r.Name!), none)))
                .OrderBy(r => r.Key, StringComparer.Ordinal)]);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions: [var inner] } ? Unwrap(inner) : e;
}
