using Fody;
using Mono.Cecil;
using Mono.Cecil.Cil;
using PerfLogging.Fody;

namespace PerfLogging.Tests.Weaving;

/// <summary>
/// IL that C# does not write but other compilers and tools do, crafted into a copy of the unwoven fidelity assembly
/// and then woven: a <c>tail.</c> call, and a constructor branch that crosses its base call.
/// </summary>
public class CraftedIlTests
{
    private static readonly string Unwoven = Path.Combine(AppContext.BaseDirectory, "PerfLogging.Tests.Fidelity.Unwoven.dll");

    private static string Craft(string name, Action<ModuleDefinition> change)
    {
        var path = Path.Combine(AppContext.BaseDirectory, $"Crafted.{name}.dll");
        using (var module = ModuleDefinition.ReadModule(Unwoven, new ReaderParameters { ReadSymbols = false }))
        {
            change(module);
            module.Write(path);
        }

        return path;
    }

    private static MethodDefinition Method(ModuleDefinition module, string type, string name, int parameters) =>
        module.GetType(type).Methods.Single(m => m.Name == name && m.Parameters.Count == parameters);

    [Test]
    public void A_tail_call_is_woven_as_an_ordinary_call_and_returns_its_value()
    {
        var path = Craft("TailCall", module =>
        {
            var forward = Method(module, "PerfLogging.Tests.Fidelity.Shapes", "Forward", 1);
            var call = forward.Body.Instructions.Single(i => i.OpCode == OpCodes.Call);
            forward.Body.GetILProcessor().InsertBefore(call, Instruction.Create(OpCodes.Tail));
        });
        using (var crafted = ModuleDefinition.ReadModule(path))
        {
            Method(crafted, "PerfLogging.Tests.Fidelity.Shapes", "Forward", 1).Body.Instructions.ShouldContain(i => i.OpCode == OpCodes.Tail);
        }

        var result = new ModuleWeaver().ExecuteTestRun(path, runPeVerify: false);

        result.Errors.ShouldBeEmpty();
        var shapes = result.GetInstance("PerfLogging.Tests.Fidelity.Shapes");
        ((int)shapes.Forward(5)).ShouldBe(1);
        ((int)shapes.Forward(-3)).ShouldBe(-1);
    }

    [Test]
    public void A_constructor_branch_across_its_base_call_is_a_PERF012_build_error()
    {
        var path = Craft("CrossingBranch", module =>
        {
            var constructor = module.GetType("PerfLogging.Tests.Fidelity.Labelled").Methods
                .Single(m => m.IsConstructor && m.Parameters.Count == 1);
            var il = constructor.Body.GetILProcessor();
            var baseCall = constructor.Body.Instructions.First(i => i.OpCode == OpCodes.Call);
            var first = constructor.Body.Instructions[0];

            // if (fails != 0) goto after the base call;   (skips base("failing"): no compiler writes this)
            il.InsertBefore(first, Instruction.Create(OpCodes.Ldarg_1));
            il.InsertBefore(first, Instruction.Create(OpCodes.Brtrue, baseCall.Next));
        });

        var result = new ModuleWeaver().ExecuteTestRun(path, runPeVerify: false);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Text.ShouldStartWith(
            "PERF012: PerfLogging cannot weave 'PerfLogging.Tests.Fidelity.Labelled.Labelled': a branch at IL_");
        error.Text.ShouldEndWith(
            " crosses its base(…) call, so the code after that call cannot be wrapped alone. Move the conditional logic out of the " +
            "constructor initializer (into a static helper method), or remove the performance attribute from this constructor.");
    }
}
