using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResponseDrafter.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicationPackage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Html",
                table: "FinalLetters",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HtmlSha256",
                table: "FinalLetters",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HtmlWebUrl",
                table: "FinalLetters",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedPdfSha256",
                table: "Drafts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedWebSha256",
                table: "Drafts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedWebUrl",
                table: "Drafts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Html",
                table: "FinalLetters");

            migrationBuilder.DropColumn(
                name: "HtmlSha256",
                table: "FinalLetters");

            migrationBuilder.DropColumn(
                name: "HtmlWebUrl",
                table: "FinalLetters");

            migrationBuilder.DropColumn(
                name: "PublishedPdfSha256",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "PublishedWebSha256",
                table: "Drafts");

            migrationBuilder.DropColumn(
                name: "PublishedWebUrl",
                table: "Drafts");
        }
    }
}
