using PerfLogging;
using PerfLogging.Fabrics;

namespace Shop.Payments
{
    [PerformanceLoggingRule(IncludeArgs = true, Profile = "slow")]
    internal sealed class Fabric : NamespaceFabric
    {
    }

    public class PaymentService
    {
        public string Charge(string account, [NotLogged] string card) => $"charged {account}";

        internal void Settle()
        {
        }
    }

    [PerformanceProfile("normal")]
    public class LedgerService
    {
        public int Post(int amount) => amount;

        [PerformanceLogging(ThresholdCritical = 7)]
        public int Close() => 0;
    }
}

namespace Shop.Payments.Refunds
{
    public class RefundService
    {
        public int Refund(int id) => id;
    }
}

namespace Shop.Nightly.Jobs
{
    public class CleanupJob
    {
        public int RunOnce() => 1;

        internal int RunHidden() => 2;

        public int Other() => 3;
    }
}

namespace Shop.Nightly.Jobs.Deep
{
    public class DeepJob
    {
        public int RunDeep() => 4;
    }
}
