package org.stagewatch.sync;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;

/**
 * The tests' own view of the chain, independent of the code under test: plain web3j eth_call and
 * eth_getLogs against the node.
 */
final class ChainReader {
    private final Web3j web3j;

    ChainReader(Web3j web3j) {
        this.web3j = web3j;
    }

    BigInteger getPastVotes(String token, String account, long block) throws Exception {
        return uint(call(token, new Function("getPastVotes",
                List.of(new Address(account), new Uint256(block)), List.of(new TypeReference<Uint256>() { }))).get(0));
    }

    /** (against, for, abstain), as GovernorCountingSimple returns them. */
    List<BigInteger> proposalVotes(String governor, BigInteger proposalId) throws Exception {
        return call(governor, new Function("proposalVotes", List.of(new Uint256(proposalId)), List.of(
                new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { }, new TypeReference<Uint256>() { })))
                .stream().map(ChainReader::uint).toList();
    }

    int state(String governor, BigInteger proposalId) throws Exception {
        return uint(call(governor, new Function("state", List.of(new Uint256(proposalId)),
                List.of(new TypeReference<Uint8>() { }))).get(0)).intValueExact();
    }

    long head() throws Exception {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    /** Every address that appears in an indexed topic of the contract's logs (holders, delegators, delegates). */
    Set<String> addressesInTopics(String contract, String topic0) throws Exception {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contract);
        filter.addSingleTopic(topic0);
        Set<String> addresses = new TreeSet<>();
        for (EthLog.LogResult<?> result : web3j.ethGetLogs(filter).send().getLogs()) {
            EthLog.LogObject log = (EthLog.LogObject) result.get();
            log.getTopics().stream().skip(1).map(topic -> "0x" + topic.substring(26).toLowerCase())
                    .filter(address -> !address.equals("0x0000000000000000000000000000000000000000"))
                    .forEach(addresses::add);
        }
        return addresses;
    }

    /**
     * Every log of {@code contract} up to {@code toBlock} as web3j's own EthLog reads it, written the way
     * {@code RawLog#toString} writes one, without its chain id (block, log index, hashes, emitter, topics, data).
     */
    List<String> logs(String contract, long toBlock) throws Exception {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST,
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)), contract);
        return web3j.ethGetLogs(filter).send().getLogs().stream().map(result -> (EthLog.LogObject) result.get())
                .map(log -> String.join(" ", log.getBlockNumber().toString(), log.getLogIndex().toString(),
                        log.getBlockHash().toLowerCase(), log.getTransactionHash().toLowerCase(),
                        log.getTransactionIndex().toString(), log.getAddress().toLowerCase(),
                        log.getTopics().stream().map(String::toLowerCase).toList().toString(), log.getData().toLowerCase()))
                .toList();
    }

    List<BigInteger> proposalIds(String governor, String proposalCreatedTopic) throws Exception {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, governor);
        filter.addSingleTopic(proposalCreatedTopic);
        return web3j.ethGetLogs(filter).send().getLogs().stream()
                .map(result -> ((EthLog.LogObject) result.get()).getData())
                .map(data -> new BigInteger(data.substring(2, 66), 16)).toList();
    }

    @SuppressWarnings("rawtypes")
    private List<Type> call(String to, Function function) throws Exception {
        var response = web3j.ethCall(Transaction.createEthCallTransaction(null, to, FunctionEncoder.encode(function)),
                DefaultBlockParameterName.LATEST).send();
        if (response.hasError()) {
            throw new IllegalStateException(function.getName() + " on " + to + ": " + response.getError().getMessage());
        }
        return FunctionReturnDecoder.decode(response.getValue(), function.getOutputParameters());
    }

    private static BigInteger uint(Type<?> value) {
        return (BigInteger) value.getValue();
    }

    static DefaultBlockParameter at(long block) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    }
}
