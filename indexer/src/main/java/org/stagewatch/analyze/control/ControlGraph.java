package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can act as whom at one point in time (DESIGN.md §6): for each node, the gates through which
 * someone acts as it, each a {@link Gate.Step} over {@link Gate.Ref}s to other nodes; for each
 * critical contract, the gate of each of its permissions; the designated councils with their signers;
 * and which chain settles on which (for aliasing). Built by {@link ControlGraphBuilder} from indexed
 * state, or directly by tests. Holds facts only; {@link RouteSearch} walks it.
 */
public final class ControlGraph {
    /** A configured contract: its kind as the config names it, and its label. */
    public record Contract(Node node, String kind, String label) {
    }

    /** A Safe designated security council, with its threshold and signers at the point in time. */
    public record Council(Node safe, int threshold, Set<String> signers) {
        public Council {
            signers = Set.copyOf(signers);
        }
    }

    /** One permission on a critical contract and the gate that holds it. */
    public record Permission(Node target, String name, Gate gate) {
    }

    private final Map<Node, Contract> contracts = new LinkedHashMap<>();
    private final Map<Node, List<Gate>> actsAs = new LinkedHashMap<>();
    private final List<Permission> permissions = new ArrayList<>();
    private final Map<Node, Council> councils = new LinkedHashMap<>();
    private final Map<Long, Long> parents = new HashMap<>();

    public void addContract(Node node, String kind, String label) {
        contracts.put(node, new Contract(node, kind, label));
    }

    /** Adds a way to act as {@code hop.node()}: whoever satisfies {@code actor}, through {@code hop}. */
    public void addActsAs(Hop hop, Gate actor) {
        Gate step = Gate.step(hop, actor);
        if (!(step instanceof Gate.Nobody)) {
            actsAs.computeIfAbsent(hop.node(), node -> new ArrayList<>()).add(step);
        }
    }

    public void addPermission(Node target, String name, Gate gate) {
        permissions.add(new Permission(target, name, gate));
    }

    /** Designates a Safe as security council; {@code signers} are its owners at the point in time. */
    public void addCouncil(Node safe, int threshold, Set<String> signers) {
        councils.put(safe, new Council(safe, threshold, signers));
    }

    /** Chain {@code child} settles on {@code parent}: a contract A on the parent acts on the child as alias(A). */
    public void addParent(long child, long parent) {
        parents.put(child, parent);
    }

    public boolean isContract(Node node) {
        return contracts.containsKey(node);
    }

    public String label(Node node) {
        Contract contract = contracts.get(node);
        return contract == null ? node.address() : contract.label();
    }

    public Collection<Contract> contracts() {
        return contracts.values();
    }

    public List<Gate> actsAs(Node node) {
        return actsAs.getOrDefault(node, List.of());
    }

    public Map<Node, List<Gate>> allActsAs() {
        return actsAs;
    }

    public List<Permission> permissions() {
        return permissions;
    }

    public Map<Node, Council> councils() {
        return councils;
    }

    public Long parent(long chainId) {
        return parents.get(chainId);
    }

    /** The label of a node for a hop: the contract's label, or its address. */
    public Hop hop(Node node, String relation, long delaySeconds) {
        return new Hop(node, label(node), relation, delaySeconds);
    }

    /** Refs to each address on {@code chainId}, skipping address 0 (which, outside open roles, is no one). */
    public static List<Gate> refs(long chainId, Collection<String> addresses) {
        return addresses.stream().filter(address -> !address.equals(Node.ZERO))
                .map(address -> (Gate) new Gate.Ref(new Node(chainId, address))).toList();
    }
}
