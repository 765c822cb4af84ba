using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace ResponseDrafter.Api.Http;

/// <summary>The form an endpoint also accepts as multipart/form-data, for an endpoint that takes JSON too.</summary>
public sealed record MultipartForm(Type FormType);

public static class OpenApiSetup
{
    private const string Bearer = "Bearer";

    /// <summary>The document at /openapi/v1.json: every endpoint, with the bearer scheme on those that need a token.</summary>
    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ResponseDrafter API";
            document.Info.Description = "Section 55 response letters: reports, drafts, OPCC profiles. " +
                "Tokens: Entra ID access tokens for scope access_as_user with app roles Drafter, Approver, Admin " +
                "(or, in Development only, the local development sign-in at /dev/sign-in).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token for the API's access_as_user scope; the roles claim decides what the caller may do.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<MultipartForm>().FirstOrDefault() is { } form
                && operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var multipart) == true)
            {
                multipart.Schema = await context.GetOrCreateSchemaAsync(form.FormType, null, cancellationToken);
            }

            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
            }
        });
    });
}
