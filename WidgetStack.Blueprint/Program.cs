using WidgetStack.Blueprint.Cli;

return BlueprintCommand.Run(args, Console.Out, Console.Error);
