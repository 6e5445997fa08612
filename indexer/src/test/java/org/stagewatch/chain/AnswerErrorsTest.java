package org.stagewatch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.stagewatch.chain.AnswerErrors.Kind;

/** Error answers of real providers and nodes, as they word them, and what each means for the request. */
class AnswerErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldRecogniseRateLimits() {
        assertThat(AnswerErrors.classify(429, "Your app has exceeded its compute units per second capacity. If you have retries "
                + "enabled, you can safely ignore this message.")).isEqualTo(Kind.RATE_LIMITED); // Alchemy
        assertThat(AnswerErrors.classify(-32005, "project ID request rate exceeded")).isEqualTo(Kind.RATE_LIMITED); // Infura
        assertThat(AnswerErrors.classify(-32005, "daily request count exceeded, request rate limited")).isEqualTo(Kind.RATE_LIMITED);
        assertThat(AnswerErrors.classify(-32005, "limit exceeded")).isEqualTo(Kind.RATE_LIMITED);
        assertThat(AnswerErrors.classify(-32007, "10/second request limit reached - reduce calls per second or upgrade your account"))
                .isEqualTo(Kind.RATE_LIMITED); // QuickNode
        assertThat(AnswerErrors.classify(-32000, "Too Many Requests")).isEqualTo(Kind.RATE_LIMITED);
    }

    @Test
    void shouldRecogniseBatchCaps() {
        assertThat(AnswerErrors.classify(-32600, "batch too large")).isEqualTo(Kind.BATCH_TOO_LARGE); // geth
        assertThat(AnswerErrors.classify(-32003, "response too large")).isEqualTo(Kind.BATCH_TOO_LARGE); // geth
        assertThat(AnswerErrors.classify(-32600, "Batch size is too large, max 1000")).isEqualTo(Kind.BATCH_TOO_LARGE);
        assertThat(AnswerErrors.classify(-32000, "too many requests in batch")).isEqualTo(Kind.BATCH_TOO_LARGE);
        assertThat(AnswerErrors.classify(-32600, "batch requests are not supported")).isEqualTo(Kind.BATCH_TOO_LARGE);
    }

    @Test
    void shouldReadTheBatchCapARefusalNames() {
        assertThat(AnswerErrors.namedBatchCap("Batch size is too large, max 1000")).isEqualTo(1000);
        assertThat(AnswerErrors.namedBatchCap("batch size too large, max 10")).isEqualTo(10);
        assertThat(AnswerErrors.namedBatchCap("too many requests in batch, maximum: 50")).isEqualTo(50);
        assertThat(AnswerErrors.namedBatchCap("batch limit of 20 exceeded")).isEqualTo(20);
        assertThat(AnswerErrors.namedBatchCap("Batch limit exceeded")).isZero();
        assertThat(AnswerErrors.namedBatchCap("batch too large")).isZero();
        assertThat(AnswerErrors.namedBatchCap(null)).isZero();
    }

    @Test
    void shouldRecogniseBlocksANodeDoesNotServeYet() {
        assertThat(AnswerErrors.classify(-32000, "header not found")).isEqualTo(Kind.NOT_YET_SERVED); // geth
        assertThat(AnswerErrors.classify(-39001, "Unknown block")).isEqualTo(Kind.NOT_YET_SERVED);
        assertThat(AnswerErrors.classify(-32602, "block range extends beyond current head block")).isEqualTo(Kind.NOT_YET_SERVED);
        assertThat(AnswerErrors.classify(-32602, "BlockOutOfRangeError: block height is 1875 but requested was 1908"))
                .isEqualTo(Kind.NOT_YET_SERVED); // anvil
    }

    @Test
    void shouldTakeEverythingElseAsTheAnswer() {
        assertThat(AnswerErrors.classify(3, "execution reverted: rate limit exceeded")).isEqualTo(Kind.FINAL); // a contract's own words
        assertThat(AnswerErrors.classify(-32000, "execution reverted")).isEqualTo(Kind.FINAL);
        assertThat(AnswerErrors.classify(-32602, "invalid argument 0: hex string without 0x prefix")).isEqualTo(Kind.FINAL);
        assertThat(AnswerErrors.classify(-32602, "BlockOutOfRangeError: block height is 512 but requested was 5"))
                .isEqualTo(Kind.FINAL); // below the height: pruned state, not a lagging node
        assertThat(AnswerErrors.classify(-32601, "the method eth_foo does not exist/is not available")).isEqualTo(Kind.FINAL);
    }

    @Test
    void shouldReadTheWaitAnErrorAsksFor() throws Exception {
        assertThat(AnswerErrors.retryAfter(JSON.readTree("{\"code\":-32005,\"message\":\"project ID request rate exceeded\","
                + "\"data\":{\"see\":\"https://infura.io/dashboard\",\"current_rps\":13.333,\"allowed_rps\":10.0,"
                + "\"backoff_seconds\":30.0,\"rate\":{\"backoff_seconds\":30}}}"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(AnswerErrors.retryAfter(JSON.readTree("{\"code\":429,\"message\":\"slow down\",\"data\":{\"retryAfter\":\"2\"}}")))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(AnswerErrors.retryAfter(JSON.readTree("{\"code\":429,\"message\":\"slow down\"}"))).isNull();
    }
}
