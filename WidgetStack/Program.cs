using Pulumi;
using WidgetStack;

return await Deployment.RunAsync<WidgetStackRoot>();
