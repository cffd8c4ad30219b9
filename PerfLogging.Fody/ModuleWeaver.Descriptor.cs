using Mono.Cecil;
using Mono.Cecil.Cil;
using PerfLogging.Fody.Emit;
using PerfLogging.Fody.Model;

namespace PerfLogging.Fody;

public sealed partial class ModuleWeaver
{
    /// <summary>
    /// Adds to the method's type a static descriptor field, a factory that builds the descriptor once, and a tiny
    /// getter the wrapper calls (small enough for the JIT to inline):
    /// <code>
    /// static OperationDescriptor &lt;M&gt;$PerfDescriptorN() => field ?? &lt;M&gt;$PerfDescribeN();
    /// static OperationDescriptor &lt;M&gt;$PerfDescribeN() =>
    ///     field = OperationDescriptor.Create(new PerformanceLoggingAttribute { …merged settings… },
    ///                                       MethodBase.GetMethodFromHandle(methodof(M), typeof(T)));
    /// </code>
    /// </summary>
    /// <returns>The getter, as callable from the wrapper.</returns>
    private MethodReference EmitDescriptor(WeaveTarget target)
    {
        var method = target.Method;
        var type = method.DeclaringType;
        var index = _descriptorCount++;
        var baseName = $"<{method.Name}>$Perf";
        var field = new FieldDefinition($"{baseName}Descriptor{index}", FieldAttributes.Private | FieldAttributes.Static, _runtime.Descriptor);
        type.Fields.Add(field);
        var fieldReference = IlBuilder.SelfReference(field);

        var factory = new MethodDefinition(
            $"{baseName}Describe{index}",
            MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig,
            _runtime.Descriptor)
        {
            ImplAttributes = MethodImplAttributes.NoInlining,
        };
        type.Methods.Add(factory);
        var il = factory.Body.GetILProcessor();
        il.Emit(OpCodes.Newobj, _runtime.AttributeConstructor);
        foreach (var setting in target.Settings.Values)
        {
            il.Emit(OpCodes.Dup);
            EmitConstant(il, setting.Argument);
            il.Emit(OpCodes.Callvirt, _runtime.Setters[setting.Name]);
        }

        il.Emit(OpCodes.Ldtoken, method);
        il.Emit(OpCodes.Ldtoken, type);
        il.Emit(OpCodes.Call, _runtime.GetMethodFromHandle);
        il.Emit(OpCodes.Call, _runtime.CreateDescriptor);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Stsfld, fieldReference);
        il.Emit(OpCodes.Ret);

        var getter = new MethodDefinition(
            $"{baseName}Descriptor{index}",
            MethodAttributes.Private | MethodAttributes.Static | MethodAttributes.HideBySig,
            _runtime.Descriptor)
        {
            ImplAttributes = MethodImplAttributes.AggressiveInlining,
        };
        type.Methods.Add(getter);
        il = getter.Body.GetILProcessor();
        var done = Instruction.Create(OpCodes.Ret);
        il.Emit(OpCodes.Ldsfld, fieldReference);
        il.Emit(OpCodes.Dup);
        il.Emit(OpCodes.Brtrue_S, done);
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Call, IlBuilder.SelfReference(factory));
        il.Append(done);
        return IlBuilder.SelfReference(getter);
    }

    private static void EmitConstant(ILProcessor il, CustomAttributeArgument argument)
    {
        switch (argument.Value)
        {
            case null:
                il.Emit(OpCodes.Ldnull);
                break;
            case string text:
                il.Emit(OpCodes.Ldstr, text);
                break;
            case bool flag:
                il.Emit(flag ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
                break;
            case double number:
                il.Emit(OpCodes.Ldc_R8, number);
                break;
            case float number:
                il.Emit(OpCodes.Ldc_R8, (double)number);
                break;
            case int number:
                il.Emit(OpCodes.Ldc_I4, number);
                break;
            default:
                il.Emit(OpCodes.Ldc_I4, System.Convert.ToInt32(argument.Value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
