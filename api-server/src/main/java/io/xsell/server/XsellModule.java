package io.xsell.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.xsell.core.port.in.CrossSellReportUseCase;
import io.xsell.core.port.in.ImportTenantDataUseCase;
import io.xsell.core.port.in.MovementSeriesUseCase;
import io.xsell.core.port.in.PenetrationUseCase;
import io.xsell.core.port.in.PrepareMetricsUseCase;
import io.xsell.core.port.out.LoadTenantDataPort;
import io.xsell.core.port.out.SaveTenantDataPort;
import io.xsell.core.port.out.PreparedTenantSnapshots;
import io.xsell.core.service.MetricsService;
import io.xsell.core.service.TenantDataImportService;
import io.xsell.ingestion.csv.CanonicalCsvImporter;
import io.xsell.server.api.JsonMapper;
import io.xsell.server.auth.ApiKeyAuthenticator;
import io.xsell.server.auth.ProblemUnauthorizedHandler;
import io.xsell.server.auth.SessionOrBearerAuthFilter;
import io.xsell.server.auth.SignInThrottle;
import io.xsell.server.auth.WebSessionStore;
import io.xsell.server.auth.WebSessions;
import io.xsell.server.auth.TenantPrincipal;
import io.xsell.server.cache.CaffeinePreparedTenantCache;
import io.xsell.server.cache.PreparedTenantsConfig;
import io.xsell.server.cache.ResponseCache;
import io.xsell.server.dataimport.BackgroundPreparation;
import io.xsell.server.dataimport.ImportHistory;
import io.xsell.server.persistence.Databases;
import io.xsell.server.persistence.JdbiTenantDataStore;
import io.xsell.server.persistence.snapshot.JdbiTenantSnapshots;
import io.xsell.server.persistence.snapshot.SnapshotWarmUp;
import io.xsell.server.persistence.JdbiTenantRegistry;
import io.xsell.server.persistence.JdbiWebSessionStore;
import io.xsell.server.tenant.TenantRegistry;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import ru.vyarus.dropwizard.guice.module.support.DropwizardAwareModule;

