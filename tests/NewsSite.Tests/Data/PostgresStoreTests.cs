using Npgsql;
using NewsSite.Data;

namespace NewsSite.Tests.Data;

public sealed class PostgresStoreTests
{
    [Fact]
    public void Statements_are_prepared_automatically_unless_the_operator_says_otherwise()
    {
        var plain = new NpgsqlConnectionStringBuilder(PostgresStore.WithAutoPrepare("Host=db;Database=news;Maximum Pool Size=8"));
        var chosen = new NpgsqlConnectionStringBuilder(PostgresStore.WithAutoPrepare("Host=db;Database=news;Max Auto Prepare=0"));
        var chosenOtherSpelling = new NpgsqlConnectionStringBuilder(PostgresStore.WithAutoPrepare("Host=db;maxautoprepare=7"));

        Assert.Equal(100, plain.MaxAutoPrepare);
        Assert.Equal((8, "news"), (plain.MaxPoolSize, plain.Database));
        Assert.Equal(0, chosen.MaxAutoPrepare);
        Assert.Equal(7, chosenOtherSpelling.MaxAutoPrepare);
    }
}
