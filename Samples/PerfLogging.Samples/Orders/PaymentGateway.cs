namespace PerfLogging.Samples.Orders;

/// <summary>Arguments and results, a redacted secret, and each OnError mode.</summary>
[PerformanceContext("component", "payments")]
public class PaymentGateway
{
    [PerformanceLogging("payment_charge", IncludeArgs = true, IncludeResult = true, IncludeCpu = true)]
    public async Task<string> ChargeAsync(string customer, decimal amount, [NotLogged] string cardNumber)
    {
        await Task.Delay(15);
        if (amount > 1000)
        {
            throw new InvalidOperationException($"Amount {amount} needs manual approval.");
        }

        return $"auth_{customer}_{amount:0}";
    }

    [PerformanceLogging(OnError = PerformanceErrorMode.LogAndContinue)]
    public string? LookupLoyalty(string customer) =>
        customer == "guest" ? throw new KeyNotFoundException($"No loyalty account for '{customer}'.") : "gold";

    [PerformanceLogging(OnError = PerformanceErrorMode.Silent)]
    public int PingFraudService() => throw new TimeoutException("Fraud service did not answer.");
}