/** Binds each port of the domain to its adapter, and the API's cross-cutting pieces. */
public class XsellModule extends DropwizardAwareModule<XsellConfiguration> {

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(TenantRegistry.class).to(JdbiTenantRegistry.class);
        bind(LoadTenantDataPort.class).to(JdbiTenantDataStore.class);
        bind(SaveTenantDataPort.class).to(JdbiTenantDataStore.class);
        bind(ImportHistory.class).to(JdbiTenantDataStore.class);
        bind(WebSessionStore.class).to(JdbiWebSessionStore.class);
        bind(CrossSellReportUseCase.class).to(MetricsService.class);
        bind(MovementSeriesUseCase.class).to(MetricsService.class);
        bind(PenetrationUseCase.class).to(MetricsService.class);
        bind(PrepareMetricsUseCase.class).to(MetricsService.class);
        bind(ImportTenantDataUseCase.class).to(TenantDataImportService.class);
        bind(CanonicalCsvImporter.class).toInstance(new CanonicalCsvImporter());
        // guicey binds no ObjectMapper: without this, an injected one is Guice's just-in-time
        // new ObjectMapper(), without the server's read bounds
        bind(ObjectMapper.class).toInstance(JsonMapper.configure(environment().getObjectMapper()));
        registerAuthentication();
    }

    private void registerAuthentication() {
        CachingAuthenticator<String, TenantPrincipal> authenticator = new CachingAuthenticator<>(
                environment().metrics(), new ApiKeyAuthenticator(getProvider(TenantRegistry.class)),
                Caffeine.newBuilder().maximumSize(10_000)
                        .expireAfterWrite(configuration().getAuthCacheTtl().toJavaDuration()),
                false);
        environment().jersey().register(new AuthDynamicFeature(new SessionOrBearerAuthFilter(
                new OAuthCredentialAuthFilter.Builder<TenantPrincipal>()
                        .setAuthenticator(authenticator)
                        .setPrefix("Bearer")
                        .setRealm("xsell")
                        .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                        .buildAuthFilter(),
                getProvider(WebSessions.class))));
        environment().jersey().register(new AuthValueFactoryProvider.Binder<>(TenantPrincipal.class));
    }

    /** Migrates the schema before anything reads it, then hands out the one Jdbi of the process. */
    @Provides
    @Singleton
    Jdbi jdbi() {
        return Databases.jdbi(environment(), configuration().getDatabase());
    }

    @Provides
    @Singleton
    JdbiTenantRegistry tenantRegistry(Jdbi jdbi) {
        return new JdbiTenantRegistry(jdbi);
    }

    @Provides
    @Singleton
    JdbiWebSessionStore webSessionStore(Jdbi jdbi) {
        return new JdbiWebSessionStore(jdbi);
    }

    @Provides
    @Singleton
    WebSessions webSessions(WebSessionStore store, TenantRegistry tenants, Clock clock) {
        return new WebSessions(store, tenants, clock);
    }

    @Provides
    @Singleton
    SignInThrottle signInThrottle(Clock clock) {
        return new SignInThrottle(clock);
    }

    @Provides
    @Singleton
    JdbiTenantDataStore tenantDataStore(Jdbi jdbi, JdbiTenantSnapshots snapshots) {
        return configuration().getPreparedTenants().isSnapshots()
                ? new JdbiTenantDataStore(jdbi, snapshots) : new JdbiTenantDataStore(jdbi);
    }

    /**
     * A {@code Managed} extension (found by Guicey's classpath scan), so registered after the
     * database pool it writes to and stopped, and so flushed, before it.
     */
    @Provides
    @Singleton
    JdbiTenantSnapshots tenantSnapshots(Jdbi jdbi, Clock clock) {
        return new JdbiTenantSnapshots(jdbi, configuration().getPreparedTenants().getSnapshotDelay().toJavaDuration(),
                clock);
    }

    /**
     * A {@code Managed} extension (found by Guicey's classpath scan): when the server starts,
     * compiles the restore's and the report's code, then restores the most recently saved tenants
     * within the prepared tenants' budget.
     */
    @Provides
    @Singleton
    SnapshotWarmUp snapshotWarmUp(JdbiTenantSnapshots snapshots, PrepareMetricsUseCase metrics, Clock clock) {
        PreparedTenantsConfig config = configuration().getPreparedTenants();
        boolean restore = config.isSnapshots() && config.isRestoreAtStart();
        return new SnapshotWarmUp(snapshots, metrics,
                restore ? config.budgetBytes(Runtime.getRuntime().maxMemory()) : 0, clock);
    }

    @Provides
    @Singleton
    MetricsService metricsService(LoadTenantDataPort data, JdbiTenantSnapshots snapshots) {
        PreparedTenantsConfig config = configuration().getPreparedTenants();
        return new MetricsService(data,
                new CaffeinePreparedTenantCache<>(config.budgetBytes(Runtime.getRuntime().maxMemory())),
                config.getConcurrentColdPreparations(),
                config.isSnapshots() ? snapshots : PreparedTenantSnapshots.none());
    }

    @Provides
    @Singleton
    TenantDataImportService importService(SaveTenantDataPort store, Clock clock) {
        return new TenantDataImportService(store, clock);
    }

    /** One thread: pricing is memory-heavy, and imports of one tenant supersede each other anyway. */
    @Provides
    @Singleton
    BackgroundPreparation backgroundPreparation(PrepareMetricsUseCase metrics) {
        return new BackgroundPreparation(metrics,
                environment().lifecycle().executorService("metrics-preparation-%d").minThreads(1).maxThreads(1).build());
    }

    @Provides
    @Singleton
    ResponseCache responseCache(TenantRegistry registry) {
        return new ResponseCache(registry, environment().getObjectMapper(), configuration().getResponseCacheSize().toBytes(),
                configuration().getDataVersionTtl().toJavaDuration());
    }
}
