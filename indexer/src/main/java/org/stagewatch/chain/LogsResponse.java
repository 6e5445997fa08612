package org.stagewatch.chain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.web3j.protocol.core.Response;

/**
 * An eth_getLogs answer read straight off the JSON stream into the fields a {@link RawLog} keeps.
 *
 * <p>web3j's own {@code EthLog} binds every log to a bean and decodes each quantity with
 * {@code Numeric.decodeQuantity}, which tries {@code Long.parseLong} first and throws and catches a
 * {@code NumberFormatException} for every "0x…" value: three exceptions per log. At a million logs that
 * was most of the fetch thread's time. Here each field is read once, quantities are parsed as hex, and
 * hex strings are lower-cased only when they hold an upper-case letter. Quantities are read in any shape
 * a node sends them (see {@link Quantity}). Fields a log does not need ({@code blockTimestamp}, …) are
 * skipped; a log missing one it needs, or with one that cannot be read, is an {@link UnreadableFieldException}
 * (not retried: the same answer would come back). A body cut short fails as a parse error, which the endpoint retries.
 */
public final class LogsResponse extends Response<List<LogsResponse.Entry>> {

    /** One log as the node sent it; {@code removed} logs belong to a block that was reorged away. */
    public record Entry(long blockNumber, String blockHash, String txHash, int txIndex, int logIndex,
                        String address, List<String> topics, String data, boolean removed) {

        RawLog toRawLog(long chainId) {
            return new RawLog(chainId, blockNumber, blockHash, txHash, txIndex, logIndex, address, topics, data);
        }
    }

    @Override
    @JsonDeserialize(using = EntriesDeserializer.class)
    public void setResult(List<Entry> result) {
        super.setResult(result);
    }

