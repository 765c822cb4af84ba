using System.Net.Mail;
using ResponseDrafter.Api.Http;

namespace ResponseDrafter.Api.Workflow;

/// <summary>Checks sign-off settings, delegations and publication records before anything is saved.</summary>
public static class SignOffRules
{
    private const int MaxSignatureBytes = 1024 * 1024;

    public static InputErrors Check(SignOffInput input)
    {
        var errors = new InputErrors();
        var stages = input.Stages ?? [];
        if (stages.Count == 0)
        {
            errors.Add("stages", "Needs at least one approval stage (the commissioner's).");
        }

        for (var i = 0; i < stages.Count; i++)
        {
            var field = InputErrors.Index("stages", i);
            var stage = stages[i];
            if (stage is null)
            {
                errors.Add(field, "Is required.");
                continue;
            }

            errors.Required($"{field}.name", stage.Name, 200);
            var approvers = stage.Approvers ?? [];
            if (approvers.Count == 0)
            {
                errors.Add($"{field}.approvers", "Needs at least one approver.");
            }

            for (var j = 0; j < approvers.Count; j++)
            {
                Person(errors, $"{field}.{InputErrors.Index("approvers", j)}", approvers[j]);
            }

            if (approvers.Where(a => a?.Id is not null).GroupBy(a => a!.Id!.Trim(), StringComparer.Ordinal).Any(g => g.Count() > 1))
            {
                errors.Add($"{field}.approvers", "Lists the same person twice.");
            }

            if (stage.DueDaysBeforeDeadline is < 0 or > 55)
            {
                errors.Add($"{field}.dueDaysBeforeDeadline", "Must be between 0 and 55 days before the statutory deadline.");
            }
        }

        Email(errors, "homeOfficeMailbox", input.HomeOfficeMailbox, required: true);
        Email(errors, "chiefInspectorMailbox", input.ChiefInspectorMailbox, required: true);
        var cc = input.CcEmails ?? [];
        for (var i = 0; i < cc.Count; i++)
        {
            Email(errors, InputErrors.Index("ccEmails", i), cc[i], required: true);
        }

        if (input.ReminderDaysBefore is < 0 or > 55)
        {
            errors.Add("reminderDaysBefore", "Must be between 0 and 55 days.");
        }

        if (input.RestartStageAfterApproverEdit is { } restart && (restart < 0 || restart >= Math.Max(stages.Count, 1)))
        {
            errors.Add("restartStageAfterApproverEdit", $"Must be the number of a stage, counted from 0 (0 to {Math.Max(stages.Count - 1, 0)}).");
        }

        if (input.EscalateTo is { } escalateTo)
        {
            Person(errors, "escalateTo", escalateTo);
        }

        if (input.Signature is { } signature)
        {
            if (signature.ContentType?.ToLowerInvariant() is not ("image/png" or "image/jpeg"))
            {
                errors.Add("signature.contentType", "Must be image/png or image/jpeg.");
            }

            if (signature.Data is not { Length: > 0 and <= MaxSignatureBytes })
            {
                errors.Add("signature.data", "Must be a base64 image of at most 1 MiB.");
            }

            // The signature goes into every signed letter as a picture; a screen reader reads this in its place.
            if (string.IsNullOrWhiteSpace(signature.AltText))
            {
                errors.Add("signature.altText", "Is required: the words a screen reader reads in place of the signature, e.g. \"Signature of Alex Mercer\".");
            }
            else
            {
                errors.Text("signature.altText", signature.AltText, 300);
            }
        }

        return errors;
    }

    public static InputErrors Check(DelegationInput input)
    {
        var errors = new InputErrors();
        if (input.Deputy is null)
        {
            errors.Add("deputy", "Is required: who acts for the approver.");
        }
        else
        {
            Person(errors, "deputy", input.Deputy);
        }

        if (input.From is null)
        {
            errors.Add("from", "Is required: the first day the deputy may act.");
        }

        if (input.Until is null)
        {
            errors.Add("until", "Is required: the last day the deputy may act.");
        }
        else if (input.From is { } from && input.Until < from)
        {
            errors.Add("until", "Is before the first day.");
        }
        else if (input.From is { } start && input.Until.Value.DayNumber - start.DayNumber > 366)
        {
            errors.Add("until", "Is more than a year after the first day.");
        }

        return errors;
    }

    public static InputErrors Check(PublicationInput input)
    {
        var errors = new InputErrors();
        Url(errors, "letterUrl", input.LetterUrl);
        Url(errors, "webUrl", input.WebUrl);
        if (!errors.Any && string.Equals(input.LetterUrl!.Trim(), input.WebUrl!.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("webUrl", "Is the PDF's address: give the address of the web page.");
        }
        if (!string.IsNullOrWhiteSpace(input.ChiefConstableCommentsUrl))
        {
            Url(errors, "chiefConstableCommentsUrl", input.ChiefConstableCommentsUrl);
        }
        return errors;
    }

    private static void Person(InputErrors errors, string field, PersonInput? person)
    {
        if (person is null)
        {
            errors.Add(field, "Is required.");
            return;
        }

        errors.Required($"{field}.id", person.Id, 200);
        errors.Required($"{field}.name", person.Name, 200);
        Email(errors, $"{field}.email", person.Email, required: true);
    }

    private static void Email(InputErrors errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "Is required: an email address.");
            }

            return;
        }

        if (value.Length > 320 || !MailAddress.TryCreate(value.Trim(), out var address) || address.Address != value.Trim())
        {
            errors.Add(field, "Is not an email address.");
        }
    }

    private static void Url(InputErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Is required: the public https address where it is published.");
        }
        else if (value.Length > 2000 || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add(field, "Must be a public https:// address.");
        }
    }
}
