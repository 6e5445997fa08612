package org.stagewatch.devnet;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scenario's own book of balances and delegations, kept as transactions are queued, so the next
 * step can be planned (who can send how much, who delegates to whom) without reading the chain.
 * The chain stays the truth: tests compare against {@code getVotes}, never against this.
 */
final class Ledger {
    private final Map<String, BigInteger> balances = new HashMap<>();
    private final Map<String, String> delegates = new HashMap<>();

    /** Opens an account with what the chain says it holds (the treasury, before the scenario starts). */
    void open(String account, BigInteger balance) {
        balances.put(account, balance);
    }

    void transfer(String from, String to, BigInteger amount) {
        BigInteger left = balance(from).subtract(amount);
        if (left.signum() < 0) {
            throw new IllegalStateException(from + " cannot send " + amount + ", holds " + balance(from));
        }
        balances.put(from, left);
        balances.merge(to, amount, BigInteger::add);
    }

    void delegate(String holder, String delegatee) {
        delegates.put(holder, delegatee);
    }

    BigInteger balance(String account) {
        return balances.getOrDefault(account, BigInteger.ZERO);
    }

    Optional<String> delegateOf(String account) {
        return Optional.ofNullable(delegates.get(account));
    }
}
