using System.CommandLine;
using System.Text;
using DocIntel.Cli;
using DocIntel.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
var services = new AppServices();
var root = new RootCommand("docintel: read Vietnamese administrative documents at archive scale — ingest, extract, search, who cites what")
{
    IngestCommand.Create(services),
    ExtractCommand.Create(services),
    SearchCommand.Create(services),
    CitesCommand.Create(services),
    GraphCommand.Create(services),
    RelatedCommand.Create(services),
    StatsCommand.Create(services),
    ShowCommand.Create(services),
    GenerateCommand.Create(services),
    BenchQueriesCommand.Create(services),
    StoreDumpCommand.Create(),
    EvalCommand.Create(services),
    NormalizeCommand.Create(),
    BenchCommand.Create(services),
    EsCommand.Create(),
    ServeCommand.Create(services),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
