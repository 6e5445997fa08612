package org.stagewatch.decode;

import java.math.BigInteger;
import java.util.List;
import org.stagewatch.chain.RawLog;

/**
 * One log's parameter values in declaration order (indexed or not), as plain Java values:
 * address and bytes as lower-case 0x-hex, uintN as BigInteger, bool as Boolean, string as String,
 * arrays as lists. Positional on purpose: the same event is declared with different names across
 * versions (OZ {@code proposalId} vs Bravo {@code id}), never with different positions.
 */
record LogValues(AbiEvent event, RawLog log, List<Object> values) {

    String address(int i) {
        return (String) values.get(i);
    }

    String hex(int i) {
        return (String) values.get(i);
    }

    String string(int i) {
        return (String) values.get(i);
    }

    BigInteger uint(int i) {
        return (BigInteger) values.get(i);
    }

    /** A small uint (uint8 support, proposal type, cohort): exact, since AbiLayout checked its width. */
    int smallInt(int i) {
        return uint(i).intValueExact();
    }

    boolean bool(int i) {
        return (Boolean) values.get(i);
    }

    @SuppressWarnings("unchecked")
    <T> List<T> list(int i) {
        return (List<T>) values.get(i);
    }

    int size() {
        return values.size();
    }

    String type(int i) {
        return event.inputs().get(i).type();
    }
}
