package org.stagewatch.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.stagewatch.chain.RpcClient;

/**
 * The calls of the state reads due at one block, gathered from every reader and sent together
 * ({@link RpcClient#answers}: JSON-RPC batches, one round trip for all of them), then handed back to each reader in
 * the order it asked. A reader adds its queries, and what to make of their answers once they are in.
 */
final class DueCalls {
    /** A query's answer, there once the calls are sent. */
    static final class Pending {
        private RpcClient.Answer answer;

        RpcClient.Answer answer() {
            if (answer == null) {
                throw new IllegalStateException("the due calls were not sent yet");
            }
            return answer;
        }
    }

    private final Map<RpcClient.Query, RpcClient.Answer> answered;
    private final List<RpcClient.Query> queries = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final List<Runnable> then = new ArrayList<>();

    DueCalls() {
        this(Map.of());
    }

    /**
     * @param answered queries answered already (read ahead of the commit, see {@link RangeIndexer#readAhead}): not sent
     *                 again, and each answer taken out of the map as it is used
     */
    DueCalls(Map<RpcClient.Query, RpcClient.Answer> answered) {
        this.answered = answered;
    }

    Pending add(RpcClient.Query query) {
        Pending answer = new Pending();
        answer.answer = answered.isEmpty() ? null : answered.remove(query);
        if (answer.answer == null) {
            queries.add(query);
            pending.add(answer);
        }
        return answer;
    }

    /** Runs {@code step} once the calls added so far are answered, after the steps added before it. */
    void then(Runnable step) {
        then.add(step);
    }

    /** Sends every query added (none: nothing is sent), then runs the steps; the next round starts empty. */
    void send(RpcClient client) {
        if (!queries.isEmpty()) {
            List<RpcClient.Answer> answers = client.answers(queries);
            for (int i = 0; i < answers.size(); i++) {
                pending.get(i).answer = answers.get(i);
            }
        }
        List<Runnable> steps = List.copyOf(then);
        queries.clear();
        pending.clear();
        then.clear();
        steps.forEach(Runnable::run);
    }
}
