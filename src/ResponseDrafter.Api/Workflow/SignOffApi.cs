using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ResponseDrafter.Api.Audit;
using ResponseDrafter.Api.Auth;
using ResponseDrafter.Api.Data;
using ResponseDrafter.Api.Http;

namespace ResponseDrafter.Api.Workflow;

/// <summary>The OPCC's sign-off settings (approval chain, dispatch addresses, reminders, signature) and approvers' deputies.</summary>
public static class SignOffApi
{
    public static RouteGroupBuilder MapSignOff(this RouteGroupBuilder api)
    {
        var profile = api.MapGroup("/profile").RequireAuthorization(Policies.Reader).WithTags("Sign-off settings");
        profile.MapGet("/sign-off", Get).WithSummary("The approval chain, dispatch addresses, reminder and escalation settings.");
        profile.MapPut("/sign-off", Put).RequireAuthorization(Policies.Admin)
            .WithSummary("Replaces the sign-off settings (If-Match: the profile's ETag). Drafts already submitted keep their schedule.");
        profile.MapGet("/delegations", ListDelegations).WithSummary("Every delegation, current and past.");
        profile.MapPost("/delegations", Delegate)
            .WithSummary("Names a deputy for an approver for a period: approvers for themselves, administrators for anyone.");
        profile.MapDelete("/delegations/{delegationId:guid}", Revoke).WithSummary("Ends a delegation (the approver, or an administrator).");
        return api;
    }

    public static async Task<Results<Ok<SignOffSettings>, NotFound>> Get(DraftingDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        response.SetETag(profile.Version);
        return TypedResults.Ok(profile.SignOff);
    }

    public static async Task<Results<Ok<SignOffSettings>, NotFound, ValidationProblem, ProblemHttpResult>> Put(
        SignOffInput input, DraftingDb db, TimeProvider clock, CurrentPerson caller, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        if (Preconditions.Check(request, profile.Version) is { } failed)
        {
            return failed;
        }

        var errors = SignOffRules.Check(input);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        profile.SignOff = input.AsSettings();
        profile.Version++;
        profile.UpdatedAt = now;
        var chain = string.Join(" → ", profile.SignOff.Stages.Select(s => $"{s.Name} ({s.Rule.ToString().ToLowerInvariant()} of {string.Join(", ", s.Approvers.Select(a => a.Name))})"));
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.ProfileStream, caller.Person, "sign-off-settings-changed", null, null,
            $"Approval chain: {chain}. Dispatch to {profile.SignOff.HomeOfficeMailbox} and {profile.SignOff.ChiefInspectorMailbox}."), now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.PreconditionFailed();
        }

        response.SetETag(profile.Version);
        return TypedResults.Ok(profile.SignOff);
    }

    public static async Task<Ok<List<DelegationDto>>> ListDelegations(DraftingDb db, CancellationToken cancellationToken)
    {
        var delegations = await db.Delegations.AsNoTracking().OrderByDescending(d => d.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(delegations.Select(d => d.AsDto()).ToList());
    }

    public static async Task<Results<Created<DelegationDto>, NotFound, ValidationProblem, ProblemHttpResult>> Delegate(
        DelegationInput input, DraftingDb db, TimeProvider clock, CurrentPerson current, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return TypedResults.NotFound();
        }

        var errors = SignOffRules.Check(input);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var caller = current.Person;
        var approverId = string.IsNullOrWhiteSpace(input.ApproverId) ? caller.Id : input.ApproverId.Trim();
        if (approverId != caller.Id && !current.Principal.IsInRole(Roles.Admin))
        {
            return Problems.Forbidden("Only an administrator can name a deputy for someone else.");
        }

        var approver = profile.SignOff.Stages.SelectMany(s => s.Approvers).FirstOrDefault(a => a.Id == approverId);
        if (approver is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["approverId"] = ["Is not an approver in the approval chain."],
            });
        }

        var deputy = input.Deputy!.AsPerson();
        if (deputy.Id == approver.Id)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["deputy.id"] = ["Is the approver themselves."] });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var delegation = new Delegation
        {
            Id = Guid.CreateVersion7(),
            Approver = approver,
            Deputy = deputy,
            From = input.From!.Value,
            Until = input.Until!.Value,
            CreatedBy = caller,
            CreatedAt = now,
        };
        db.Delegations.Add(delegation);
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.ProfileStream, caller, "delegated", null, null,
            $"{deputy.Name} acts for {approver.Name} from {delegation.From:yyyy-MM-dd} to {delegation.Until:yyyy-MM-dd}."), now, cancellationToken);
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"/api/profile/delegations/{delegation.Id}", delegation.AsDto());
    }

    public static async Task<Results<Ok<DelegationDto>, NotFound, ProblemHttpResult>> Revoke(
        Guid delegationId, DraftingDb db, TimeProvider clock, CurrentPerson current, CancellationToken cancellationToken)
    {
        var caller = current.Person;
        var delegation = await db.Delegations.FirstOrDefaultAsync(d => d.Id == delegationId, cancellationToken);
        if (delegation is null)
        {
            return TypedResults.NotFound();
        }

        if (delegation.Approver.Id != caller.Id && !current.Principal.IsInRole(Roles.Admin))
        {
            return Problems.Forbidden("Only the approver who delegated, or an administrator, can end a delegation.");
        }

        if (delegation.RevokedAt is not null)
        {
            return WorkflowApi.Illegal("This delegation has already ended.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        delegation.RevokedAt = now;
        await AuditTrail.AppendAsync(db, new AuditRecord(AuditTrail.ProfileStream, caller, "delegation-ended", null, null,
            $"{delegation.Deputy.Name} no longer acts for {delegation.Approver.Name}."), now, cancellationToken);
        if (await SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(delegation.AsDto());
    }

    private static async Task<ProblemHttpResult?> SaveAsync(DraftingDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict("Someone else changed the settings at the same moment", "Nothing was saved; try again.");
        }
    }
}
