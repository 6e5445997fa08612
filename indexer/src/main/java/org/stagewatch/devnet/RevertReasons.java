package org.stagewatch.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Explains a failed transaction: receipts carry no reason, so the call is replayed as eth_call on the
 * parent block's state (close enough to name the reason, and never on the happy path) and custom
 * errors are named from the artifacts' ABIs.
 */
final class RevertReasons {
    private RevertReasons() {
    }

    static String explain(Web3j web3j, String from, String to, String data, long gas, TransactionReceipt receipt) {
        BigInteger parent = receipt.getBlockNumber().subtract(BigInteger.ONE);
        Transaction call = Transaction.createFunctionCallTransaction(from, null, null, BigInteger.valueOf(gas), to, data);
        EthCall replay;
        try {
            replay = web3j.ethCall(call, DefaultBlockParameter.valueOf(parent)).send();
        } catch (IOException e) {
            throw new UncheckedIOException("replaying failed tx " + receipt.getTransactionHash(), e);
        }
        if (!replay.hasError()) {
            return "reverted (gas used " + receipt.getGasUsed() + " of " + gas + "; the replay succeeded)";
        }
        String revertData = replay.getError().getData();
        String decoded = revertData == null ? "" : Artifacts.errorName(revertData.replace("\"", "")).orElse(revertData);
        return replay.getError().getMessage() + (decoded.isEmpty() ? "" : " " + decoded);
    }
}
