package org.stagewatch.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.stagewatch.analyze.power.ConcentrationTimelines;
import org.stagewatch.config.ConfigLoader;
import org.stagewatch.config.Presets;
import org.stagewatch.config.StagewatchConfig;
import org.stagewatch.query.Json;
import org.stagewatch.store.ReadOnlyDatabase;
import org.stagewatch.store.Store;

/**
 * The beans every request uses: the config, the store opened read-only (the API's only connection to the
 * database, so no request can write whatever the code path), and the JSON mapper of the CLI's {@code --json}
 * so a document reads the same from either.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    StagewatchConfig stagewatchConfig(ServeProperties properties) {
        return properties.config() != null ? ConfigLoader.load(properties.config()) : Presets.load(properties.preset(), System.getenv());
    }

    /** {@code --index}: the follow indexer with its own writable connection and the writer lock. */
    @Bean
    @ConditionalOnProperty(name = "stagewatch.serve.index", havingValue = "true")
    IndexingService indexingService(StagewatchConfig config, ServeProperties properties) {
        return new IndexingService(config, properties.db());
    }

    /**
     * The API's store: read-only by construction ({@link ReadOnlyDatabase}). With {@code --index} the indexer
     * is created first, since it creates and migrates a database the read-only connection cannot.
     */
    @Bean
    Store readOnlyStore(ServeProperties properties, ObjectProvider<IndexingService> indexing) {
        indexing.getIfAvailable();
        return new Store(ReadOnlyDatabase.open(properties.db()));
    }

    /** The concentration of every votes token at every block, recorded once and kept up by {@link TimelineKeeper}. */
    @Bean
    ConcentrationTimelines concentrationTimelines(Store readOnlyStore) {
        return new ConcentrationTimelines(readOnlyStore);
    }

    /** The documents' mapper ({@link Json}), which also writes RFC 9457 problem details with their properties inline. */
    @Bean
    ObjectMapper objectMapper() {
        return Json.mapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    }
}
