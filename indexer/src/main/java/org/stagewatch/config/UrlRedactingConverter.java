package org.stagewatch.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %redact(…)} in logback.xml: every URL in what the inner pattern printed (message and stack trace)
 * cut after its host, so no log line — Stagewatch's or a library's — carries a URL's path, query or user info,
 * where RPC providers put API keys.
 */
public final class UrlRedactingConverter extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return RpcUrls.redactAll(in);
    }
}
