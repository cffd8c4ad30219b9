namespace PerfLogging;

/// <summary>
/// The named arguments shared by every performance aspect. An argument that is set overrides; one left out
/// inherits, with this precedence, highest first: method attribute, type attribute, namespace fabric, project
/// fabric, <c>Operations</c> entry in configuration, profile, configuration defaults.
/// </summary>
public abstract class PerformanceAspectAttribute : Attribute
{
    private string? _operationName;
    private string? _profile;
    private double _thresholdWarning;
    private double _thresholdCritical;
    private bool _includeArgs;
    private bool _includeResult;
    private bool _includeMemory;
    private bool _includeCpu;
    private bool _includeClassName = true;
    private string? _loggerName;
    private PerformanceErrorMode _onError;

    /// <summary>Gets or sets the operation name.</summary>
    /// <value>The default value is <c>Type.Method</c>, or <c>Method</c> when <see cref="IncludeClassName"/> is false.</value>
    public string? OperationName { get => _operationName; set => Set(ref _operationName, value, AspectSetting.OperationName); }

    /// <summary>Gets or sets the named threshold profile (built-in fast, normal, slow, or one from configuration).</summary>
    /// <value>The default value is none: the configuration defaults apply.</value>
    public string? Profile { get => _profile; set => Set(ref _profile, value, AspectSetting.Profile); }

    /// <summary>Gets or sets the warning threshold in seconds.</summary>
    /// <value>The default value is inherited (1.0 s from the configuration defaults).</value>
    public double ThresholdWarning { get => _thresholdWarning; set => Set(ref _thresholdWarning, value, AspectSetting.ThresholdWarning); }

    /// <summary>Gets or sets the critical threshold in seconds.</summary>
    /// <value>The default value is inherited (5.0 s from the configuration defaults).</value>
    public double ThresholdCritical { get => _thresholdCritical; set => Set(ref _thresholdCritical, value, AspectSetting.ThresholdCritical); }

    /// <summary>Gets or sets a value indicating whether arguments are summarised in the log record.</summary>
    /// <value>The default value is inherited (<c>Metrics:IncludeFunctionArgs</c>, false).</value>
    public bool IncludeArgs { get => _includeArgs; set => Set(ref _includeArgs, value, AspectSetting.IncludeArgs); }

    /// <summary>Gets or sets a value indicating whether the result is summarised in the log record.</summary>
    /// <value>The default value is inherited (<c>Metrics:IncludeFunctionResult</c>, false).</value>
    public bool IncludeResult { get => _includeResult; set => Set(ref _includeResult, value, AspectSetting.IncludeResult); }

    /// <summary>Gets or sets a value indicating whether managed memory is measured.</summary>
    /// <value>The default value is inherited (<c>Metrics:IncludeMemoryUsage</c>, false).</value>
    public bool IncludeMemory { get => _includeMemory; set => Set(ref _includeMemory, value, AspectSetting.IncludeMemory); }

    /// <summary>Gets or sets a value indicating whether process CPU usage is measured.</summary>
    /// <value>The default value is inherited (<c>Metrics:IncludeCpuUsage</c>, false).</value>
    public bool IncludeCpu { get => _includeCpu; set => Set(ref _includeCpu, value, AspectSetting.IncludeCpu); }

    /// <summary>Gets or sets a value indicating whether the default operation name starts with the class name.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IncludeClassName { get => _includeClassName; set => Set(ref _includeClassName, value, AspectSetting.IncludeClassName); }

    /// <summary>Gets or sets the logger category.</summary>
    /// <value>The default value is the declaring type's full name (the <c>ILogger&lt;T&gt;</c> convention).</value>
    public string? LoggerName { get => _loggerName; set => Set(ref _loggerName, value, AspectSetting.LoggerName); }

    /// <summary>Gets or sets what happens when the method throws.</summary>
    /// <value>The default value is <see cref="PerformanceErrorMode.LogAndRaise"/>.</value>
    public PerformanceErrorMode OnError { get => _onError; set => Set(ref _onError, value, AspectSetting.OnError); }

    /// <summary>The named arguments that were set explicitly.</summary>
    internal AspectSetting ExplicitSettings { get; private set; }

    /// <summary>Whether <paramref name="setting"/> was set explicitly.</summary>
    internal bool IsSet(AspectSetting setting) => (ExplicitSettings & setting) != 0;

    private void Set<T>(ref T field, T value, AspectSetting setting)
    {
        field = value;
        ExplicitSettings |= setting;
    }
}

/// <summary>The named arguments of <see cref="PerformanceAspectAttribute"/>, as flags.</summary>
[Flags]
internal enum AspectSetting
{
    None = 0,
    OperationName = 1 << 0,
    Profile = 1 << 1,
    ThresholdWarning = 1 << 2,
    ThresholdCritical = 1 << 3,
    IncludeArgs = 1 << 4,
    IncludeResult = 1 << 5,
    IncludeMemory = 1 << 6,
    IncludeCpu = 1 << 7,
    IncludeClassName = 1 << 8,
    LoggerName = 1 << 9,
    OnError = 1 << 10,
}
