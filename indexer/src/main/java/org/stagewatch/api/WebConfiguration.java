package org.stagewatch.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.stagewatch.store.Store;

/**
 * Cross-origin reads and validators: any origin may GET the API (a notebook, a page elsewhere) and nothing
 * else is allowed; every API answer carries an ETag (a hash of its body), so a client revalidating an answer
 * that did not change gets a 304 without the body; an answer is served again from memory for as long as it
 * says it holds ({@link AnswerCache}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**").allowedOrigins("*").allowedMethods("GET").allowedHeaders("*").allowCredentials(false)
                .maxAge(86_400);
    }

    /** Outside the ETag filter, so a kept answer carries its ETag and a revalidation of it is answered here. */
    @Bean
    FilterRegistrationBean<AnswerCache> answerCache(ServeProperties properties, Store store) {
        FilterRegistrationBean<AnswerCache> registration = new FilterRegistrationBean<>(
                new AnswerCache(properties.answerCache().toBytes(), new IndexedState(store)));
        registration.addUrlPatterns("/api/*");
        registration.setName("answerCache");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** Each API answer computed from one snapshot of the database ({@link SnapshotFilter}); inside the answer cache, so a kept answer opens no transaction. */
    @Bean
    FilterRegistrationBean<SnapshotFilter> snapshots(Store store) {
        FilterRegistrationBean<SnapshotFilter> registration = new FilterRegistrationBean<>(new SnapshotFilter(store));
        registration.addUrlPatterns("/api/*");
        registration.setName("snapshots");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
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
