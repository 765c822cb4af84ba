using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResponseDrafter.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DraftDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EditedByApprover",
                table: "DraftVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signature",
                table: "DraftVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DraftDocuments",
                columns: table => new
                {
                    DraftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Docx = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rendered = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftDocuments", x => x.DraftId);
                    table.ForeignKey(
                        name: "FK_DraftDocuments_Drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "Drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DraftDocuments");

            migrationBuilder.DropColumn(
                name: "EditedByApprover",
                table: "DraftVersions");

            migrationBuilder.DropColumn(
                name: "Signature",
                table: "DraftVersions");
        }
    }
}
