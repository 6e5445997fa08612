package org.stagewatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stagewatch.chain.RawLog;

/**
 * A block's raw logs come back from their packed form exactly as the node gave them, whatever their topics,
 * data, transactions and emitters; the same logs always pack to the same bytes; logs that are not one block
 * in order, or not hex, are refused; a blob that is cut short or of another format is an error, not garbage.
 */
class RawLogCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String BLOCK_HASH = "0x" + "bb".repeat(32);
    private final Random random = new Random(23);

    /** 32 bytes with a random number of leading zero bytes (0…32), as topics and ABI words are. */
    private String word() {
        byte[] bytes = new byte[32];
        int zeros = random.nextInt(33);
        for (int i = zeros; i < 32; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return "0x" + HEX.formatHex(bytes);
    }

    private String hex(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return "0x" + HEX.formatHex(bytes);
    }

    private List<RawLog> randomBlock(long block, int count) {
        List<String> txs = List.of(hex(32), hex(32), hex(32));
        List<String> emitters = List.of(hex(20), hex(20));
        List<String> topic0s = List.of(word(), word(), word());
        List<RawLog> logs = new ArrayList<>();
        int logIndex = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int tx = Math.min(2, i * 3 / count);
            List<String> topics = new ArrayList<>();
            int topicCount = random.nextInt(5);
            for (int t = 0; t < topicCount; t++) {
                topics.add(t == 0 ? topic0s.get(random.nextInt(3)) : word());
            }
            String data = switch (random.nextInt(5)) {
                case 0 -> "0x";
                case 1 -> hex(1 + random.nextInt(100));
                default -> {
                    StringBuilder words = new StringBuilder("0x");
                    for (int w = random.nextInt(4) + 1; w > 0; w--) {
                        words.append(word(), 2, 66);
                    }
                    yield words.toString();
                }
            };
            logs.add(new RawLog(10, block, BLOCK_HASH, txs.get(tx), 7 + tx * 5, logIndex, emitters.get(random.nextInt(2)), topics, data));
            logIndex += 1 + (random.nextInt(4) == 0 ? random.nextInt(1000) : 0);
        }
        return logs;
    }

    @Test
    void shouldGiveBackEveryLogOfABlockExactly() {
        for (int round = 0; round < 200; round++) {
            List<RawLog> logs = randomBlock(1_000 + round, 1 + random.nextInt(60));
            byte[] packed = RawLogCodec.pack(logs, 0, logs.size());
            assertThat(RawLogCodec.unpack(10, 1_000 + round, BLOCK_HASH, packed)).as("round %d", round).isEqualTo(logs);
            assertThat(RawLogCodec.pack(new ArrayList<>(logs), 0, logs.size())).as("the same logs, the same bytes").isEqualTo(packed);
        }
    }

    @Test
    void shouldPackASliceOfALongerList() {
        List<RawLog> logs = new ArrayList<>(randomBlock(5, 4));
        logs.addAll(randomBlock(6, 5));
        assertThat(RawLogCodec.unpack(10, 6, BLOCK_HASH, RawLogCodec.pack(logs, 4, 9))).isEqualTo(logs.subList(4, 9));
    }

    @Test
    void shouldStoreADelegationEventInAFractionOfItsBytes() {
        // 400 delegations of one transaction, as a busy token emits them: DelegateChanged, then DelegateVotesChanged
        String tx = hex(32);
        String token = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
        String changed = "0x3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f";
        String votes = "0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724";
        List<RawLog> logs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String delegator = "0x%064x".formatted(0x10000000L + i);
            String delegate = "0x%064x".formatted(0x20000000L + i % 5000);
            logs.add(new RawLog(10, 2, BLOCK_HASH, tx, 0, 2 * i, token, List.of(changed, delegator, "0x" + "0".repeat(64), delegate), "0x"));
            logs.add(new RawLog(10, 2, BLOCK_HASH, tx, 0, 2 * i + 1, token, List.of(votes, delegate),
                    "0x%064x%064x".formatted(0, 1_000_000_000_000_000_000L)));
        }
        byte[] packed = RawLogCodec.pack(logs, 0, logs.size());
        assertThat(RawLogCodec.unpack(10, 2, BLOCK_HASH, packed)).isEqualTo(logs);
        // as separate rows of V7: 32 tx hash + 42 address + 32 per topic + data, about 245 bytes with keys and headers
        assertThat(packed.length / (double) logs.size()).as("bytes per log").isLessThan(25);
    }

    @Test
    void shouldRefuseLogsThatAreNotOneBlockInOrderOrNotHex() {
        List<RawLog> logs = randomBlock(8, 3);
        List<RawLog> reversed = new ArrayList<>(logs.reversed());
        assertThatThrownBy(() -> RawLogCodec.pack(reversed, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("block 8: log index");
        List<RawLog> twoBlocks = new ArrayList<>(logs);
        twoBlocks.add(randomBlock(9, 1).get(0));
        assertThatThrownBy(() -> RawLogCodec.pack(twoBlocks, 0, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("packed with block 8");
        RawLog notHex = new RawLog(10, 8, BLOCK_HASH, "0xzz", 0, 0, hex(20), List.of(), "0x");
        assertThatThrownBy(() -> RawLogCodec.pack(List.of(notHex), 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 0x-hex");
        RawLog shortTopic = new RawLog(10, 8, BLOCK_HASH, hex(32), 0, 0, hex(20), List.of(word(), "0x1234"), "0x");
        assertThatThrownBy(() -> RawLogCodec.pack(List.of(shortTopic), 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 32 bytes");
    }

    @Test
    void shouldCallACutOrForeignBlobAnErrorNamingTheBlock() {
        List<RawLog> logs = randomBlock(12, 20);
        byte[] packed = RawLogCodec.pack(logs, 0, logs.size());
        for (int cut : new int[] {1, 2, packed.length / 3, packed.length - 1}) {
            assertThatThrownBy(() -> RawLogCodec.unpack(10, 12, BLOCK_HASH, Arrays.copyOf(packed, cut)))
                    .as("cut at %d of %d", cut, packed.length)
                    .isInstanceOf(StoreException.class).hasMessageContaining("block 12 of chain 10");
        }
        byte[] longer = Arrays.copyOf(packed, packed.length + 1);
        assertThatThrownBy(() -> RawLogCodec.unpack(10, 12, BLOCK_HASH, longer))
                .isInstanceOf(StoreException.class).hasMessageContaining("after the last log");
        byte[] foreign = packed.clone();
        foreign[0] = 9;
        assertThatThrownBy(() -> RawLogCodec.unpack(10, 12, BLOCK_HASH, foreign))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown packed format 9");
    }
}
