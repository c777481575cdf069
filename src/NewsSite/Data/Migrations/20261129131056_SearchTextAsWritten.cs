using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchTextAsWritten : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The table gains each article's text as written (unindexed) for snippets; FTS5 tables cannot gain columns, so it
            // is made anew, and the site fills it at startup from the articles (DatabaseStartup: an empty index is filled).
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Summary, Body, TitleText UNINDEXED, SummaryText UNINDEXED, BodyText UNINDEXED, "
                + "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Summary, Body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');");
        }
    }
}
