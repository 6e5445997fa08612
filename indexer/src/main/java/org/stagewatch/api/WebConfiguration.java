package org.stagewatch.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin reads and validators: any origin may GET the API (a notebook, a page elsewhere) and nothing
 * else is allowed; every API answer carries an ETag (a hash of its body), so a client revalidating an answer
 * that did not change gets a 304 without the body.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**").allowedOrigins("*").allowedMethods("GET").allowedHeaders("*").allowCredentials(false)
                .maxAge(86_400);
    }

    /** Each API answer from one snapshot of the database ({@link SnapshotFilter}). */
    @Bean
    FilterRegistrationBean<SnapshotFilter> snapshots(org.stagewatch.store.Store store) {
        FilterRegistrationBean<SnapshotFilter> registration = new FilterRegistrationBean<>(new SnapshotFilter(store));
        registration.addUrlPatterns("/api/*");
        registration.setName("snapshots");
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/*");
        registration.setName("etags");
        return registration;
    }
}
