package org.stagewatch.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RPC URLs as they may be shown to people: cut after the host, because paths and user info often hold API keys. */
public final class RpcUrls {
    private RpcUrls() {
    }

    /** Anything that starts like a URL, up to the next white space or quote. */
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s\"'<>]+");

    /** {@code text} with every URL in it cut after its host, as {@link #redact} cuts one (for log lines). */
    public static String redactAll(String text) {
        return text.indexOf("://") < 0 ? text
                : URL.matcher(text).replaceAll(match -> Matcher.quoteReplacement(redact(match.group())));
    }

    /** {@code https://arb-mainnet.g.alchemy.com/v2/KEY} → {@code https://arb-mainnet.g.alchemy.com/…}. */
    public static String redact(String url) {
        int authorityStart = url.indexOf("://");
        int from = authorityStart < 0 ? 0 : authorityStart + 3;
        int end = from;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(from, end);
        int userInfoEnd = authority.lastIndexOf('@');
        String shown = url.substring(0, from) + (userInfoEnd < 0 ? authority : "…@" + authority.substring(userInfoEnd + 1));
        return end < url.length() ? shown + "/…" : shown;
    }
}
