namespace DocIntel.Extract.Text;

/// <summary>An extracted value with the evidence it came from: the span in the normalised text and a confidence.</summary>
public sealed record Found<T>(T Value, TextSpan Span, double Confidence, string By);
