using WidgetStack.Transitions;

return await TransitionCommand.RunAsync(args, Console.Out, Console.Error);
