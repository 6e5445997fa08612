package org.stagewatch.analyze.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.stagewatch.project.ControlRows;
import org.stagewatch.store.BlockHeader;
import org.stagewatch.store.ControlReadDao;
import org.stagewatch.store.ControlReadings;
import org.stagewatch.store.StateRead;
import org.stagewatch.store.StateReadDao;
import org.stagewatch.store.Store;
import org.stagewatch.store.SyncDao;

/**
 * A Safe's state at a block, replayed from the store: the start-block reading (getOwners,
 * getThreshold, getModulesPaginated, VERSION) when there is one, then every change from that block
 * on. The reading already includes its own block's changes; replaying them again is harmless,
 * because each change sets a value (owner present or absent, threshold) rather than moving it.
 * Owners keep the Safe's own order: setup order, new owners first, a swapped owner in its old place.
 */
public final class SafeHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;

    public SafeHistory(Store store) {
        this.store = store;
    }

    public SafeState at(Node safe, long block) {
        StateReadDao readings = store.jdbi().onDemand(StateReadDao.class);
        Optional<StateRead> owners = readings.latest(safe.chainId(), safe.address(), ControlReadings.SAFE_OWNERS, "", block);
        List<String> ownerList = new ArrayList<>(owners.map(read -> addresses(read.value())).orElse(List.of()));
        LinkedHashSet<String> modules = new LinkedHashSet<>(owners.flatMap(read -> reading(readings, safe,
                ControlReadings.SAFE_MODULES, read.blockNumber())).map(SafeHistory::addresses).orElse(List.of()));
        int threshold = owners.flatMap(read -> reading(readings, safe, ControlReadings.SAFE_THRESHOLD, read.blockNumber()))
                .map(Integer::parseInt).orElse(0);
        String version = owners.flatMap(read -> reading(readings, safe, ControlReadings.SAFE_VERSION, read.blockNumber()))
                .filter(text -> !text.isEmpty()).orElse(null);
        String guard = null;
        String moduleGuard = null;
        List<Change> history = new ArrayList<>();
        owners.ifPresent(read -> history.add(new Change(read.blockNumber(), time(safe, read.blockNumber()), null,
                "read at start block: " + addresses(read.value()).size() + " owners")));
        long from = owners.map(StateRead::blockNumber).orElse(0L);
        List<ControlRows.SafeChange> changes = store.jdbi().onDemand(ControlReadDao.class).safeChanges(safe.chainId(), safe.address(), block);
        ControlRows.SafeChange previous = null;
        int removedAt = -1;
        for (ControlRows.SafeChange change : changes) {
            if (change.blockNumber() < from) {
                continue;
            }
            switch (change.change()) {
                case "setup" -> {
                    ownerList = new ArrayList<>(addresses(change.owners()));
                    threshold = Integer.parseInt(change.threshold());
                }
                case "owner_added" -> addOwner(ownerList, change, swapped(previous, change) ? removedAt : 0);
                case "owner_removed" -> {
                    removedAt = ownerList.indexOf(change.account());
                    ownerList.remove(change.account());
                }
                case "threshold" -> threshold = Integer.parseInt(change.threshold());
                case "module_enabled" -> modules.add(change.account());
                case "module_disabled" -> modules.remove(change.account());
                case "guard" -> guard = zeroIsNone(change.account());
                case "module_guard" -> moduleGuard = zeroIsNone(change.account());
                default -> throw new IllegalStateException("unknown safe change " + change.change());
            }
            if (version == null && change.encoding() != null) {
                version = change.encoding().equals("1.4") ? "1.4–1.5 layout" : "1.1–1.3 layout";
            }
            history.add(new Change(change.blockNumber(), time(safe, change.blockNumber()), change.txHash(), describe(change)));
            previous = change;
        }
        return new SafeState(safe, version, threshold, ownerList, List.copyOf(modules), guard, moduleGuard, history);
    }

    /** swapOwner emits RemovedOwner then AddedOwner, one log after the other: the new owner takes the old one's place. */
    private static boolean swapped(ControlRows.SafeChange previous, ControlRows.SafeChange added) {
        return previous != null && previous.change().equals("owner_removed") && previous.txHash().equals(added.txHash())
                && previous.logIndex() == added.logIndex() - 1;
    }

    private static void addOwner(List<String> owners, ControlRows.SafeChange added, int position) {
        if (!owners.contains(added.account())) {
            owners.add(Math.max(0, Math.min(position, owners.size())), added.account());
        }
    }

    private Optional<String> reading(StateReadDao readings, Node safe, String name, long block) {
        return readings.latest(safe.chainId(), safe.address(), name, "", block).filter(read -> read.blockNumber() == block)
                .map(StateRead::value);
    }

    private Long time(Node safe, long block) {
        return store.jdbi().onDemand(SyncDao.class).block(safe.chainId(), block).map(BlockHeader::timestamp).orElse(null);
    }

    private static String describe(ControlRows.SafeChange change) {
        return switch (change.change()) {
            case "setup" -> "setup: " + addresses(change.owners()).size() + " owners, threshold " + change.threshold();
            case "threshold" -> "threshold " + change.threshold();
            default -> change.change() + " " + change.account();
        };
    }

    private static String zeroIsNone(String address) {
        return address == null || address.equals(Node.ZERO) ? null : address;
    }

    static List<String> addresses(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON list of addresses: " + json, e);
        }
    }
}
