namespace ResponseDrafter.Documents.Letters;

/// <summary>
/// Something wrong with a letter request, named by its JSON path ("responses[2].commentary")
/// so that the CLI, the API and the task pane can point at the field.
/// </summary>
public sealed record LetterProblem(string Field, string Message);
