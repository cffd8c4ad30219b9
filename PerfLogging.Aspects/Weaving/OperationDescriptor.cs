using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Compliance.Classification;
using System.Runtime.CompilerServices;
using PerfLogging.Runtime;

namespace PerfLogging.Weaving;

/// <summary>
/// Everything about one aspected method that does not change from call to call: its operation name, logger
/// category, the aspect's explicit settings, context fields and parameters. Woven code builds one per method,
/// once, and passes it to <see cref="OperationScope.Start(OperationDescriptor, out OperationScope)"/> on every call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class OperationDescriptor
{
    private ResolvedOperation? _resolved;

    private OperationDescriptor(PerformanceAspectAttribute aspect, string typeName, string typeFullName, string methodName, string moduleName)
    {
        Aspect = aspect;
        ClassName = typeName;
        MethodName = methodName;
        ModuleName = moduleName;
        ExplicitName = aspect.IsSet(AspectSetting.OperationName) && !string.IsNullOrWhiteSpace(aspect.OperationName)
            ? aspect.OperationName
            : null;
        LoggerCategory = aspect.IsSet(AspectSetting.LoggerName) && !string.IsNullOrWhiteSpace(aspect.LoggerName)
            ? aspect.LoggerName!
            : typeFullName;
    }

    /// <summary>Gets the aspect settings as the weaver merged them (method over type over fabrics).</summary>
    public PerformanceAspectAttribute Aspect { get; }

    /// <summary>Gets the declaring type's name without namespace or generic arity.</summary>
    public string ClassName { get; }

    /// <summary>Gets the method name (<c>.ctor</c> for constructors).</summary>
    public string MethodName { get; }

    /// <summary>Gets the name of the module that declares the method.</summary>
    public string ModuleName { get; }

    /// <summary>Gets the logger category.</summary>
    public string LoggerCategory { get; }

    internal string? ExplicitName { get; }

    internal string[] ParameterNames { get; private init; } = [];

    internal bool[] ParameterRedacted { get; private init; } = [];

    internal bool ResultRedacted { get; private init; }

    /// <summary>The data classification of each parameter (Microsoft.Extensions.Compliance), or null when it has none.</summary>
    internal DataClassificationSet?[] ParameterClassifications { get; private init; } = [];

    internal DataClassificationSet? ResultClassification { get; private init; }

    internal KeyValuePair<string, object?>[] ContextFields { get; private init; } = [];

    /// <summary>
    /// True when a call starts and ends on one thread (the method returns neither a Task nor a ValueTask), so it can
    /// be the ambient operation without an <see cref="AsyncLocal{T}"/> write; false for manual operations.
    /// </summary>
    internal bool RunsOnOneThread { get; private init; }

    /// <summary>Gets the operation name under the current configuration.</summary>
    public string OperationName => Current.Name;

    /// <summary>The settings under the current runtime state: a field read and a compare on the hot path.</summary>
    internal ResolvedOperation Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var resolved = _resolved;
            return resolved is not null && ReferenceEquals(resolved.State, PerformanceRuntime.State) ? resolved : Resolve();
        }
    }

    /// <summary>Builds the descriptor of a woven method.</summary>
    /// <param name="aspect">The merged aspect settings; only explicitly set arguments override.</param>
    /// <param name="method">The method as callers see it: parameters, <see cref="NotLoggedAttribute"/> and <see cref="PerformanceContextAttribute"/> are read from it.</param>
    /// <returns>The descriptor.</returns>
    public static OperationDescriptor Create(PerformanceAspectAttribute aspect, MethodBase method)
    {
        ArgumentNullException.ThrowIfNull(aspect);
        ArgumentNullException.ThrowIfNull(method);
        var type = method.DeclaringType;
        var parameters = method.GetParameters();
        var returnParameter = (method as MethodInfo)?.ReturnParameter;
        var context = new List<KeyValuePair<string, object?>>();
        AddContext(context, type?.GetCustomAttributes<PerformanceContextAttribute>(inherit: false));
        AddContext(context, method.GetCustomAttributes<PerformanceContextAttribute>(inherit: false));
        return new OperationDescriptor(
            aspect,
            TypeNames.Display(type),
            TypeNames.FullDisplay(type),
            method.IsConstructor ? type is null ? ".ctor" : OperationNames.StripArity(type.Name) : MemberName(method),
            ModuleFileName(method.Module))
        {
            ParameterNames = parameters.Select(p => p.Name ?? $"arg{p.Position}").ToArray(),
            ParameterRedacted = parameters.Select(p => p.IsDefined(typeof(NotLoggedAttribute), inherit: false)).ToArray(),
            ResultRedacted = returnParameter?.IsDefined(typeof(NotLoggedAttribute), inherit: false) ?? false,
            ParameterClassifications = parameters.Select(Classification).ToArray(),
            ResultClassification = returnParameter is null ? null : Classification(returnParameter),
            ContextFields = [.. context],
            RunsOnOneThread = !IsTaskLike((method as MethodInfo)?.ReturnType),
        };
    }

    /// <summary>
    /// The file name of the method's module as a JIT process reports it (<c>Orders.dll</c>). Read from the assembly
    /// name, not <see cref="Module.Name"/>, which is <c>&lt;Unknown&gt;</c> in single-file and Native AOT apps.
    /// </summary>
    internal static string ModuleFileName(Module module) =>
        module.Assembly.GetName().Name is { Length: > 0 } name ? name + ".dll" : module.ScopeName;

    private static string MemberName(MethodBase method) =>
        OperationNames.MethodName(
            OperationNames.MemberName(method.Name),
            method.IsGenericMethod ? Array.ConvertAll(((MethodInfo)method).GetGenericMethodDefinition().GetGenericArguments(), a => a.Name) : []);

    /// <summary>Builds the descriptor of a manual operation (<see cref="PerformanceTracker"/>).</summary>
    internal static OperationDescriptor CreateManual(string operationName, PerformanceAspectAttribute aspect, string category) =>
        new(aspect, string.Empty, category, operationName, string.Empty);

    /// <summary>Recomputes the settings after the runtime state changed (configure or reload).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ResolvedOperation Resolve()
    {
        if (TrackingSuppression.IsActive)
        {
            // Reached from PerfLogging's own call into a provider (a CreateLogger that calls woven code): the call runs
            // untracked, so it needs no logger, and asking the factory for one here would recurse.
            return new ResolvedOperation(this, PerformanceRuntime.State, createLogger: false);
        }

        var resolved = new ResolvedOperation(this, PerformanceRuntime.State);
        _resolved = resolved;
        return resolved;
    }

    private static bool IsTaskLike(Type? type) =>
        type is not null && (type == typeof(Task) || type == typeof(ValueTask) ||
            (type.IsGenericType && type.GetGenericTypeDefinition() is var definition && (definition == typeof(Task<>) || definition == typeof(ValueTask<>))));

    private static DataClassificationSet? Classification(ParameterInfo parameter)
    {
        var classifications = parameter.GetCustomAttributes<DataClassificationAttribute>(inherit: false).Select(a => a.Classification).ToArray();
        return classifications.Length == 0 ? null : new DataClassificationSet(classifications);
    }

    private static void AddContext(List<KeyValuePair<string, object?>> context, IEnumerable<PerformanceContextAttribute>? attributes)
    {
        foreach (var attribute in attributes ?? [])
        {
            context.RemoveAll(field => field.Key == attribute.Name);
            context.Add(new(attribute.Name, attribute.Value));
        }
    }
}
