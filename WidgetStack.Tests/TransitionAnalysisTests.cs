using System.Text.Json.Nodes;

namespace WidgetStack.Tests;

/// <summary>The judgement of the day-two analysis on small, made-up stacks.</summary>
public class TransitionAnalysisTests
{
    private const string Group = "aws:lb/targetGroup:TargetGroup";
    private const string Listener = "aws:lb/listener:Listener";
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";

    private static readonly ResourceLifecycle Plain = new(false, false, []);

    [Test]
    public void An_input_the_provider_cannot_change_in_place_replaces_the_resource_and_updates_what_names_it()
    {
        var groupArn = MockArns.For(Group, "tasks");
        var listener = Resource(Listener, "http", $$"""{"defaultActions":[{"targetGroupArn":"{{groupArn}}","type":"forward"}],"port":80}""");

        var transition = Analyze(
            [Resource(Group, "tasks", """{"port":3333,"protocol":"HTTP"}"""), listener],
            [Resource(Group, "tasks", """{"port":8080,"protocol":"HTTP"}"""), listener]);

        Assert.Multiple(() =>
        {
            Assert.That(transition.Changes.Select(c => (c.Kind, c.Label)), Is.EqualTo(new[] { (ChangeKind.Update, "Listener http"), (ChangeKind.Replace, "TargetGroup tasks") }));
            Assert.That(transition.Changes[1].ReplacingInputs, Is.EqualTo(new[] { "port" }));
            Assert.That(transition.Changes[0].ChangedInputs, Is.EqualTo(new[] { "defaultActions[0].targetGroupArn" }), "the group's new ARN");
            Assert.That(transition.Changes[0].Hazards.Select(h => h.Kind), Is.EqualTo(new[] { HazardKind.TrafficToEmptyGroup }));
            Assert.That(transition.Changes[1].Hazards.Select(h => h.Kind), Is.EqualTo(new[] { HazardKind.DataLost }));
        });
    }

    [Test]
    public void A_replacement_that_keeps_a_fixed_name_is_unsafe_unless_the_old_one_goes_first()
    {
        var before = Resource(LogGroup, "logs", """{"logGroupClass":"STANDARD","name":"/ecs/widget/prod"}""");
        var after = Resource(LogGroup, "logs", """{"logGroupClass":"INFREQUENT_ACCESS","name":"/ecs/widget/prod"}""");

        var createdFirst = Analyze([before], [after]).Changes.Single();
        var deletedFirst = Analyze([before], [after with { Lifecycle = Plain with { DeleteBeforeReplace = true } }]).Changes.Single();
        var renamed = Analyze([before], [Resource(LogGroup, "logs", """{"logGroupClass":"STANDARD","name":"/ecs/widget/other"}""")]).Changes.Single();

        Assert.Multiple(() =>
        {
            Assert.That(createdFirst.Hazards.Select(h => h.Kind), Is.EqualTo(new[] { HazardKind.FixedNameReplaced, HazardKind.DataLost }));
            Assert.That(createdFirst.Hazards[0].Message, Does.Contain("its AWS name /ecs/widget/prod is fixed"));
            Assert.That(deletedFirst.Hazards.Select(h => h.Kind), Is.EqualTo(new[] { HazardKind.DataLost }));
            Assert.That(renamed.Hazards.Select(h => h.Kind), Is.EqualTo(new[] { HazardKind.DataLost }), "a new name cannot clash with the old");
        });
    }

    [Test]
    public void Deleting_what_holds_data_loses_it_unless_the_stack_retains_it()
    {
        var logs = Resource(LogGroup, "logs", """{"name":"/vpc/flow-logs"}""");

        var deleted = Analyze([logs], []).Changes.Single();
        var retained = Analyze([logs with { Lifecycle = Plain with { RetainOnDelete = true } }], []).Changes.Single();

        Assert.Multiple(() =>
        {
            Assert.That((deleted.Kind, retained.Kind), Is.EqualTo((ChangeKind.Delete, ChangeKind.Delete)));
            Assert.That(deleted.Hazards.Single().Message, Is.EqualTo("LogGroup logs is deleted: its log events are lost"));
            Assert.That(retained.Hazards, Is.Empty);
        });
    }

