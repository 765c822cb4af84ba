using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Drafts;
using ResponseDrafter.Api.Health;
using ResponseDrafter.Api.Http;
using ResponseDrafter.Api.Imports;
using ResponseDrafter.Api.Integrations;
using ResponseDrafter.Api.Integrations.Local;
using ResponseDrafter.Api.Outbox;
using ResponseDrafter.Api.Profiles;
using ResponseDrafter.Api.Reports;
using ResponseDrafter.Api.Sample;
using ResponseDrafter.Api.TaskPane;
using ResponseDrafter.Api.Telemetry;
using ResponseDrafter.Api.Workflow;

var builder = WebApplication.CreateBuilder(args);

// In every environment, not only Development: a registration that cannot be built stops start-up instead of the first request.
builder.Host.UseDefaultServiceProvider(o => (o.ValidateOnBuild, o.ValidateScopes) = (true, true));

builder.AddPublicOrigin();
builder.AddRequestLimits();
builder.AddSignIn();
builder.AddTelemetry();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMemoryCache();
builder.Services.AddApiJson();
builder.Services.AddApiProblems();
builder.Services.AddRateLimits();
builder.Services.AddDraftingAuthorization();
builder.Services.AddDraftingDatabase(builder.Configuration);
builder.Services.AddIntegrations(builder.Configuration);
builder.Services.AddOutbox(builder.Configuration);
builder.Services.AddSampleData();
builder.Services.AddOfficeJs();
builder.Services.AddSecurityHeaders();
builder.Services.AddHealth();
builder.Services.AddApiOpenApi();

var app = builder.Build();

app.UseProxyHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSignInModeLabel();
app.UseDefaultFiles();
app.UseOfficeJs();
app.UseStaticFiles();
app.UseRouting();
app.UseRequestLimits();
app.UseApiJson();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapHealth();
app.MapLocalSignIn();
app.MapLocalFiles(app.Configuration);

var api = app.MapGroup("/api").RequireAuthorization();
api.MapMe();
api.MapReports();
api.MapDrafts();
api.MapProfile();
api.MapImports();
api.MapWorkflow();
api.MapSignOff();
api.MapAudit();
api.MapNotifications();

app.Run();

public partial class Program;
