using Npgsql;
using NewsSite.Data;

namespace NewsSite.Tests.Data;

public sealed class PostgresStoreTests
{
    [Fact]
    public void Statements_are_prepared_and_pooled_connections_not_reset_unless_the_operator_says_otherwise()
    {
        var plain = new NpgsqlConnectionStringBuilder(PostgresStore.WithDefaults("Host=db;Database=news;Maximum Pool Size=8"));
        var chosen = new NpgsqlConnectionStringBuilder(PostgresStore.WithDefaults("Host=db;Database=news;Max Auto Prepare=0;No Reset On Close=false"));
        var chosenOtherSpelling = new NpgsqlConnectionStringBuilder(PostgresStore.WithDefaults("Host=db;maxautoprepare=7;noresetonclose=false"));

        Assert.Equal((100, true), (plain.MaxAutoPrepare, plain.NoResetOnClose));
        Assert.Equal((8, "news"), (plain.MaxPoolSize, plain.Database));
        Assert.Equal((0, false), (chosen.MaxAutoPrepare, chosen.NoResetOnClose));
        Assert.Equal((7, false), (chosenOtherSpelling.MaxAutoPrepare, chosenOtherSpelling.NoResetOnClose));
    }
}
