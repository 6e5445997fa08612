package org.stagewatch.analyze.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.stagewatch.project.ControlRows;
import org.stagewatch.project.Rows;
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

    public ControlFacts(Store store) {
        this.store = store;
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
     * The token-holder vote of a governor at the block: the fewest delegates of {@code token} whose power
     * reaches the latest quorum read (more than half of all delegated power when none was read), and
     * voting delay + period in the governor's clock. Nobody when the delegated power cannot reach it.
     */
    Gate vote(Node governor, Node token, long block) {
        List<PowerQueries.DelegatePower> powers = new ArrayList<>(new PowerQueries(store.database())
                .powersAt(token.chainId(), token.address(), block));
        powers.sort(Comparator.comparing(PowerQueries.DelegatePower::power).reversed()
                .thenComparing(PowerQueries.DelegatePower::delegate));
        BigInteger total = powers.stream().map(PowerQueries.DelegatePower::power).reduce(BigInteger.ZERO, BigInteger::add);
        Optional<BigInteger> quorum = rows().latestReadingOfAnyArgs(governor.chainId(), governor.address(), "quorum", block)
                .map(BigInteger::new);
        // the bar: the quorum, or (none read yet) more than half of the delegated power
        BigInteger bar = quorum.orElse(total.shiftRight(1).add(BigInteger.ONE));
        List<String> delegates = new ArrayList<>();
        BigInteger sum = BigInteger.ZERO;
        for (PowerQueries.DelegatePower power : powers) {
            if (sum.compareTo(bar) >= 0 && !delegates.isEmpty()) {
                break;
            }
            delegates.add(power.delegate());
            sum = sum.add(power.power());
        }
        boolean reachable = total.signum() > 0 && sum.compareTo(bar) >= 0;
        return reachable ? new Gate.Vote(governor, delegates, votingDuration(governor, block)) : Gate.NOBODY;
    }

    private String votingDuration(Node governor, long block) {
        List<Rows.GovernorSetting> settings = store.jdbi().onDemand(GovernanceDao.class)
                .settings(governor.chainId(), governor.address(), block);
        long total = 0;
        for (String name : List.of("votingDelay", "votingPeriod")) {
            total += settings.stream().filter(setting -> setting.setting().equals(name)).reduce((a, b) -> b)
                    .map(setting -> Long.parseLong(setting.newValue())).orElse(0L);
        }
        String mode = reading(governor, "CLOCK_MODE", Long.MAX_VALUE).map(StateRead::value).orElse("mode=blocknumber");
        return total + (mode.contains("timestamp") ? " s" : " blocks") + " voting delay + period";
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
