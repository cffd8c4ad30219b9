using PerfLogging.Tool;

return Cli.Run(args, Console.Out, Console.Error);
