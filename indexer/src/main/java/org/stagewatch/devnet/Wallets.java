package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.uint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.web3j.crypto.Credentials;

/**
 * The scenario's {@code HolderWallet} contracts: token holders that are contracts, whose owner batches
 * delegation changes and transfers into one transaction. Each call is queued and booked in the ledger.
 */
final class Wallets {
    private static final long GAS = 500_000;

    private final Transactor tx;
    private final Ledger ledger;
    private final String token;
    private final List<Credentials> owners;
    final List<String> addresses = new ArrayList<>();

    Wallets(Transactor tx, Ledger ledger, String token, List<Credentials> owners) {
        this.tx = tx;
        this.ledger = ledger;
        this.token = token;
        this.owners = List.copyOf(owners);
    }

    /** Deploys one wallet per owner, in a block of their own. */
    void deploy() {
        owners.forEach(owner -> tx.deploy(owner, "HolderWallet", 600_000, address(owner.getAddress())));
        tx.mine().forEach(receipt -> addresses.add(receipt.getContractAddress().toLowerCase(Locale.ROOT)));
    }

    void delegate(int wallet, String delegatee) {
        call(wallet, Abi.call("delegate", address(token), address(delegatee)), "wallet " + wallet + " delegates");
        ledger.delegate(addresses.get(wallet), delegatee);
    }

    /** Two DelegateChanged from the same delegator in one transaction. */
    void delegateTwice(int wallet, String first, String second) {
        call(wallet, Abi.call("delegateTwice", address(token), address(first), address(second)),
                "wallet " + wallet + " redelegates twice in one transaction");
        ledger.delegate(addresses.get(wallet), second);
    }

    /** DelegateChanged, then a Transfer moving part of the power just delegated, in one transaction. */
    void delegateAndTransfer(int wallet, String delegatee, String to, BigInteger amount) {
        call(wallet, Abi.call("delegateAndTransfer", address(token), address(delegatee), address(to), uint(amount)),
                "wallet " + wallet + " delegates and transfers in one transaction");
        ledger.delegate(addresses.get(wallet), delegatee);
        ledger.transfer(addresses.get(wallet), to, amount);
    }

    private void call(int wallet, String data, String label) {
        tx.send(owners.get(wallet), addresses.get(wallet), data, GAS, label);
    }
}
