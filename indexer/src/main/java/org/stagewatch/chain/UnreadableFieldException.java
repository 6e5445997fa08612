package org.stagewatch.chain;

/**
 * A field of a node's answer that cannot be read at all: missing, or not in any shape the field may take
 * (see {@link Quantity}). The answer is well-formed JSON, so asking again brings the same answer back:
 * this is never retried and never sent to another endpoint as if the network had failed. Raised where the
 * field is read, it names the field and block; {@link #named} adds the method and the endpoint (cut after
 * the host) for the message the user sees.
 */
public final class UnreadableFieldException extends RpcException {
    private final String field;
    private final String value;
    private final long block;
    private final String expected;

    /**
     * A quantity that cannot be read.
     *
     * @param value the field as sent (JSON), or null when it is missing
     * @param block the block it belongs to, or -1 when not known yet
     */
    public UnreadableFieldException(String field, String value, long block) {
        this(field, value, block, "a hex, decimal or JSON-number quantity");
    }

    /** A field that is not {@code expected} (e.g. "a 0x-hex string"). */
    public UnreadableFieldException(String field, String value, long block, String expected) {
        super(describe(field, value, block, expected));
        this.field = field;
        this.value = value;
        this.block = block;
        this.expected = expected;
    }

    private UnreadableFieldException(UnreadableFieldException unnamed, String message) {
        super(message);
        this.field = unnamed.field;
        this.value = unnamed.value;
        this.block = unnamed.block;
        this.expected = unnamed.expected;
    }

    public String field() {
        return field;
    }

    /** The block the field belongs to, or -1 when not known. */
    public long block() {
        return block;
    }

    /** This error with the method and endpoint that produced it in its message. */
    public UnreadableFieldException named(String method, String endpoint) {
        return new UnreadableFieldException(this, "%s: %s answered %s; asking again would bring the same answer, "
                .formatted(endpoint, method, describe(field, value, block, expected))
                + "so nothing was retried: use an RPC endpoint that follows JSON-RPC for this chain");
    }

    /** The unreadable field behind {@code failure} (a JSON parser wraps it), or null. */
    static UnreadableFieldException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableFieldException unreadable) {
                return unreadable;
            }
        }
        return null;
    }

    private static String describe(String field, String value, long block, String expected) {
        String where = block >= 0 ? " of block " + block : "";
        return value == null ? "no " + field + where
                : "an unreadable " + field + where + ": " + abbreviate(value) + " (not " + expected + ")";
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
