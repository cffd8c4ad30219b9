namespace PerfLogging.Fabrics;

/// <summary>The visibilities a fabric rule selects.</summary>
[Flags]
public enum MethodVisibility
{
    /// <summary>No method.</summary>
    None = 0,

    /// <summary>Public methods.</summary>
    Public = 1,

    /// <summary>Internal methods (including protected internal).</summary>
    Internal = 2,

    /// <summary>Protected methods (including private protected).</summary>
    Protected = 4,

    /// <summary>Private methods.</summary>
    Private = 8,

    /// <summary>Every method.</summary>
    All = Public | Internal | Protected | Private,
}
