using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResponseDrafter.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CopyListLabel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CopyListLabel",
                table: "Profiles",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "cc:");

            migrationBuilder.AddColumn<string>(
                name: "CopyListLabel",
                table: "Drafts",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "cc:");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CopyListLabel",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "CopyListLabel",
                table: "Drafts");
        }
    }
}
