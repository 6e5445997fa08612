package org.stagewatch.analyze.milestones;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.stagewatch.analyze.stage.StageVerdict;
import org.stagewatch.config.MilestoneCheck;

/** Facts set by hand, for the rules' tests: chain "eth" is chain 1 at block 100, "l2" chain 10 at block 50. */
final class FakeFacts implements MilestoneFacts {
    StageVerdict stage = new StageVerdict(null, null, "n/a", 0, List.of(), List.of());
    final Map<String, Optional<List<ScopedPermission>>> permissions = new HashMap<>();
    List<ScopedPermission> critical = new ArrayList<>();
    final Map<String, String> owners = new HashMap<>();
    /** Contracts whose "owner" is their EIP-1967 admin (a proxy, or another kind declared behind one). */
    final Set<String> administered = new HashSet<>();
    final Map<String, Set<String>> roles = new HashMap<>();
    final Map<String, BigDecimal> metrics = new HashMap<>();
    final Map<String, Long> activity = new HashMap<>();
    final Map<String, String> probes = new HashMap<>();

    @Override
    public StageVerdict stage() {
        return stage;
    }

    @Override
    public long chainId(String chainKey) {
        return chainKey.equals("eth") ? 1 : 10;
    }

    @Override
    public long block(long chainId) {
        return chainId == 1 ? 100 : 50;
    }

    @Override
    public String label(long chainId, String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<List<ScopedPermission>> permissions(MilestoneCheck.RouteCheck scope) {
        return scope.address() == null ? Optional.of(critical) : permissions.getOrDefault(scope.address().toLowerCase(Locale.ROOT), Optional.empty());
    }

    @Override
    public Optional<Reading<String>> owner(long chainId, String address) {
        return Optional.ofNullable(owners.get(address.toLowerCase(Locale.ROOT))).map(owner -> new Reading<>(owner, chainId, address, block(chainId)));
    }

    @Override
    public boolean readsAdmin(long chainId, String address) {
        return administered.contains(address.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<Reading<Set<String>>> roleHolders(long chainId, String address, String role) {
        return Optional.ofNullable(roles.get(role)).map(holders -> new Reading<>(holders, chainId, address, block(chainId)));
    }

    @Override
    public Optional<Reading<BigDecimal>> metric(String name) {
        return Optional.ofNullable(metrics.get(name)).map(value -> new Reading<>(value, 1, "0xtoken", 100));
    }

    @Override
    public Optional<Reading<Long>> activity(String count, Long windowDays) {
        return Optional.ofNullable(activity.get(count + "/" + windowDays)).map(value -> new Reading<>(value, 1, "0xgovernor", 100));
    }

    @Override
    public Optional<Reading<String>> probe(MilestoneCheck.ProbeCheck probe) {
        return Optional.ofNullable(probes.get(probe.call())).map(value -> new Reading<>(value, 1, probe.address(), 90));
    }
}
