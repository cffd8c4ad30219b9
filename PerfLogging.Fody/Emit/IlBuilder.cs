using Mono.Cecil;
using Mono.Cecil.Cil;

namespace PerfLogging.Fody.Emit;

/// <summary>Small helpers for the IL the weaver emits.</summary>
internal static class IlBuilder
{
    /// <summary>The type as its own members see it: <c>Repository&lt;T&gt;</c> rather than <c>Repository`1</c>.</summary>
    public static TypeReference Self(TypeDefinition type)
    {
        if (!type.HasGenericParameters)
        {
            return type;
        }

        var instance = new GenericInstanceType(type);
        foreach (var parameter in type.GenericParameters)
        {
            instance.GenericArguments.Add(parameter);
        }

        return instance;
    }

    /// <summary>A reference to <paramref name="method"/> callable from code inside its own (possibly generic) type and method.</summary>
    public static MethodReference SelfReference(MethodDefinition method, MethodDefinition? callerForGenericArguments = null)
    {
        MethodReference reference = method;
        if (method.DeclaringType.HasGenericParameters)
        {
            reference = method.MakeHostInstanceGeneric(Self(method.DeclaringType));
        }

        if (method.HasGenericParameters)
        {
            var instance = new GenericInstanceMethod(reference);
            foreach (var parameter in (callerForGenericArguments ?? method).GenericParameters)
            {
                instance.GenericArguments.Add(parameter);
            }

            reference = instance;
        }

        return reference;
    }

    public static FieldReference SelfReference(FieldDefinition field) =>
        field.DeclaringType.HasGenericParameters ? new FieldReference(field.Name, field.FieldType, Self(field.DeclaringType)) : field;

    public static MethodReference MakeHostInstanceGeneric(this MethodReference self, TypeReference host)
    {
        var reference = new MethodReference(self.Name, self.ReturnType, host)
        {
            HasThis = self.HasThis,
            ExplicitThis = self.ExplicitThis,
            CallingConvention = self.CallingConvention,
        };
        foreach (var parameter in self.Parameters)
        {
            reference.Parameters.Add(new ParameterDefinition(parameter.ParameterType));
        }

        foreach (var parameter in self.GenericParameters)
        {
            reference.GenericParameters.Add(new GenericParameter(parameter.Name, reference));
        }

        return reference;
    }
}
