namespace ResponseDrafter.Api.Http;

/// <summary>
/// Marks a request body that replaces a whole record (a PUT): every property without a default must be sent, null or []
/// where there is none, so that a property a client leaves out, or misspells, never clears what was saved.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReplacedWholeAttribute : Attribute;
