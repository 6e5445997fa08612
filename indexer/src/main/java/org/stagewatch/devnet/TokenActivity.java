package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.uint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.web3j.crypto.Credentials;

/**
 * The token side of a scenario: holders get tokens from the treasury, delegate (to themselves, to
 * public delegates, to delegates holding nothing, or not at all), redelegate, and move tokens — with
 * the sequences indexers get wrong: a no-op redelegation A→A, two redelegations in one transaction and
 * a delegation plus a transfer in one transaction (both through {@code HolderWallet}s).
 * Every choice comes from the scenario's seeded {@link Random}, in a fixed order.
 */
final class TokenActivity {
    static final int PUBLIC_DELEGATES = 12;
    private static final int PURE_DELEGATES = 3;
    private static final long GAS = 250_000;
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    private final AnvilNode node;
    private final DemoDao dao;
    private final Transactor tx;
    private final Random random;
    final Ledger ledger = new Ledger();
    /** Token holders; the first {@link #PUBLIC_DELEGATES} act as public delegates and self-delegate. */
    final List<Credentials> holders;
    /** Delegates that hold no tokens themselves, only delegated power. */
    final List<Credentials> pureDelegates;
    final Wallets wallets;
    final Set<String> delegationTargets = new LinkedHashSet<>();
    private final DelegatePool delegatePool;

    TokenActivity(AnvilNode node, DemoDao dao, Transactor tx, Random random, long seed, int holderCount) {
        this.node = node;
        this.dao = dao;
        this.tx = tx;
        this.random = random;
        this.holders = IntStream.range(0, holderCount).mapToObj(i -> DevKeys.derived("holder", seed, i)).toList();
        this.pureDelegates = IntStream.range(0, PURE_DELEGATES).mapToObj(i -> DevKeys.derived("delegate", seed, i)).toList();
        List<String> pool = new ArrayList<>();
        holders.subList(0, PUBLIC_DELEGATES).forEach(c -> pool.add(addressOf(c)));
        pureDelegates.forEach(c -> pool.add(addressOf(c)));
        this.delegatePool = new DelegatePool(pool, random);
        // Two holders (not public delegates) own a HolderWallet each.
        this.wallets = new Wallets(tx, ledger, dao.token().address(), holders.subList(PUBLIC_DELEGATES, PUBLIC_DELEGATES + 2));
    }

    /** Gas money for every actor (anvil_setBalance: not a transaction, nothing for an indexer to see). */
    void fund() {
        for (Credentials actor : actors()) {
            node.setBalance(actor.getAddress(), ETHER.multiply(BigInteger.valueOf(100)));
        }
    }

    /** Treasury → every holder, public delegates getting the larger amounts; two holders also deploy a wallet. */
    void distribute() {
        String treasury = dao.treasuryAddress();
        ledger.open(treasury, new ContractReader(node.web3j()).uint(dao.token().address(), "balanceOf", address(treasury)));
        wallets.deploy();
        for (int i = 0; i < holders.size(); i++) {
            long tokens = i < PUBLIC_DELEGATES ? 20_000 + random.nextInt(130_000) : (long) Math.pow(10, 1 + random.nextDouble() * 3.5);
            send(dao.treasury(), addressOf(holders.get(i)), DemoDaoDeployer.TOKEN.multiply(BigInteger.valueOf(tokens)));
        }
        for (String wallet : wallets.addresses) {
            send(dao.treasury(), wallet, DemoDaoDeployer.TOKEN.multiply(BigInteger.valueOf(5_000 + random.nextInt(20_000))));
        }
        tx.mine();
    }

    /** Public delegates self-delegate; others pick themselves (25%), a delegate (55%, Zipf-weighted) or nobody. */
    void delegate() {
        for (int i = 0; i < holders.size(); i++) {
            String holder = addressOf(holders.get(i));
            double choice = random.nextDouble();
            if (i < PUBLIC_DELEGATES || choice < 0.25) {
                delegate(holders.get(i), holder);
            } else if (choice < 0.80) {
                delegate(holders.get(i), delegatePool.pick(null));
            }
        }
        // The first wallet delegates now, so its double redelegation later moves power twice.
        String walletDelegate = delegatePool.pick(null);
        wallets.delegate(0, walletDelegate);
        delegationTargets.add(walletDelegate);
        tx.mine();
    }

