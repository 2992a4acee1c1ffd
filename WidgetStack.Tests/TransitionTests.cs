using WidgetStack.Blueprint.Config;
using WidgetStack.Blueprint.Tests;

namespace WidgetStack.Tests;

/// <summary>
/// Day two: each edit of a running stack evaluated before and after on the mock runtime, and what
/// <c>pulumi up</c> would do judged against the AWS provider's replacement facts.
/// </summary>
public class TransitionTests
{
    [TestCase("dev")]
    [TestCase("prod")]
    public async Task Every_resource_type_a_stack_registers_has_replacement_facts_with_their_source(string stack)
    {
        var evaluation = await StackTransitions.EvaluateAsync(StackTransitions.File(stack));
        var blueGreen = await StackTransitions.EvaluateAsync(StackTransitions.Apply(
            StackTransitions.Apply(StackTransitions.File(stack), Edit("widget:deploymentStrategy", "blueGreen")), Edit("widget:requestsPerTarget", "0")));
        var types = evaluation.Resources.Concat(blueGreen.Resources).Select(r => r.Type).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(types, Has.Count.GreaterThan(20));
            Assert.That(types.Where(t => !StackTransitions.Facts.Types.ContainsKey(t)), Is.Empty, "types without facts");
            Assert.That(types.Where(t => StackTransitions.Facts.Types.GetValueOrDefault(t)?.Source is not { Length: > 10 }), Is.Empty, "types without a source");
        });
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public async Task Every_single_setting_edit_is_safe_on_the_running_stack_or_an_accepted_cost(string stack)
    {
        var config = StackTransitions.File(stack);
        var judged = new List<string>();
        var unsafeEdits = new List<string>();
        foreach (var edit in SettingFlips.Of(config))
        {
            Verdict verdict;
            try
            {
                verdict = await VerdictOfAsync(config, StackTransitions.Apply(config, edit));
            }
            catch (StackRefusedException)
            {
                continue; // the program refuses the edit before any change: nothing reaches the stack
            }

            judged.Add(edit.Label);
            unsafeEdits.AddRange(verdict.Unaccepted.Select(h => $"{edit.Label}: {h.Hazard.Message}"));
        }

        Assert.Multiple(() =>
        {
            Assert.That(judged, Has.Count.GreaterThan(45), "edits the program accepts and the analysis judged");
            Assert.That(unsafeEdits, Is.Empty);
        });
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public async Task Rolling_to_blue_green_and_back_changes_the_service_and_the_infrastructure_role_and_never_where_traffic_goes(string stack)
    {
        var rolling = StackTransitions.File(stack) is var file && stack == "prod" ? StackTransitions.Apply(file, Edit("widget:requestsPerTarget", "0")) : file;
        var blueGreen = StackTransitions.Apply(rolling, Edit("widget:deploymentStrategy", "blueGreen"));

        var there = await VerdictOfAsync(rolling, blueGreen);
        var back = await VerdictOfAsync(blueGreen, rolling);

        Assert.Multiple(() =>
        {
            Assert.That(Summary(there.Transition), Is.EqualTo(new[] { "Create Role widget-ecs-infra", "Create RolePolicyAttachment widget-ecs-infra-managed-0", "Update Service WidgetService" }));
            Assert.That(Summary(back.Transition), Is.EqualTo(new[] { "Update Service WidgetService", "Delete Role widget-ecs-infra", "Delete RolePolicyAttachment widget-ecs-infra-managed-0" }));
            Assert.That(there.Transition.Changes.Single(c => c.Type == "aws:ecs/service:Service").ChangedInputs, Does.Contain("loadBalancers[0].advancedConfiguration.alternateTargetGroupArn"), "ECS receives the alternate group on the switch");
            Assert.That((there.Word, back.Word), Is.EqualTo(("safe", "safe")));
        });
    }

    [Test]
    public async Task Switching_among_all_four_strategies_changes_only_the_service_and_the_infrastructure_role()
    {
        var rolling = StackTransitions.Apply(StackTransitions.File("prod"), Edit("widget:requestsPerTarget", "0"));
        var strategies = new[] { "rolling", "blueGreen", "linear", "canary" }
            .ToDictionary(s => s, s => StackTransitions.Apply(rolling, Edit("widget:deploymentStrategy", s)));
        var touched = new HashSet<string>();

        foreach (var (from, before) in strategies)
        {
            foreach (var (to, after) in strategies.Where(pair => pair.Key != from))
            {
                var verdict = await VerdictOfAsync(before, after);
                Assert.That(verdict.Word, Is.EqualTo("safe"), $"{from} -> {to}");
                touched.UnionWith(verdict.Transition.Changes.Select(c => c.Label));
            }
        }

        Assert.That(touched, Is.EquivalentTo(new[] { "Service WidgetService", "Role widget-ecs-infra", "RolePolicyAttachment widget-ecs-infra-managed-0" }));
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public async Task Turning_ECS_Exec_on_or_off_is_safe_and_keeps_prod_s_session_logs(string stack)
    {
        var config = StackTransitions.File(stack);
        var flipped = StackTransitions.Apply(config, Edit("widget:executeCommand", stack == "dev" ? "false" : "true"));

        var off = stack == "dev" ? await VerdictOfAsync(config, flipped) : await VerdictOfAsync(flipped, config);
        var on = stack == "dev" ? await VerdictOfAsync(flipped, config) : await VerdictOfAsync(config, flipped);

        Assert.Multiple(() =>
        {
            Assert.That(on.Word, Is.EqualTo("safe"));
            Assert.That(on.Transition.Of(ChangeKind.Create).Select(c => c.Label), Is.SupersetOf(new[] { "Key widget-exec-key", "LogGroup widget-exec-logs" }));
            // Without deletion protection (dev) the session logs go, which the README accepts; prod keeps them.
            Assert.That(off.Word, Is.EqualTo(stack == "dev" ? "accepted" : "safe"));
        });
    }

    [TestCase("dev")]
    [TestCase("prod")]
    public async Task Turning_Spot_on_or_off_updates_the_service_in_place_and_nothing_else(string stack)
    {
        var config = StackTransitions.File(stack);
        var flipped = StackTransitions.Apply(config, Edit("widget:spot", stack == "dev" ? "false" : "true"));

        var verdict = await VerdictOfAsync(config, flipped);

        Assert.Multiple(() =>
        {
            Assert.That(Summary(verdict.Transition), Is.EqualTo(new[] { "Update Service WidgetService" }));
            Assert.That(verdict.Transition.Changes.Single().ChangedInputs, Is.EqualTo(new[] { "capacityProviderStrategies[0].capacityProvider" }));
            Assert.That(verdict.Word, Is.EqualTo("safe"));
        });
    }

    [Test]
    public async Task A_new_container_port_opens_before_the_old_one_closes_and_keeps_the_target_groups()
    {
        var config = StackTransitions.File("prod");

        var verdict = await VerdictOfAsync(config, StackTransitions.Apply(config, Edit("widget:containerPort", "8080")));

        Assert.Multiple(() =>
        {
            Assert.That(Summary(verdict.Transition), Is.EqualTo(new[]
            {
                "Create SecurityGroupEgressRule widget-alb-out-8080-tasks",
                "Create SecurityGroupIngressRule widget-tasks-in-8080-loadbalancer",
                "Update Service WidgetService",
                "Replace TaskDefinition widget-task",
                "Delete SecurityGroupEgressRule widget-alb-out-3333-tasks",
                "Delete SecurityGroupIngressRule widget-tasks-in-3333-loadbalancer",
            }));
            Assert.That(verdict.Word, Is.EqualTo("safe"));
        });
    }

    [Test]
    public async Task Dev_turned_into_prod_costs_only_the_accepted_rebuild_of_the_network_and_dev_s_exec_sessions()
    {
        var dev = StackTransitions.File("dev");
        var prod = StackFile.LoadFile(Repository.Root, "dev", Path.Combine(Repository.Root, "Pulumi.prod.yaml"));

        var verdict = await VerdictOfAsync(dev, prod);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Hazards, Is.Not.Empty, "prod's VPC range differs from dev's");
            Assert.That(verdict.Unaccepted.Select(h => h.Hazard.Message), Is.Empty);
            Assert.That(verdict.Hazards.Select(h => h.Acceptance!.Edit).Distinct(), Is.EquivalentTo(new[] { "widget:vpcCidr", "widget:executeCommand" }));
        });
    }

    private static async Task<Verdict> VerdictOfAsync(StackConfig before, StackConfig after) =>
        Verdict.Of(await StackTransitions.BetweenAsync(before, after), EditedKeys.Between(before, after));

    private static SettingEdit Edit(string key, string value) => new(key, new ConfigValue.Scalar(value), $"{key}: {value}");

    private static IEnumerable<string> Summary(Transition transition) => transition.Changes.Select(c => $"{c.Kind} {c.Label}");
}
