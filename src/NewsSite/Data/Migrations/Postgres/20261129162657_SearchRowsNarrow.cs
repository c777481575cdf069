using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsSite.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchRowsNarrow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A search reads the id of every match to find the newest ones. With each row's text and vector inline
            // (~2 KB), that read touched one page per match; out of line, a row is ~60 bytes and a page holds ~100 of
            // them. The vector is stored uncompressed, so ranking does not inflate it first. Existing rows are
            // rewritten so they move out too.
            migrationBuilder.Sql("""
                ALTER TABLE "ArticleSearch" SET (toast_tuple_target = 128);
                ALTER TABLE "ArticleSearch" ALTER COLUMN "Words" SET STORAGE EXTERNAL;
                UPDATE "ArticleSearch" SET "Words" = "Words" || ''::tsvector, "Body" = "Body" || '', "Summary" = "Summary" || '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "ArticleSearch" RESET (toast_tuple_target);
                ALTER TABLE "ArticleSearch" ALTER COLUMN "Words" SET STORAGE EXTENDED;
                """);
        }
    }
}
