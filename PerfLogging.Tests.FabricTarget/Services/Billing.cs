namespace Shop.Services.Billing;

public class InvoiceService
{
    public decimal Total(decimal net) => net * 1.2m;
}
