namespace Shop.Data;

public class OrderRepository
{
    public int Find(int id) => id;

    private int Cache() => 0;
}

public class CustomerCache
{
    public int Get() => 7;
}
