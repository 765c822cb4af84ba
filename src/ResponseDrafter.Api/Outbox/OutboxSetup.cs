using Microsoft.Extensions.Options;
using ResponseDrafter.Api.Telemetry;

namespace ResponseDrafter.Api.Outbox;

public static class OutboxSetup
{
    /// <summary>
    /// The outbox worker and the deadline watch (unless <c>Outbox:Enabled</c> is false), one handler per kind of
    /// entry, and their options, checked at start-up. Needs <c>AddIntegrations</c> (the capabilities and the
    /// <c>graph-outbox</c> pipeline) and the database.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddProductMetrics();
        services.AddKeyedScoped<IOutboxHandler, StoreVersionHandler>(OutboxKinds.StoreVersion);
        services.AddKeyedScoped<IOutboxHandler, NotifyHandler>(OutboxKinds.Notify);
        services.AddKeyedScoped<IOutboxHandler, FinaliseHandler>(OutboxKinds.Finalise);
        services.AddKeyedScoped<IOutboxHandler, DispatchHandler>(OutboxKinds.Dispatch);
        if (configuration.GetValue($"{OutboxOptions.Section}:{nameof(OutboxOptions.Enabled)}", defaultValue: true))
        {
            services.AddHostedService<OutboxWorker>();
            services.AddHostedService<DeadlineWatch>();
        }

        return services;
    }
}
