package org.stagewatch.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.crypto.Hash;

/**
 * The compiled contracts on the classpath ({@code org/stagewatch/contracts/<Name>.json}, written by
 * {@code contracts-abi/build/compile.mjs}): the devnet's own Solidity plus the Safe and OpenZeppelin
 * artifacts shipped on npm. Loaded once per name and kept; also names custom errors by selector
 * so a revert reads {@code GovernorUnexpectedProposalState(…)} instead of raw hex.
 */
public final class Artifacts {
    static final String ROOT = "org/stagewatch/contracts/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Artifact> LOADED = new ConcurrentHashMap<>();

    /**
     * One contract's artifact.
     *
     * @param bytecode creation code, {@code 0x}-prefixed; {@code 0x} for interfaces and abstract contracts
     */
    public record Artifact(String contractName, JsonNode abi, String bytecode) {
    }

    private Artifacts() {
    }

    public static Artifact load(String contractName) {
        return LOADED.computeIfAbsent(contractName, Artifacts::read);
    }

    private static Artifact read(String contractName) {
        String resource = ROOT + contractName + ".json";
        try (InputStream in = Artifacts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DevnetException("contract artifact " + resource + " is not on the classpath;"
                        + " run the build: ./stagewatch builds contracts-abi (npm + solcjs write it)");
            }
            JsonNode json = JSON.readTree(in);
            return new Artifact(json.path("contractName").asText(contractName), json.path("abi"), json.path("bytecode").asText());
        } catch (IOException e) {
            throw new DevnetException("reading " + resource + ": " + e.getMessage(), e);
        }
    }

    /** "Name(args as hex)" for revert data whose selector is an error of any artifact loaded so far. */
    static Optional<String> errorName(String revertData) {
        if (revertData == null || revertData.length() < 10) {
            return Optional.empty();
        }
        String selector = revertData.substring(0, 10).toLowerCase(Locale.ROOT);
        for (Artifact artifact : LOADED.values()) {
            for (JsonNode entry : artifact.abi()) {
                if ("error".equals(entry.path("type").asText())) {
                    String signature = signature(entry);
                    if (Hash.sha3String(signature).substring(0, 10).equals(selector)) {
                        return Optional.of(entry.path("name").asText() + "(0x" + revertData.substring(10) + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String signature(JsonNode entry) {
        StringBuilder signature = new StringBuilder(entry.path("name").asText()).append('(');
        JsonNode inputs = entry.path("inputs");
        for (int i = 0; i < inputs.size(); i++) {
            signature.append(i == 0 ? "" : ",").append(inputs.get(i).path("type").asText());
        }
        return signature.append(')').toString();
    }
}
