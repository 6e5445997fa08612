package org.stagewatch.config;

/**
 * Spells key paths the way messages show them: {@code daos.arbitrum.contracts[2].kind}.
 * Every pass builds paths through here, so a path reported by one pass matches the path
 * another pass asks {@link Problems#reported} about.
 */
final class KeyPath {
    static final String ROOT = "";

    private KeyPath() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