    static final class EntriesDeserializer extends JsonDeserializer<List<Entry>> {
        @Override
        public List<Entry> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new UnreadableFieldException("result", shown(parser), -1, "an array of logs");
            }
            List<Entry> entries = new ArrayList<>();
            Repeats repeats = new Repeats();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                entries.add(entry(parser, context, repeats));
            }
            return entries;
        }

        /**
         * The last value of the fields that repeat from one log to the next — the emitter, the block hash,
         * the transaction hash (a delegation batch puts hundreds of logs in one transaction), topic0 — so a
         * repeat shares the earlier String instead of allocating and lower-casing its own.
         */
        private static final class Repeats {
            final Seen address = new Seen();
            final Seen blockHash = new Seen();
            final Seen txHash = new Seen();
            /** The last few distinct topic0s: a token's delegation logs alternate between two event kinds. */
            final Seen[] topic0s = {new Seen(), new Seen(), new Seen(), new Seen()};
            int nextTopic0;

            String topic0(JsonParser parser) throws IOException {
                for (Seen known : topic0s) {
                    if (known.spelled(parser)) {
                        return known.value;
                    }
                }
                Seen replaced = topic0s[nextTopic0];
                nextTopic0 = (nextTopic0 + 1) % topic0s.length;
                return replaced.take(parser);
            }
        }

        /** The last String a field had, with its characters as the parser spelled them, to compare the next token with. */
        private static final class Seen {
            String value;
            private char[] chars = new char[0];
            private int length = -1;

            /** Whether the current token spells exactly the last value's characters (one vectorised comparison). */
            boolean spelled(JsonParser parser) throws IOException {
                if (length < 0 || parser.currentToken() != JsonToken.VALUE_STRING || parser.getTextLength() != length) {
                    return false;
                }
                int offset = parser.getTextOffset();
                return Arrays.equals(parser.getTextCharacters(), offset, offset + length, chars, 0, length);
            }

            /** The current token: the last value when it spells it, else the token as hex (remembered for the next). */
            String repeatedOrHex(JsonParser parser) throws IOException {
                return spelled(parser) ? value : take(parser);
            }

            /** The current token as hex, remembered with its characters as spelled (upper-case repeats then match too). */
            String take(JsonParser parser) throws IOException {
                value = hex(parser);
                length = -1;
                if (value != null) {
                    int offset = parser.getTextOffset();
                    length = parser.getTextLength();
                    chars = Arrays.copyOfRange(parser.getTextCharacters(), offset, offset + length);
                }
                return value;
            }
        }

        private static Entry entry(JsonParser parser, DeserializationContext context, Repeats repeats) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new UnreadableFieldException("log", shown(parser), -1, "an object");
            }
            long blockNumber = -1;
            long txIndex = -1;
            long logIndex = -1;
            String blockHash = null;
            String txHash = null;
            String address = null;
            String data = null;
            List<String> topics = null;
            boolean removed = false;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "blockNumber" -> blockNumber = quantity(parser, field, blockNumber);
                    case "transactionIndex" -> txIndex = quantity(parser, field, blockNumber);
                    case "logIndex" -> logIndex = quantity(parser, field, blockNumber);
                    case "blockHash" -> blockHash = repeats.blockHash.repeatedOrHex(parser);
                    case "transactionHash" -> txHash = repeats.txHash.repeatedOrHex(parser);
                    case "address" -> address = repeats.address.repeatedOrHex(parser);
                    case "data" -> data = hex(parser);
                    case "topics" -> topics = topics(parser, context, repeats);
                    case "removed" -> removed = value == JsonToken.VALUE_TRUE;
                    default -> parser.skipChildren();
                }
            }
            // pending logs (null block and indexes) are not asked for: a log without one of these cannot be indexed
            String missing = blockNumber < 0 ? "blockNumber" : txIndex < 0 ? "transactionIndex" : logIndex < 0 ? "logIndex"
                    : blockHash == null ? "blockHash" : txHash == null ? "transactionHash" : address == null ? "address"
                    : data == null ? "data" : topics == null ? "topics" : null;
            if (missing != null) {
                throw new UnreadableFieldException(missing + " of a log", null, blockNumber);
            }
            if (txIndex > Integer.MAX_VALUE || logIndex > Integer.MAX_VALUE) {
                throw new UnreadableFieldException(txIndex > Integer.MAX_VALUE ? "transactionIndex of a log" : "logIndex of a log",
                        Long.toString(Math.max(txIndex, logIndex)), blockNumber, "an index below 2^31");
            }
            return new Entry(blockNumber, blockHash, txHash, (int) txIndex, (int) logIndex, address, topics, data, removed);
        }

        private static List<String> topics(JsonParser parser, DeserializationContext context, Repeats repeats) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new UnreadableFieldException("topics of a log", shown(parser), -1, "an array");
            }
            String[] topics = new String[4];
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (count == topics.length) {
                    throw new UnreadableFieldException("topics of a log", "more than 4", -1, "at most 4 topics");
                }
                topics[count] = count == 0 ? repeats.topic0(parser) : hex(parser);
                count++;
            }
            return List.of(Arrays.copyOf(topics, count));
        }

        /** A hex string field, lower case; null for JSON null (the caller then names the field missing). */
        private static String hex(JsonParser parser) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                String field = parser.getParsingContext().inArray() ? "topics" : parser.currentName();
                throw new UnreadableFieldException(field + " of a log", shown(parser), -1, "a hex string");
            }
            return lower(parser.getText());
        }

        /**
         * A quantity: a hex string ("0x" and up to 16 digits, parsed in place), a decimal string or a JSON number
         * (see {@link Quantity}); -1 for null (pending logs).
         *
         * @param block the log's block when already read, for the message; -1 if not
         */
        private static long quantity(JsonParser parser, String field, long block) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return -1;
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                if (text.length() >= 3 && text.length() <= 18 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
                    try {
                        long value = Long.parseLong(text, 2, text.length(), 16); // the usual shape, without Quantity's checks
                        if (value >= 0 && text.charAt(2) != '+' && text.charAt(2) != '-') {
                            return value;
                        }
                    } catch (NumberFormatException e) {
                        // not hex: named below
                    }
                }
                return Quantity.of(text, field + " of a log", block);
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return Quantity.of(parser.getNumberValue(), field + " of a log", block);
            }
            throw new UnreadableFieldException(field + " of a log", shown(parser), block);
        }

        /** The current value as JSON, for a message. */
        private static String shown(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                parser.skipChildren();
                return token == JsonToken.START_OBJECT ? "{…}" : "[…]";
            }
            return parser.getText();
        }
    }

    /** {@code hex} in lower case; the same instance when it has no upper-case letter (the usual case). */
    static String lower(String hex) {
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return hex.toLowerCase(Locale.ROOT);
            }
        }
        return hex;
    }
}
