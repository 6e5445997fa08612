package org.stagewatch.decode;

/**
 * One event parameter as an ABI file declares it.
 *
 * @param name    the declared name (only for messages: decoding is positional, since the same event
 *                is declared with different names across versions, e.g. Bravo's {@code id})
 * @param type    the canonical Solidity type, e.g. {@code uint256}, {@code address[]}
 * @param indexed whether the value travels in a topic rather than in the data
 */
public record AbiParam(String name, String type, boolean indexed) {

    /** Whether the ABI encodes the type through an offset (bytes, string, arrays). */
    public boolean dynamic() {
        return isDynamic(type);
    }

    static boolean isDynamic(String type) {
        return type.equals("bytes") || type.equals("string") || type.endsWith("[]");
    }
}
