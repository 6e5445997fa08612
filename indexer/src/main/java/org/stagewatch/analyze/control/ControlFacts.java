package org.stagewatch.analyze.control;

import java.util.List;
import java.util.Optional;

import org.stagewatch.project.ControlRows;
import org.stagewatch.project.Rows;
import org.stagewatch.store.ContractRow;
import org.stagewatch.store.ControlReadDao;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.GovernanceDao;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;
import org.stagewatch.store.PowerQueries;

/**
 * The latest indexed fact of each kind at a block, where events and chain readings meet: an event at
 * (E, logIndex) and a reading taken at block R describe the same value, and the later one wins (a
 * reading at R includes every event of block R). Owners, proxy slots and min delays all follow this.
 */
public final class ControlFacts {
    private final Store store;
    private final VoteQuorum quorums;

    public ControlFacts(Store store) {
        this.store = store;
        this.quorums = new VoteQuorum(store);
    }

    ControlReadDao rows() {
        return store.jdbi().onDemand(ControlReadDao.class);
    }

    /** The owner of an ownable (or a Compound timelock's admin) at the block, null when unknown. */
    public String owner(Node contract, long block) {
        Optional<ControlRows.OwnershipChange> event = rows().ownershipChanges(contract.chainId(), contract.address(), block).stream()
                .filter(change -> change.change().equals("transferred") || change.change().equals("admin")).reduce((a, b) -> b);
        return later(event.map(ControlRows.OwnershipChange::blockNumber), event.map(ControlRows.OwnershipChange::newOwner),
                reading(contract, ControlReadings.OWNER, block));
    }

    /** A proxy's "upgraded" / "admin_changed" / "beacon_upgraded" value at the block, from events or slot readings. */
    public String proxyValue(Node proxy, String change, String slotReading, long block) {
        Optional<ControlRows.ProxyChange> event = rows().proxyChanges(proxy.chainId(), proxy.address(), block).stream()
                .filter(row -> row.change().equals(change)).reduce((a, b) -> b);
        return later(event.map(ControlRows.ProxyChange::blockNumber), event.map(ControlRows.ProxyChange::newValue),
                reading(proxy, slotReading, block));
    }

    /** A timelock's delay in seconds at the block (0 when nothing is known). */
    long minDelay(Node timelock, long block) {
        Optional<ControlRows.TimelockDelay> event = rows().timelockDelays(timelock.chainId(), timelock.address(), block).stream()
                .reduce((a, b) -> b);
        String delay = later(event.map(ControlRows.TimelockDelay::blockNumber), event.map(ControlRows.TimelockDelay::newDelay),
                reading(timelock, ControlReadings.MIN_DELAY, block));
        return delay == null ? 0 : Long.parseLong(delay);
    }

    public RoleState roles(Node contract, long block) {
        return RoleState.of(rows().roleChanges(contract.chainId(), contract.address(), block));
    }

    /**
     * The token-holder vote of a governor at the block: the quorum at the block ({@link VoteQuorum}), the
     * fewest delegates of {@code token} whose power at the block reaches it, and voting delay and period
     * as last set by events at or before the block.
     */
    Gate.Vote vote(Node governor, ContractRow token, long block) {
        List<TokenVote.Voter> powers = new PowerQueries(store.database()).powersAt(token.chainId(), token.address(), block).stream()
                .map(power -> new TokenVote.Voter(power.delegate(), power.power())).toList();
        List<Rows.GovernorSetting> settings = store.jdbi().onDemand(GovernanceDao.class)
                .settings(governor.chainId(), governor.address(), block);
        String clock = quorums.mode(governor).contains("timestamp") ? "seconds" : "blocks";
        return new Gate.Vote(governor, TokenVote.of(governor.chainId(), token.address(), block, quorums.at(governor, token, block),
                powers, setting(settings, "votingDelay"), setting(settings, "votingPeriod"), clock));
    }

    /** The setting's last value at or before the block; null when none was indexed. */
    private static Long setting(List<Rows.GovernorSetting> settings, String name) {
        return settings.stream().filter(setting -> setting.setting().equals(name)).reduce((a, b) -> b)
                .map(setting -> Long.parseLong(setting.newValue())).orElse(null);
    }

    private Optional<StateRead> reading(Node contract, String name, long block) {
        return store.jdbi().onDemand(StateReadDao.class).latest(contract.chainId(), contract.address(), name, "", block);
    }

    /** The event's value, unless a reading taken at or after the event's block is the later fact. */
    private static String later(Optional<Long> eventBlock, Optional<String> eventValue, Optional<StateRead> reading) {
        if (reading.isEmpty() || eventBlock.isPresent() && eventBlock.get() > reading.get().blockNumber()) {
            return eventValue.orElse(null);
        }
        return reading.get().value();
    }
}
