package org.stagewatch.api;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves an API answer again without asking the store, for as long as the answer itself says it holds. An
 * answer about a final point ({@code immutable}, see {@link Freshness}) never changes: it is kept until memory
 * runs short. An answer about the head ({@code max-age=N}) is kept for at most N seconds and only while the
 * indexed state is the one it was computed on (every chain's checkpoint: block and hash), so a block indexed
 * after it — or a reorg — is answered afresh at once. Problems, uncacheable answers and requests with
 * credentials or ranges pass through untouched.
 *
 * <p>A request matches a kept answer by path, query, {@code Accept} and whether it carries an {@code Origin}
 * (the CORS headers differ), and gets its status, headers (content type, ETag, caching, CORS) and body, or a
 * 304 when its {@code If-None-Match} names the kept ETag. Requests for an answer being computed wait for that
 * computation instead of repeating it; a request saying {@code Cache-Control: no-cache} is answered afresh. Bodies take at most {@code maxBytes}, least recently used going first.
 */
class AnswerCache extends OncePerRequestFilter {
    private static final List<String> UNCACHEABLE_REQUEST = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE, HttpHeaders.RANGE);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age=([0-9]+)");

    /**
     * A kept answer. {@code state} is the indexed state it was computed on, or null when it holds whatever the state;
     * {@code pattern} is the endpoint's path pattern, for the HTTP metrics' {@code uri} tag.
     */
    private record Answer(Map<String, List<String>> headers, byte[] body, String state, long keepNanos, String pattern) {
    }

    private final Cache<String, Answer> answers;
    private final Map<String, CompletableFuture<Answer>> computing = new ConcurrentHashMap<>();
    private final Supplier<String> state;

    /** @param state the indexed state now (it must be cheap: it is asked on every cacheable request) */
    AnswerCache(long maxBytes, Supplier<String> state) {
        this.state = state;
        this.answers = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((String key, Answer answer) -> key.length() + answer.body().length + 512)
                .expireAfter(Expiry.creating((String key, Answer answer) -> Duration.ofNanos(answer.keepNanos())))
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) || UNCACHEABLE_REQUEST.stream().anyMatch(name -> request.getHeader(name) != null)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI() + '?' + (request.getQueryString() == null ? "" : request.getQueryString())
                + '|' + (request.getHeader(HttpHeaders.ACCEPT) == null ? "" : request.getHeader(HttpHeaders.ACCEPT))
                + '|' + (request.getHeader(HttpHeaders.ORIGIN) != null);
        String now = state.get();
        if (asksTheOrigin(request)) {
            compute(key, now, request, response, chain);
            return;
        }
        Answer kept = current(answers.getIfPresent(key), now);
        if (kept == null) {
            CompletableFuture<Answer> mine = new CompletableFuture<>();
            CompletableFuture<Answer> theirs = computing.putIfAbsent(key, mine);
            if (theirs != null) {
                kept = current(theirs.join(), now);
            } else {
                try {
                    kept = compute(key, now, request, response, chain);
                    mine.complete(kept);
                } catch (IOException | ServletException | RuntimeException e) {
                    mine.complete(null);
                    throw e;
                } finally {
                    computing.remove(key, mine);
                }
                return;
            }
        }
        if (kept == null) {
            chain.doFilter(request, response);
        } else {
            replay(kept, request, response);
        }
    }

    /** {@code Cache-Control: no-cache} (or {@code Pragma: no-cache}): the client wants an answer not served from a cache (RFC 9111 §5.2.1.4). */
    private static boolean asksTheOrigin(HttpServletRequest request) {
        String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
        String pragma = request.getHeader(HttpHeaders.PRAGMA);
        return cacheControl != null && (cacheControl.contains("no-cache") || cacheControl.contains("no-store"))
                || cacheControl == null && pragma != null && pragma.contains("no-cache");
    }

    /** The kept answer if it still holds in this state, else null. */
    private static Answer current(Answer answer, String now) {
        return answer == null || answer.state() != null && !answer.state().equals(now) ? null : answer;
    }

    /** Asks the application, answers the request, and keeps the answer when it says how long it holds; null when it does not. */
    private Answer compute(String key, String now, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, recorded);
        Answer answer = keepable(recorded, request, now);
        if (answer != null) {
            answers.put(key, answer);
        }
        recorded.copyBodyToResponse();
        return answer;
    }

    private static Answer keepable(ContentCachingResponseWrapper recorded, HttpServletRequest request, String now) {
        String cacheControl = recorded.getHeader(HttpHeaders.CACHE_CONTROL);
        if (recorded.getStatus() != 200 || cacheControl == null || !cacheControl.contains("public")) {
            return null;
        }
        boolean immutable = cacheControl.contains("immutable");
        Matcher maxAge = MAX_AGE.matcher(cacheControl);
        if (!immutable && (!maxAge.find() || Long.parseLong(maxAge.group(1)) == 0)) {
            return null;
        }
        Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>();
        for (String name : recorded.getHeaderNames()) {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                headers.put(name, new ArrayList<>(recorded.getHeaders(name)));
            }
        }
        if (recorded.getContentType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, List.of(recorded.getContentType()));
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return new Answer(Collections.unmodifiableMap(headers), recorded.getContentAsByteArray(), immutable ? null : now,
                immutable ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(Long.parseLong(maxAge.group(1))), pattern == null ? null : pattern.toString());
    }

    private static void replay(Answer kept, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (kept.pattern() != null) {
            ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(kept.pattern()));
        }
        boolean notModified = matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), kept.headers().get(HttpHeaders.ETAG));
        kept.headers().forEach((name, values) -> {
            if (!(notModified && name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE))) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(kept.body().length);
        response.getOutputStream().write(kept.body());
    }

    /** {@code If-None-Match} names the kept ETag (weakly compared, as RFC 9110 asks for this header) or is {@code *}. */
    private static boolean matches(String ifNoneMatch, List<String> etag) {
        if (ifNoneMatch == null || etag == null || etag.isEmpty()) {
            return false;
        }
        String opaque = etag.get(0).startsWith("W/") ? etag.get(0).substring(2) : etag.get(0);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
