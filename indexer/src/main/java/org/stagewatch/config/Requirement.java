package org.stagewatch.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The requirements of L2BEAT's stages framework (reference/stages.md), in the order they are
 * evaluated, with the stage each belongs to and how Stagewatch can know it. The ids are L2BEAT's, as
 * the config's {@code assertions:} and {@code probes:} name them; the four proof-system transparency
 * items of Stage 1 (no red trusted setups through program hashes reproducible) are in force since
 * L2BEAT's 2025-07-29 deadline.
 */
public enum Requirement {
    CALLS_ITSELF_ROLLUP(0, "callsItselfRollup", Basis.DECLARED, "the project calls itself a rollup"),
    STATE_ROOTS_POSTED_TO_L1(0, "stateRootsPostedToL1", Basis.DECLARED, "state roots are posted to L1"),
    DATA_AVAILABILITY_ON_L1(0, "dataAvailabilityOnL1", Basis.DECLARED, "inputs of the state transition are posted to L1"),
    ROLLUP_NODE_SOURCE_AVAILABLE(0, "rollupNodeSourceAvailable", Basis.DECLARED, "the rollup node's source is available"),
    STATE_VERIFICATION_ON_L1(0, "stateVerificationOnL1", Basis.DECLARED, "a complete, working proof system is deployed"),
    FRAUD_PROOF_SYSTEM_AT_LEAST_5_OUTSIDERS(0, "fraudProofSystemAtLeast5Outsiders", Basis.DECLARED,
            "at least 5 external actors can submit fraud proofs"),
    PRINCIPLE(1, "principle", Basis.ONCHAIN_AND_DECLARED,
            "compromising ≥75% of the Security Council is the only way to block or forge L2→L1 messages with a <7d exit window"),
    USERS_CAN_EXIT_WITHOUT_COOPERATION(1, "usersCanExitWithoutCooperation", Basis.DECLARED,
            "users can exit without the permissioned operators' help"),
    USERS_HAVE_7_DAYS_TO_EXIT(1, "usersHave7DaysToExit", Basis.ONCHAIN,
            "upgrades by actors more centralized than the Security Council leave ≥7 days to exit"),
    SECURITY_COUNCIL_PROPERLY_SET_UP(1, "securityCouncilProperlySetUp", Basis.ONCHAIN_AND_DECLARED,
            "≥8 members, threshold ≥75%, ≥half outside the team, members publicly announced"),
    NO_RED_TRUSTED_SETUPS(1, "noRedTrustedSetups", Basis.DECLARED,
            "no trusted setup of the proof system is rated red"),
    PROVER_SOURCE_PUBLISHED(1, "proverSourcePublished", Basis.DECLARED, "the prover's source code is published"),
    VERIFIER_CONTRACTS_REPRODUCIBLE(1, "verifierContractsReproducible", Basis.DECLARED,
            "the on-chain verifier contracts can be rebuilt from their source"),
    PROGRAM_HASHES_REPRODUCIBLE(1, "programHashesReproducible", Basis.DECLARED,
            "the program hashes (absolute prestates) the proof system checks can be reproduced from source"),
    FRAUD_PROOF_SYSTEM_IS_PERMISSIONLESS(2, "fraudProofSystemIsPermissionless", Basis.DECLARED,
            "anyone can submit fraud proofs"),
    DELAY_WITH_30D_EXIT_WINDOW(2, "delayWith30DExitWindow", Basis.ONCHAIN,
            "upgrades unrelated to on-chain provable bugs leave ≥30 days to exit"),
    PROOF_SYSTEM_OVERRIDDEN_ONLY_IN_CASE_OF_A_BUG(2, "proofSystemOverriddenOnlyInCaseOfABug", Basis.DECLARED,
            "the Security Council may act only on on-chain provable bugs");

    /** How a requirement can be known. */
    public enum Basis {
        /** only from a probe or an assertion in the config */
        DECLARED,
        /** derived from indexed state alone; an assertion would only hide it */
        ONCHAIN,
        /** derived from indexed state, with parts that only an assertion can supply */
        ONCHAIN_AND_DECLARED
    }

    private final int stage;
    private final String id;
    private final Basis basis;
    private final String summary;

    Requirement(int stage, String id, Basis basis, String summary) {
        this.stage = stage;
        this.id = id;
        this.basis = basis;
        this.summary = summary;
    }

    public int stage() {
        return stage;
    }

    public String id() {
        return id;
    }

    public Basis basis() {
        return basis;
    }

    public String summary() {
        return summary;
    }

    public static Optional<Requirement> fromId(String id) {
        return Arrays.stream(values()).filter(requirement -> requirement.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Requirement::id).toList();
    }

    /** The ids a config may assert or probe, for messages. */
    static String declarableIds() {
        return Arrays.stream(values()).filter(requirement -> requirement.basis != Basis.ONCHAIN).map(Requirement::id)
                .collect(Collectors.joining(", "));
    }
}
