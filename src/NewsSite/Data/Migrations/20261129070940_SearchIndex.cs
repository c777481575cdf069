using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite only, and outside the EF model: the words of each article (normalized by the app), rowid = article id.
            // The prefix index serves "last word as a prefix" queries of two and three letters without scanning terms.
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Summary, Body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE ArticleSearch;");
        }
    }
}
