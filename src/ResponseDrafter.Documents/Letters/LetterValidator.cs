namespace ResponseDrafter.Documents.Letters;

/// <summary>Checks a letter request before assembly: required fields, characters XML cannot hold, markup, references.</summary>
public static class LetterValidator
{
    public static IReadOnlyList<LetterProblem> Validate(Letter letter) => throw new NotImplementedException();
}
