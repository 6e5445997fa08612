package org.stagewatch.api;

import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The web application behind {@code stagewatch serve}: the JSON API under {@code /api/v1}, its OpenAPI
 * document, the feeds, Actuator health and Prometheus metrics, the dashboard, and (with {@code --index}) the
 * follow indexer on a background thread. Everything here is configured through {@code stagewatch.serve.*}
 * properties ({@link ServeProperties}) and Spring Boot's own ({@code server.port}, {@code server.address}).
 */
@SpringBootApplication
@EnableConfigurationProperties(ServeProperties.class)
public class StagewatchServer {

    /**
     * Starts the server with these properties, which win over every other source (application.properties,
     * environment); returns once it listens.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(StagewatchServer.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.addInitializers(context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("stagewatch serve", properties)));
        return application.run();
    }
}
