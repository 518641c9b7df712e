using DocIntel.Api;

ApiHost.Build(args).Run();

/// <summary>Entry point, public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
