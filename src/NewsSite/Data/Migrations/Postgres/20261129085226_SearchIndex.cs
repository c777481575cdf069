using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsSite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL only, and outside the EF model (as SQLite's FTS5 table): each article's normalized text for
            // snippets and a tsvector of its words (title A, summary B, body C) written by the app, under a GIN index.
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearch" (
                    "ArticleId" integer PRIMARY KEY,
                    "Title" text NOT NULL,
                    "Summary" text NOT NULL,
                    "Body" text NOT NULL,
                    "Words" tsvector NOT NULL);
                CREATE INDEX "IX_ArticleSearch_Words" ON "ArticleSearch" USING GIN ("Words");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "ArticleSearch";""");
        }
    }
}
