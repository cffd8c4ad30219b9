using System.Linq;
using Fody;
using Mono.Cecil;

namespace PerfLogging.Fody;

/// <summary>
/// The runtime members woven code calls, resolved by name from PerfLogging.Aspects (the weaver references
/// neither runtime nor configuration) and imported into the woven module.
/// </summary>
internal sealed class RuntimeReferences
{
    private const string WeavingNamespace = "PerfLogging.Weaving";

    public RuntimeReferences(BaseModuleWeaver weaver, ModuleDefinition module)
    {
        Module = module;
        var descriptor = weaver.FindTypeDefinition(WeavingNamespace + ".OperationDescriptor");
        var scope = weaver.FindTypeDefinition(WeavingNamespace + ".OperationScope");
        var attribute = weaver.FindTypeDefinition("PerfLogging.PerformanceLoggingAttribute");
        var aspect = weaver.FindTypeDefinition("PerfLogging.PerformanceAspectAttribute");
        var methodBase = weaver.FindTypeDefinition("System.Reflection.MethodBase");
        var exception = weaver.FindTypeDefinition("System.Exception");

        Descriptor = module.ImportReference(descriptor);
        Scope = module.ImportReference(scope);
        Exception = module.ImportReference(exception);
        CreateDescriptor = module.ImportReference(descriptor.Methods.Single(m => m.Name == "Create" && m.IsPublic));
        GetMethodFromHandle = module.ImportReference(methodBase.Methods.Single(m =>
            m.Name == "GetMethodFromHandle" && m.Parameters.Count == 2));
        AttributeConstructor = module.ImportReference(attribute.Methods.Single(m => m.IsConstructor && !m.IsStatic && m.Parameters.Count == 0));
        foreach (var property in aspect.Properties)
        {
            Setters[property.Name] = module.ImportReference(property.SetMethod);
        }

        Start = Import(scope, "Start", 2);
        CapturesArguments = Import(scope, "get_CapturesArguments", 0);
        AddArgument = Import(scope, "AddArgument", 2);
        Filter = Import(scope, "Filter", 1);
        Unwind = Import(scope, "Unwind", 0);
        CompleteVoid = module.ImportReference(scope.Methods.Single(m => m.Name == "Complete" && !m.HasGenericParameters));
        CompleteValue = module.ImportReference(scope.Methods.Single(m => m.Name == "Complete" && m.HasGenericParameters));
        CompleteTask = module.ImportReference(scope.Methods.Single(m => m.Name == "CompleteTask" && !m.HasGenericParameters));
        CompleteTaskOfT = module.ImportReference(scope.Methods.Single(m => m.Name == "CompleteTask" && m.HasGenericParameters));
        CompleteValueTask = module.ImportReference(scope.Methods.Single(m => m.Name == "CompleteValueTask" && !m.HasGenericParameters));
        CompleteValueTaskOfT = module.ImportReference(scope.Methods.Single(m => m.Name == "CompleteValueTask" && m.HasGenericParameters));
        LeaveTask = module.ImportReference(scope.Methods.Single(m => m.Name == "LeaveTask" && !m.HasGenericParameters));
        LeaveTaskOfT = module.ImportReference(scope.Methods.Single(m => m.Name == "LeaveTask" && m.HasGenericParameters));
        LeaveValueTask = module.ImportReference(scope.Methods.Single(m => m.Name == "LeaveValueTask" && !m.HasGenericParameters));
        LeaveValueTaskOfT = module.ImportReference(scope.Methods.Single(m => m.Name == "LeaveValueTask" && m.HasGenericParameters));
        Succeeded = module.ImportReference(scope.Methods.Single(m => m.Name == "Succeeded" && !m.HasGenericParameters));
        SucceededOfT = module.ImportReference(scope.Methods.Single(m => m.Name == "Succeeded" && m.HasGenericParameters));
        Failed = Import(scope, "Failed", 1);
        TrackEnumerable = Import(scope, "TrackEnumerable", 3);
        TrackAsyncEnumerable = Import(scope, "TrackAsyncEnumerable", 3);
        CaptureArguments = Import(scope, "CaptureArguments", 1);
        var capture = weaver.FindTypeDefinition(WeavingNamespace + ".ArgumentCapture");
        ArgumentCapture = module.ImportReference(capture);
        CaptureAdd = Import(capture, "Add", 2);
    }

    public ModuleDefinition Module { get; }

    public TypeReference Descriptor { get; }

    public TypeReference Scope { get; }

    public TypeReference Exception { get; }

    public MethodReference CreateDescriptor { get; }

    public MethodReference GetMethodFromHandle { get; }

    public MethodReference AttributeConstructor { get; }

    public System.Collections.Generic.Dictionary<string, MethodReference> Setters { get; } = new();

    public MethodReference Start { get; }

    public MethodReference CapturesArguments { get; }

    public MethodReference AddArgument { get; }

    public MethodReference Filter { get; }

    public MethodReference Unwind { get; }

    public MethodReference CompleteVoid { get; }

    public MethodReference CompleteValue { get; }

    public MethodReference CompleteTask { get; }

    public MethodReference CompleteTaskOfT { get; }

    public MethodReference CompleteValueTask { get; }

    public MethodReference CompleteValueTaskOfT { get; }

    public MethodReference LeaveTask { get; }

    public MethodReference LeaveTaskOfT { get; }

    public MethodReference LeaveValueTask { get; }

    public MethodReference LeaveValueTaskOfT { get; }

    public MethodReference Succeeded { get; }

    public MethodReference SucceededOfT { get; }

    public MethodReference Failed { get; }

    public MethodReference TrackEnumerable { get; }

    public MethodReference TrackAsyncEnumerable { get; }

    public MethodReference CaptureArguments { get; }

    public TypeReference ArgumentCapture { get; }

    public MethodReference CaptureAdd { get; }

    /// <summary>A generic runtime method closed over <paramref name="argument"/>.</summary>
    public MethodReference Close(MethodReference method, TypeReference argument)
    {
        var instance = new GenericInstanceMethod(method);
        instance.GenericArguments.Add(argument);
        return instance;
    }

    private MethodReference Import(TypeDefinition type, string name, int parameters) =>
        Module.ImportReference(type.Methods.Single(m => m.Name == name && m.Parameters.Count == parameters));
}
