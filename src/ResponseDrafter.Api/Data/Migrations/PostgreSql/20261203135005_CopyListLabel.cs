using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResponseDrafter.Api.Data.Migrations.PostgreSql
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
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "cc:");

            migrationBuilder.AddColumn<string>(
                name: "CopyListLabel",
                table: "Drafts",
                type: "character varying(40)",
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
