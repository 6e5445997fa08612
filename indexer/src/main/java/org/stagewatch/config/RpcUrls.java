package org.stagewatch.config;

/** RPC URLs as they may be shown to people: cut after the host, because paths and user info often hold API keys. */
public final class RpcUrls {
    private RpcUrls() {
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
