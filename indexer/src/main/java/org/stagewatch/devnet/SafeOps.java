package org.stagewatch.devnet;

import static org.stagewatch.devnet.Abi.address;
import static org.stagewatch.devnet.Abi.addresses;
import static org.stagewatch.devnet.Abi.bytes;
import static org.stagewatch.devnet.Abi.uint;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Safes on a devnet, the way their owners use them: created through the real proxy factory (1.3.0 or
 * 1.4.1) with {@code setup} in the creation call, and owner-signed transactions — each owner signs
 * the Safe's own {@code getTransactionHash(…)} for the current nonce (ECDSA, v = 27/28), signatures
 * sorted by owner address, then one {@code execTransaction} sent by anyone with gas money (signers
 * need none). A Safe owned by Safes signs the way the real ones do: each owner Safe approves the hash
 * on chain ({@code approveHash}), then the call carries pre-validated signatures.
 */
public final class SafeOps {
    public static final String SENTINEL = "0x0000000000000000000000000000000000000001";
    private static final String PROXY_CREATION = Hash.sha3String("ProxyCreation(address,address)");
    private static final long EXEC_GAS = 600_000;

    private SafeOps() {
    }

    /** Queues the creation of a Safe with these owners and threshold; find it with {@link #proxyAddress} once mined. */
    public static void create(Transactor tx, Credentials deployer, Deployed factory, Deployed singleton, List<String> owners,
                              int threshold, long salt, String label) {
        String setup = Abi.call("setup", addresses(owners), uint(threshold), address(Abi.ZERO_ADDRESS), bytes("0x"),
                address(Abi.ZERO_ADDRESS), address(Abi.ZERO_ADDRESS), uint(0), address(Abi.ZERO_ADDRESS));
        tx.send(deployer, factory.address(), Abi.call("createProxyWithNonce", address(singleton.address()), bytes(setup),
                uint(salt)), 1_500_000, "create " + label);
    }

    /** The factory's ProxyCreation(proxy, singleton): proxy in data for 1.3.0, indexed for 1.4.1. */
    public static String proxyAddress(TransactionReceipt receipt, String factory) {
        for (Log log : receipt.getLogs()) {
            if (log.getAddress().equalsIgnoreCase(factory) && log.getTopics().get(0).equals(PROXY_CREATION)) {
                String word = log.getTopics().size() > 1 ? log.getTopics().get(1) : log.getData().substring(0, 66);
                return "0x" + Numeric.cleanHexPrefix(word).substring(24, 64);
            }
        }
        throw new DevnetException("no ProxyCreation event from the Safe factory in tx " + receipt.getTransactionHash());
    }

    /** Signs a call from the Safe (operation 0 = call) with {@code signers}; {@code submitter} executes it in a block of its own. */
    public static TransactionReceipt exec(AnvilNode node, Transactor tx, Credentials submitter, String safe,
                                          List<Credentials> signers, String to, String data, String label) {
        byte[] hash = transactionHash(node, safe, to, data);
        ByteArrayOutputStream signatures = new ByteArrayOutputStream();
        List<Credentials> sorted = signers.stream().sorted(Comparator.comparing(c -> numeric(c.getAddress()))).toList();
        for (Credentials signer : sorted) {
            Sign.SignatureData signature = Sign.signMessage(hash, signer.getEcKeyPair(), false);
            signatures.writeBytes(signature.getR());
            signatures.writeBytes(signature.getS());
            signatures.writeBytes(signature.getV());
        }
        return execTransaction(tx, submitter, safe, to, data, signatures.toByteArray(), label);
    }

    /**
     * The hash the Safe's owners sign or approve for a call from it (operation 0 = call, no gas refund)
     * at its current nonce: the Safe's own {@code getTransactionHash(…)}.
     */
    public static byte[] transactionHash(AnvilNode node, String safe, String to, String data) {
        ContractReader reader = new ContractReader(node.web3j());
        BigInteger nonce = reader.uint(safe, "nonce");
        Function hashCall = new Function("getTransactionHash", List.of(address(to), uint(0), bytes(data), new Uint8(0),
                uint(0), uint(0), uint(0), address(Abi.ZERO_ADDRESS), address(Abi.ZERO_ADDRESS), uint(nonce)),
                List.of(new TypeReference<Bytes32>() { }));
        return ((Bytes32) reader.read(safe, hashCall).get(0)).getValue();
    }

    /**
     * How a Safe that owns another Safe signs for it: {@code owner}'s own signers have {@code owner} call
     * {@code approveHash(hash)} on {@code safe}, in a block of its own.
     */
    public static TransactionReceipt approveHash(AnvilNode node, Transactor tx, Credentials submitter, String owner,
                                                 List<Credentials> ownerSigners, String safe, byte[] hash, String label) {
        return exec(node, tx, submitter, owner, ownerSigners, safe, Abi.call("approveHash", new Bytes32(hash)), label);
    }

    /**
     * Executes a call from {@code safe} that each of {@code approvers} (its owners, e.g. other Safes) approved
     * with {@link #approveHash}: one pre-validated signature per approver (r = owner, s = 0, v = 1), sorted by
     * owner address. Fails before sending when an approval is missing, naming the approver.
     */
    public static TransactionReceipt execApproved(AnvilNode node, Transactor tx, Credentials submitter, String safe,
                                                  List<String> approvers, String to, String data, String label) {
        byte[] hash = transactionHash(node, safe, to, data);
        ContractReader reader = new ContractReader(node.web3j());
        ByteArrayOutputStream signatures = new ByteArrayOutputStream();
        for (String approver : approvers.stream().sorted(Comparator.comparing(SafeOps::numeric)).toList()) {
            if (reader.uint(safe, "approvedHashes", address(approver), new Bytes32(hash)).signum() == 0) {
                throw new DevnetException(approver + " has not approved " + Numeric.toHexString(hash) + " on Safe " + safe
                        + " (" + label + "): call approveHash first");
            }
            signatures.writeBytes(Numeric.toBytesPadded(numeric(approver), 32));
            signatures.writeBytes(new byte[32]);
            signatures.write(1);
        }
        return execTransaction(tx, submitter, safe, to, data, signatures.toByteArray(), label);
    }

    private static TransactionReceipt execTransaction(Transactor tx, Credentials submitter, String safe, String to, String data,
                                                      byte[] signatures, String label) {
        String exec = Abi.call("execTransaction", address(to), uint(0), bytes(data), new Uint8(0), uint(0), uint(0), uint(0),
                address(Abi.ZERO_ADDRESS), address(Abi.ZERO_ADDRESS), bytes(Numeric.toHexString(signatures)));
        return tx.sendAndMine(submitter, safe, exec, EXEC_GAS, label);
    }

    private static BigInteger numeric(String address) {
        return new BigInteger(Numeric.cleanHexPrefix(address), 16);
    }

    /** The owner before {@code owner} in the Safe's linked list (what swapOwner and removeOwner take). */
    public static String previousOwner(AnvilNode node, String safe, String owner) {
        List<String> owners = new ContractReader(node.web3j()).addresses(safe, "getOwners");
        int index = owners.indexOf(owner.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new DevnetException(owner + " is not an owner of Safe " + safe);
        }
        return index == 0 ? SENTINEL : owners.get(index - 1);
    }
}
