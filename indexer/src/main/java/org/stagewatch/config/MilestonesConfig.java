package org.stagewatch.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A DAO's path of progressive decentralization (the {@code milestones:} section of config/SCHEMA.md):
 * ordered phases, and milestones each in a phase, depending on others ({@code after}) and decided by a
 * {@link MilestoneCheck}. The validator guarantees unique ids, known phases, known and acyclic
 * dependencies.
 */
public record MilestonesConfig(List<Phase> phases, List<Milestone> milestones) {
    public static final MilestonesConfig NONE = new MilestonesConfig(List.of(), List.of());

    public MilestonesConfig {
        phases = phases.stream().sorted(Comparator.comparingInt(Phase::order)).toList();
        milestones = List.copyOf(milestones);
    }

    /** @param order position on the path (phases are listed in this order) */
    public record Phase(String id, String title, int order) {
    }

    /**
     * @param after  ids of the milestones that must be achieved first
     * @param source a link to where the milestone is described (null: none)
     */
    public record Milestone(String id, String title, String phase, List<String> after, String source, MilestoneCheck check) {
        public Milestone {
            after = List.copyOf(after);
        }
    }

    public Optional<Milestone> milestone(String id) {
        return milestones.stream().filter(milestone -> milestone.id().equals(id)).findFirst();
    }

    /** Every probe check of every milestone, inside all/any too: the eth_calls the indexer reads for them. */
    @JsonIgnore
    public List<MilestoneCheck.ProbeCheck> probes() {
        List<MilestoneCheck.ProbeCheck> probes = new ArrayList<>();
        milestones.forEach(milestone -> collectProbes(milestone.check(), probes));
        return probes;
    }

    private static void collectProbes(MilestoneCheck check, List<MilestoneCheck.ProbeCheck> probes) {
        switch (check) {
            case MilestoneCheck.ProbeCheck probe -> probes.add(probe);
            case MilestoneCheck.All all -> all.checks().forEach(inner -> collectProbes(inner, probes));
            case MilestoneCheck.Any any -> any.checks().forEach(inner -> collectProbes(inner, probes));
            default -> { }
        }
    }

    @JsonIgnore
    public boolean isEmpty() {
        return milestones.isEmpty();
    }
}
