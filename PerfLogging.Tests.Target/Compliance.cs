using Microsoft.Extensions.Compliance.Classification;

namespace PerfLogging.Tests.Target;

/// <summary>A Microsoft.Extensions.Compliance data classification, as an application would declare it.</summary>
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    public static readonly DataClassification Personal = new("Privacy", "Personal");

    public PersonalDataAttribute()
        : base(Personal)
    {
    }
}

public class Accounts
{
    [PerformanceLogging(IncludeArgs = true, IncludeResult = true)]
    [return: PersonalData]
    public string Register(string name, [PersonalData] string email) => $"{name} <{email}>";
}