    /** Redelegations, no-op redelegations, and the two wallet transactions, in one block. */
    void redelegate() {
        Set<Integer> used = new HashSet<>();
        for (int n = 0; n < Math.min(30, holders.size() / 10); n++) {
            int i = delegatedHolder(used, true);
            String current = ledger.delegateOf(addressOf(holders.get(i))).orElseThrow();
            delegate(holders.get(i), delegatePool.pick(current));
        }
        for (int n = 0; n < 5; n++) { // A→A: DelegateChanged with equal delegates and no DelegateVotesChanged
            int i = delegatedHolder(used, n > 0);
            delegate(holders.get(i), ledger.delegateOf(addressOf(holders.get(i))).orElseThrow());
        }
        String first = delegatePool.pick(ledger.delegateOf(wallets.addresses.get(0)).orElseThrow());
        String second = delegatePool.pick(first);
        wallets.delegateTwice(0, first, second);
        String delegatee = delegatePool.pick(null);
        String to = addressOf(holders.get(delegatedHolder(used, true)));
        wallets.delegateAndTransfer(1, delegatee, to, ledger.balance(wallets.addresses.get(1)).divide(BigInteger.valueOf(3)));
        delegationTargets.addAll(List.of(first, second, delegatee));
        tx.mine();
    }

    /** {@code count} holder-to-holder transfers of 10–50% of the sender's balance, each sender once, in one block. */
    void transfers(int count) {
        Set<Integer> senders = new HashSet<>();
        List<Runnable> sends = new ArrayList<>();
        for (int n = 0; n < count && senders.size() < holders.size(); n++) {
            int from = random.nextInt(holders.size());
            int to = random.nextInt(holders.size());
            String sender = addressOf(holders.get(from));
            if (from == to || !senders.add(from) || ledger.balance(sender).signum() == 0) {
                continue;
            }
            // Sized on the balance before this block: no transfer depends on another one landing first.
            BigInteger amount = ledger.balance(sender).multiply(BigInteger.valueOf(10 + random.nextInt(41))).divide(BigInteger.valueOf(100));
            sends.add(() -> send(holders.get(from), addressOf(holders.get(to)), amount));
        }
        sends.forEach(Runnable::run);
        tx.mine();
    }

    /** Every EOA that may hold voting power: holders and pure delegates. */
    List<Credentials> actors() {
        List<Credentials> all = new ArrayList<>(holders);
        all.addAll(pureDelegates);
        return all;
    }

    static String addressOf(Credentials credentials) {
        return credentials.getAddress().toLowerCase(Locale.ROOT);
    }

    private void send(Credentials from, String to, BigInteger amount) {
        tx.send(from, dao.token().address(), Abi.call("transfer", address(to), uint(amount)), GAS, "transfer " + amount + " to " + to);
        ledger.transfer(addressOf(from), to, amount);
    }

    private void delegate(Credentials holder, String delegatee) {
        tx.send(holder, dao.token().address(), Abi.call("delegate", address(delegatee)), GAS, "delegate to " + delegatee);
        ledger.delegate(addressOf(holder), delegatee);
        delegationTargets.add(delegatee);
    }

    /** A holder beyond the public delegates, not yet used in this block, delegated to someone else (or to itself when allowed). */
    private int delegatedHolder(Set<Integer> used, boolean thirdPartyOnly) {
        for (int attempt = 0; attempt < 100_000; attempt++) {
            int i = PUBLIC_DELEGATES + 2 + random.nextInt(holders.size() - PUBLIC_DELEGATES - 2);
            String holder = addressOf(holders.get(i));
            var delegatee = ledger.delegateOf(holder);
            if (delegatee.isPresent() && (!thirdPartyOnly || !delegatee.get().equals(holder)) && used.add(i)) {
                return i;
            }
        }
        throw new DevnetException("too few delegated holders for this block's redelegations: use more holders");
    }
}