    [Test]
    public void Traffic_to_a_new_group_is_unsafe_only_where_it_carries_weight()
    {
        var (tasks, fresh) = (MockArns.For(Group, "tasks"), MockArns.For(Group, "fresh"));
        string Rule(int freshWeight) => $$"""{"actions":[{"forward":{"targetGroups":[{"arn":"{{tasks}}","weight":100},{"arn":"{{fresh}}","weight":{{freshWeight}}}]},"type":"forward"}]}""";
        EvaluatedResource[] before = [Resource(Group, "tasks", """{"port":1}"""), Resource("aws:lb/listenerRule:ListenerRule", "rule", Rule(0))];

        var idle = Analyze(before, [.. before[..1], Resource(Group, "fresh", """{"port":1}"""), Resource("aws:lb/listenerRule:ListenerRule", "rule", Rule(0))]);
        var weighted = Analyze(before, [.. before[..1], Resource(Group, "fresh", """{"port":1}"""), Resource("aws:lb/listenerRule:ListenerRule", "rule", Rule(10))]);

        Assert.Multiple(() =>
        {
            Assert.That(idle.Unsafe, Is.Empty);
            Assert.That(weighted.Unsafe.Single().Hazards.Single().Message, Does.StartWith("ListenerRule rule sends traffic to fresh, a target group this update creates"));
        });
    }

    [Test]
    public void Ignored_inputs_keep_their_value_from_the_state_and_take_the_program_s_where_the_state_has_none()
    {
        var state = JsonNode.Parse("""{"loadBalancers":[{"targetGroupArn":"green"}],"desiredCount":5}""")!.AsObject();
        var program = JsonNode.Parse("""{"loadBalancers":[{"targetGroupArn":"blue","advancedConfiguration":{"alternateTargetGroupArn":"green"}}],"desiredCount":3}""")!.AsObject();

        var sent = JsonPaths.WithIgnored(program, state, ["loadBalancers[0].targetGroupArn", "loadBalancers[0].advancedConfiguration.alternateTargetGroupArn", "desiredCount"]);

        Assert.That(sent.ToJsonString(), Is.EqualTo("""{"loadBalancers":[{"targetGroupArn":"green","advancedConfiguration":{"alternateTargetGroupArn":"green"}}],"desiredCount":5}"""));
    }

    [Test]
    public void A_new_region_replaces_every_resource()
    {
        var logs = Resource(LogGroup, "logs", """{"name":"/ecs/widget/prod"}""");

        var change = TransitionAnalysis.Analyze(new("prod", "us-east-1", [logs]), new("prod", "us-west-2", [logs]), StackTransitions.Facts).Changes.Single();

        Assert.Multiple(() =>
        {
            Assert.That((change.Kind, change.ReplacingInputs.Single()), Is.EqualTo((ChangeKind.Replace, TransitionAnalysis.ProviderRegion)));
            Assert.That(change.Hazards.Select(h => h.Kind), Does.Contain(HazardKind.DataLost));
        });
    }

    [Test]
    public void Only_the_hazards_the_edit_means_are_accepted()
    {
        var record = Resource("aws:route53/record:Record", "alias", """{"name":"widgets.example.com","zoneId":"Z1"}""");
        var transition = Analyze([record], []);

        var domainEdit = Verdict.Of(transition, new HashSet<string> { "widget:domainName" });
        var otherEdit = Verdict.Of(transition, new HashSet<string> { "widget:replicas" });

        Assert.Multiple(() =>
        {
            Assert.That((domainEdit.Word, otherEdit.Word), Is.EqualTo(("accepted", "UNSAFE")));
            Assert.That(domainEdit.Hazards.Single().Acceptance!.Edit, Is.EqualTo("widget:domainName"));
            Assert.That(Verdict.Of(Analyze([record], [record]), new HashSet<string>()).Word, Is.EqualTo("safe"));
        });
    }

    private static Transition Analyze(EvaluatedResource[] before, EvaluatedResource[] after) =>
        TransitionAnalysis.Analyze(new("s", "us-east-1", before), new("s", "us-east-1", after), StackTransitions.Facts);

    private static EvaluatedResource Resource(string type, string name, string inputs) => new(type, name, JsonNode.Parse(inputs)!.AsObject(), Plain);
}
