package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Turns the state of each contract kind into acts-as gates (DESIGN.md §6), the one place that says
 * what each kind means: a Safe is a k-of-n gate over its owners and each module acts alone; a
 * timelock acts when a proposer schedules and, its min delay later, an executor executes (an
 * executor role held by address 0 is open to anyone); an UpgradeExecutor acts for its executors;
 * an ownable for its owner; a proxy's admin (or beacon) can upgrade it and so act as it; a governor
 * for the token-holder vote; a message path lets an L2 contract act as its L1 sender after a delay.
 * Holders of a role's admin role can grant themselves the role, so they act for it too.
 */
public final class ControlGraphBuilder {
    private final ControlGraph graph = new ControlGraph();

    public ControlGraph graph() {
        return graph;
    }

    public ControlGraphBuilder contract(Node node, String kind, String label) {
        graph.addContract(node, kind, label);
        return this;
    }

    public ControlGraphBuilder safe(Node safe, int threshold, List<String> owners, Collection<String> modules) {
        // threshold 0 is a Safe not set up (or not deployed yet): nobody can act as it
        graph.addActsAs(graph.hop(safe, threshold + "-of-" + owners.size() + " signers", 0),
                threshold <= 0 ? Gate.NOBODY : Gate.threshold(threshold, ControlGraph.refs(safe.chainId(), owners)));
        ControlGraph.refs(safe.chainId(), modules).forEach(module -> graph.addActsAs(graph.hop(safe, "module", 0), module));
        return this;
    }

    public ControlGraphBuilder council(Node safe, int threshold, Set<String> signers) {
        graph.addCouncil(safe, threshold, signers);
        return this;
    }

    /**
     * An OZ TimelockController.
     *
     * @param proposerAdmins holders of PROPOSER_ROLE's admin role; executorAdmins likewise for EXECUTOR_ROLE
     */
    public ControlGraphBuilder timelock(Node timelock, long minDelaySeconds, Collection<String> proposers,
                                        Collection<String> proposerAdmins, Collection<String> executors,
                                        Collection<String> executorAdmins) {
        Gate propose = Gate.step(graph.hop(timelock, "PROPOSER_ROLE", minDelaySeconds),
                role(timelock, "PROPOSER_ROLE", proposers, proposerAdmins));
        Gate execute = executors.contains(Node.ZERO) ? Gate.ANYONE : role(timelock, "EXECUTOR_ROLE", executors, executorAdmins);
        Gate both = Gate.all(List.of(propose, Gate.step(graph.hop(timelock, "EXECUTOR_ROLE", 0), execute)));
        if (both instanceof Gate.Step step) {
            graph.addActsAs(step.hop(), step.actor()); // execution open to anyone: proposing is the whole route
        } else {
            graph.addActsAs(graph.hop(timelock, "PROPOSER_ROLE and EXECUTOR_ROLE", 0), both);
        }
        return this;
    }

    /** A Compound Timelock: its admin queues and, after the delay, executes. */
    public ControlGraphBuilder compoundTimelock(Node timelock, long delaySeconds, String admin) {
        graph.addActsAs(graph.hop(timelock, "admin", delaySeconds), ref(timelock.chainId(), admin));
        return this;
    }

    /** Arbitrum's UpgradeExecutor: any EXECUTOR_ROLE holder makes it call or delegatecall. */
    public ControlGraphBuilder upgradeExecutor(Node executor, Collection<String> executors, Collection<String> executorAdmins) {
        graph.addActsAs(graph.hop(executor, "EXECUTOR_ROLE", 0), role(executor, "EXECUTOR_ROLE", executors, executorAdmins));
        return this;
    }

    public ControlGraphBuilder ownable(Node contract, String owner) {
        graph.addActsAs(graph.hop(contract, "owner", 0), ref(contract.chainId(), owner));
        return this;
    }

    /**
     * An EIP-1967 proxy, or a contract of another kind behind one: its admin, or its beacon's controller, can upgrade
     * it and so act as it.
     */
    public ControlGraphBuilder proxy(Node proxy, String admin, String beacon) {
        Gate upgrade = Gate.anyOf(List.of(ref(proxy.chainId(), admin), ref(proxy.chainId(), beacon)));
        graph.addActsAs(graph.hop(proxy, "upgrade", 0), upgrade);
        return this;
    }

    /** A governor acts when a proposal passes: its token-holder vote. */
    public ControlGraphBuilder governor(Node governor, Gate.Vote vote) {
        graph.addActsAs(graph.hop(governor, "token-holder vote", 0), vote);
        return this;
    }

    /** What {@code from} sends arrives on the other chain as {@code sender}, {@code delaySeconds} later. */
    public ControlGraphBuilder messagePath(Node from, Node sender, long delaySeconds, String label) {
        graph.addActsAs(graph.hop(sender, "message path from " + graph.label(from) + " (" + label + ")", delaySeconds),
                new Gate.Ref(from));
        return this;
    }

    public ControlGraphBuilder parent(long child, long parent) {
        graph.addParent(child, parent);
        return this;
    }

    public ControlGraphBuilder permission(Node target, String name, Gate gate) {
        graph.addPermission(target, name, gate);
        return this;
    }

    /** Holders of a role, or holders of its admin role, who can grant it to themselves first. */
    Gate role(Node contract, String role, Collection<String> holders, Collection<String> admins) {
        return role(graph, contract, role, holders, admins);
    }

    static Gate role(ControlGraph graph, Node contract, String role, Collection<String> holders, Collection<String> admins) {
        List<Gate> options = new ArrayList<>(ControlGraph.refs(contract.chainId(), holders));
        options.add(Gate.step(graph.hop(contract, "admin of " + role, 0), Gate.anyOf(ControlGraph.refs(contract.chainId(), admins))));
        return Gate.anyOf(options);
    }

    private static Gate ref(long chainId, String address) {
        return address == null || address.equals(Node.ZERO) ? Gate.NOBODY : new Gate.Ref(new Node(chainId, address));
    }
}
