package org.stagewatch.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Signs and sends transactions on a devnet whose automine is off, so the caller decides what shares a
 * block: {@link #send} signs and queues, {@link #mine} submits the queue in JSON-RPC batches, mines
 * until every one is included and checks every receipt. Owns the nonces of every sender it signs for
 * (fetched once, then counted), and uses fixed gas limits and fees: with the same inputs the signed
 * bytes, and so the transaction hashes, are the same on every run.
 */
public final class Transactor {
    private static final BigInteger MAX_FEE = BigInteger.valueOf(100_000_000_000L); // 100 gwei: base fee starts at 1
    private static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);
    private static final int BATCH = 200;
    private static final int MAX_BLOCKS_PER_MINE = 64;

    private record Queued(String hash, String signed, String from, String to, String data, long gas, String label) {
    }

    private final AnvilNode node;
    private final Web3j web3j;
    private final Map<String, BigInteger> nonces = new HashMap<>();
    private final List<Queued> queue = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();

    public Transactor(AnvilNode node) {
        this.node = node;
        this.web3j = node.web3j();
    }

    /** Signs a call and queues it for the next {@link #mine}; returns its hash. {@code to == null} deploys. */
    public String send(Credentials from, String to, String data, long gas, String label) {
        String sender = from.getAddress().toLowerCase(Locale.ROOT);
        BigInteger nonce = nonces.computeIfAbsent(sender, this::pendingNonce);
        nonces.put(sender, nonce.add(BigInteger.ONE));
        RawTransaction tx = RawTransaction.createTransaction(node.chainId(), nonce, BigInteger.valueOf(gas),
                to == null ? "" : to, BigInteger.ZERO, data, PRIORITY_FEE, MAX_FEE);
        byte[] signed = TransactionEncoder.signMessage(tx, from);
        String hash = Numeric.toHexString(Hash.sha3(signed));
        queue.add(new Queued(hash, Numeric.toHexString(signed), sender, to, data, gas, label));
        sent.add(hash);
        return hash;
    }

    /** Queues the creation of an artifact's contract with the given constructor arguments. */
    public String deploy(Credentials from, String contractName, long gas, Type<?>... constructorArgs) {
        String creation = Abi.creation(Artifacts.load(contractName).bytecode(), constructorArgs);
        return send(from, null, creation, gas, "deploy " + contractName);
    }

    /**
     * Submits everything queued, mines blocks until all of it is included, and returns the receipts in
     * the order sent. Throws on the first failed transaction, naming its label, hash and revert reason.
     */
    public List<TransactionReceipt> mine() {
        List<Queued> batch = List.copyOf(queue);
        queue.clear();
        for (int from = 0; from < batch.size(); from += BATCH) {
            submit(batch.subList(from, Math.min(batch.size(), from + BATCH)));
        }
        Map<String, TransactionReceipt> receipts = new HashMap<>();
        for (int blocks = 0; receipts.size() < batch.size() || blocks == 0; blocks++) {
            if (blocks == MAX_BLOCKS_PER_MINE) {
                throw new DevnetException((batch.size() - receipts.size()) + " transactions still pending after "
                        + blocks + " blocks, e.g. " + batch.stream().filter(q -> !receipts.containsKey(q.hash())).findFirst().orElseThrow().label());
            }
            node.call("evm_mine");
            fetchReceipts(batch.stream().filter(q -> !receipts.containsKey(q.hash())).toList(), receipts);
        }
        List<TransactionReceipt> ordered = batch.stream().map(q -> receipts.get(q.hash())).toList();
        for (int i = 0; i < batch.size(); i++) {
            if (!ordered.get(i).isStatusOK()) {
                Queued failed = batch.get(i);
                throw new DevnetException(failed.label() + " failed in tx " + failed.hash() + " (block "
                        + ordered.get(i).getBlockNumber() + "): "
                        + RevertReasons.explain(web3j, failed.from(), failed.to(), failed.data(), failed.gas(), ordered.get(i)));
            }
        }
        return ordered;
    }

    /**
     * Submits everything queued and mines exactly {@code blocks} blocks in one {@code anvil_mine} — on a node started
     * with {@code --max-transactions k}, k queued transactions to a block, so a long sparse chain takes one round trip
     * per thousands of blocks instead of three per block. Checks that every transaction is included and succeeded.
     */
    public void mineSpread(long blocks) {
        List<Queued> batch = List.copyOf(queue);
        queue.clear();
        for (int from = 0; from < batch.size(); from += BATCH) {
            submit(batch.subList(from, Math.min(batch.size(), from + BATCH)));
        }
        node.mine(blocks);
        Map<String, TransactionReceipt> receipts = new HashMap<>();
        fetchReceipts(batch, receipts);
        for (Queued queued : batch) {
            TransactionReceipt receipt = receipts.get(queued.hash());
            if (receipt == null) {
                throw new DevnetException(queued.label() + " still pending after " + blocks + " blocks (is anvil limited to enough transactions a block?)");
            }
            if (!receipt.isStatusOK()) {
                throw new DevnetException(queued.label() + " failed in tx " + queued.hash() + " (block " + receipt.getBlockNumber() + "): "
                        + RevertReasons.explain(web3j, queued.from(), queued.to(), queued.data(), queued.gas(), receipt));
            }
        }
    }

    /** Sends one transaction in a block of its own and returns its receipt. */
    public TransactionReceipt sendAndMine(Credentials from, String to, String data, long gas, String label) {
        if (!queue.isEmpty()) {
            throw new IllegalStateException(queue.size() + " transactions queued: mine them first");
        }
        send(from, to, data, gas, label);
        return mine().get(0);
    }

    /** Hashes of every transaction signed so far, in signing order. */
    public List<String> sentHashes() {
        return List.copyOf(sent);
    }

    private void submit(List<Queued> chunk) {
        BatchRequest request = web3j.newBatch();
        chunk.forEach(q -> request.add(web3j.ethSendRawTransaction(q.signed())));
        try {
            List<? extends Response<?>> responses = request.send().getResponses();
            for (int i = 0; i < chunk.size(); i++) {
                if (responses.get(i).hasError()) {
                    throw new DevnetException(chunk.get(i).label() + " rejected (tx " + chunk.get(i).hash() + "): "
                            + responses.get(i).getError().getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("eth_sendRawTransaction batch", e);
        }
    }

    private void fetchReceipts(List<Queued> missing, Map<String, TransactionReceipt> receipts) {
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Queued> chunk = missing.subList(from, Math.min(missing.size(), from + BATCH));
            BatchRequest request = web3j.newBatch();
            chunk.forEach(q -> request.add(web3j.ethGetTransactionReceipt(q.hash())));
            try {
                List<? extends Response<?>> responses = request.send().getResponses();
                for (int i = 0; i < chunk.size(); i++) {
                    if (responses.get(i).getResult() instanceof TransactionReceipt receipt) {
                        receipts.put(chunk.get(i).hash(), receipt);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("eth_getTransactionReceipt batch", e);
            }
        }
    }

    private BigInteger pendingNonce(String address) {
        try {
            return web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING).send().getTransactionCount();
        } catch (IOException e) {
            throw new UncheckedIOException("eth_getTransactionCount " + address, e);
        }
    }
}
