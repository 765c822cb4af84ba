using ResponseDrafter.Documents.Letters;
using ResponseDrafter.Documents.Rules;
using ResponseDrafter.Documents.Templates;

namespace ResponseDrafter.Documents.Assembly;

/// <summary>The assembled .docx and the completeness gaps it was marked DRAFT for (none when complete).</summary>
public sealed record AssembledLetter(byte[] Docx, IReadOnlyList<CompletenessGap> Gaps);

/// <summary>Either a letter, or the problems in the request that stopped assembly.</summary>
public sealed record AssemblyResult(AssembledLetter? Letter, IReadOnlyList<LetterProblem> Problems);

public static class LetterAssembler
{
    public static AssemblyResult Assemble(Letter letter, LetterTemplate template) => throw new NotImplementedException();
}
