package org.stagewatch.project;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stagewatch.config.ContractKind;

/** The projector for each contract kind that has one; kinds without one keep their raw logs only. */
public final class Projectors {
    private final Map<ContractKind, Projector> byKind = new EnumMap<>(ContractKind.class);

    public Projectors(List<Projector> projectors) {
        projectors.forEach(projector -> byKind.put(projector.kind(), projector));
    }

    public static Projectors standard() {
        return new Projectors(List.of(new GovernorProjector(), new VotesTokenProjector(), new SafeProjector(),
                new TimelockProjector(), new ProxyProjector(), new OwnableProjector(), new AccessControlProjector(),
                new UpgradeExecutorProjector(), new CouncilManagerProjector()));
    }

    public Optional<Projector> forKind(ContractKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
