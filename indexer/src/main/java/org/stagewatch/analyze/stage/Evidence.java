package org.stagewatch.analyze.stage;

/**
 * One fact behind a requirement's outcome: what it is, its value, and where to check it — an account
 * on a chain at a block, or a link. Fields that do not apply are null.
 *
 * @param what  e.g. "threshold", "fastest route not council-gated", "assertion"
 * @param value e.g. "9 of 12 (75%)", "950400 s (11 d)", "true"
 */
public record Evidence(String what, String value, Long chainId, String address, Long block, String link) {
    public static Evidence fact(String what, String value) {
        return new Evidence(what, value, null, null, null, null);
    }

    public static Evidence at(String what, String value, long chainId, String address, long block) {
        return new Evidence(what, value, chainId, address, block, null);
    }

    public static Evidence link(String what, String value, String link) {
        return new Evidence(what, value, null, null, null, link);
    }
}
