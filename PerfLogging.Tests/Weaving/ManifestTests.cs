using System.Text.Json;
using PerfLogging.Tests.Target;

namespace PerfLogging.Tests.Weaving;

/// <summary>The manifest next to the woven assembly answers "what got woven, and from where?".</summary>
public class ManifestTests
{
    private static JsonElement Manifest()
    {
        // The manifest sits next to the woven assembly in the woven project's own output.
        var path = Path.Combine(
            Support.Repository.Root, "PerfLogging.Tests.Target", "bin", Support.Repository.BuildConfiguration, "net10.0",
            "PerfLogging.Tests.Target.perflogging.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    private static JsonElement Method(string signature) =>
        Manifest().GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == signature);

    [Test]
    public void It_lists_exactly_the_woven_methods()
    {
        var methods = Manifest().GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()).ToList();

        Manifest().GetProperty("assembly").GetString().ShouldBe("PerfLogging.Tests.Target");
        methods.Count.ShouldBe(64);
        methods.ShouldContain("PerfLogging.Tests.Target.Reporting.Build(Int32)");
        methods.ShouldContain("PerfLogging.Tests.Target.Connection.Connection(String)");
        methods.ShouldContain("PerfLogging.Tests.Target.Greeter.IGreeter.Farewell(String)");
        methods.ShouldNotContain("PerfLogging.Tests.Target.Conditional.Never()");
        methods.ShouldNotContain("PerfLogging.Tests.Target.Reporting.Excluded()");
        methods.ShouldNotContain("PerfLogging.Tests.Target.ExcludedType.Work()");
        methods.ShouldNotContain("PerfLogging.Tests.Target.Reporting.Reporting()");
        methods.ShouldNotContain(m => m!.Contains("get_", StringComparison.Ordinal) || m.Contains("`", StringComparison.Ordinal));
        methods.ShouldBe(methods.Order(StringComparer.Ordinal).ToList());
    }

    [Test]
    public void Each_woven_method_has_a_signature_of_its_own_with_generics_and_ref_kinds_as_CSharp_writes_them()
    {
        var methods = Manifest().GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()).ToList();

        methods.Distinct().Count().ShouldBe(methods.Count);
        methods.ShouldContain("PerfLogging.Tests.Target.Repository<T>.Find(Int32)");
        methods.ShouldContain("PerfLogging.Tests.Target.Algorithms.GetOrAdd<TKey, TValue>(Dictionary<TKey, TValue>, TKey, Func<TKey, TValue>)");
        methods.ShouldContain("PerfLogging.Tests.Target.Calculator.TryParse(String, out Int32)");
        methods.ShouldContain("PerfLogging.Tests.Target.Calculator.Increment(ref Int32, in Int32)");
    }

    [Test]
    public void Each_setting_says_where_it_came_from()
    {
        var custom = Method("PerfLogging.Tests.Target.Reporting.Custom()");

        custom.GetProperty("operation").GetString().ShouldBe("Reporting.Custom");
        custom.GetProperty("shape").GetString().ShouldBe("Value");
        var settings = custom.GetProperty("settings");
        settings.GetProperty("ThresholdWarning").GetProperty("value").GetDouble().ShouldBe(2);
        settings.GetProperty("ThresholdWarning").GetProperty("source").GetString().ShouldBe("method attribute");
        settings.GetProperty("Profile").GetProperty("value").GetString().ShouldBe("slow");
        settings.GetProperty("Profile").GetProperty("source").GetString().ShouldBe("type attribute");
        settings.GetProperty("IncludeArgs").GetProperty("source").GetString().ShouldBe("type attribute");
        settings.GetProperty("IncludeMemory").GetProperty("source").GetString().ShouldBe("configuration: Metrics");
        settings.GetProperty("OnError").GetProperty("source").GetString().ShouldBe("default");
    }

    [Test]
    public void Inherited_thresholds_name_the_profile_they_come_from()
    {
        var fast = Method("PerfLogging.Tests.Target.Calculator.Fast()").GetProperty("settings");

        fast.GetProperty("ThresholdWarning").GetProperty("source").GetString().ShouldBe("configuration: Operations entry, else profile 'fast'");
    }

    [Test]
    public void Shapes_and_conditions_are_recorded()
    {
        Method("PerfLogging.Tests.Target.Streams.NumbersAsync(Int32)").GetProperty("shape").GetString().ShouldBe("AsyncEnumerable");
        Method("PerfLogging.Tests.Target.AsyncService.ComputeAsync(Int32)").GetProperty("shape").GetString().ShouldBe("TaskOfT");
        Method("PerfLogging.Tests.Target.Buffers.First()").GetProperty("shape").GetString().ShouldBe("Opaque");
        Method("PerfLogging.Tests.Target.Conditional.WhenField()").GetProperty("condition").GetString().ShouldBe("PerfLogging.Tests.Target.Flags.Field");
        Method("PerfLogging.Tests.Target.Calculator.Named()").GetProperty("operation").GetString().ShouldBe("custom_name");
    }

    [Test]
    public void Methods_left_as_they_are_are_listed_with_why_and_compiler_generated_code_is_not()
    {
        var woven = Manifest().GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()).ToList();
        var notWoven = Manifest().GetProperty("notWoven").EnumerateArray()
            .ToDictionary(m => m.GetProperty("method").GetString()!, m => m.GetProperty("reason").GetString());

        notWoven["PerfLogging.Tests.Target.Reporting.Excluded()"].ShouldBe("excluded: [NoPerformanceLogging] is on the method");
        notWoven["PerfLogging.Tests.Target.ExcludedType.Work()"].ShouldBe("excluded: [NoPerformanceLogging] is on its type PerfLogging.Tests.Target.ExcludedType");
        notWoven["PerfLogging.Tests.Target.Conditional.Never()"].ShouldBe("disabled: the method attribute is [ConditionalPerformanceLogging(false)]");
        notWoven["PerfLogging.Tests.Target.Flags.Check()"].ShouldBe("not selected: no performance attribute is on it or its type, and the assembly has no fabric rule");
        notWoven["PerfLogging.Tests.Target.Shape.Area()"].ShouldBe("not selected: it has no body (abstract, extern or an interface member)");
        notWoven["PerfLogging.Tests.Target.Buffers.get_Values()"].ShouldStartWith("not selected: an accessor is woven only by an attribute on the accessor itself");
        notWoven["PerfLogging.Tests.Target.Reporting.Reporting()"].ShouldStartWith("not selected: a constructor is woven only by an attribute on the constructor itself");
        notWoven.Keys.ShouldNotContain(m => m.Contains('<', StringComparison.Ordinal) && !m.Contains("<T", StringComparison.Ordinal));
        notWoven.Keys.Intersect(woven!).ShouldBeEmpty();
        notWoven.Keys.ShouldBe(notWoven.Keys.Order(StringComparer.Ordinal).ToList());
    }
}
