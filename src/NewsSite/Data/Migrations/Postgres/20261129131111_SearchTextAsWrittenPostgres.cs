using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsSite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchTextAsWrittenPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The stored text becomes the text as written (for snippets) instead of the normalized one; emptied here, the
            // site fills it again at startup from the articles (DatabaseStartup: an empty index is filled).
            migrationBuilder.Sql("""DELETE FROM "ArticleSearch";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM "ArticleSearch";""");
        }
    }
}
