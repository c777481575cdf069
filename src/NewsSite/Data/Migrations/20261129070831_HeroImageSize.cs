using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsSite.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeroImageSize : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HeroImageHeight",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HeroImageWidth",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            // Seeded demo heroes are SVGs on a 1600×900 view box; uploads from before keep no size (and no variants).
            migrationBuilder.Sql(
                "UPDATE Articles SET HeroImageWidth = 1600, HeroImageHeight = 900 WHERE HeroImagePath LIKE '/img/demo/%.svg';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeroImageHeight",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "HeroImageWidth",
                table: "Articles");
        }
    }
}
