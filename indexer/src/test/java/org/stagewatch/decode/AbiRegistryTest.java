package org.stagewatch.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stagewatch.config.ContractKind;

class AbiRegistryTest {
    private static final AbiRegistry REGISTRY = AbiRegistry.load();

    /** topic0s quoted in shared/reference/events.md: the external truth the ABI files must hash to. */
    private static final Map<String, String> EVENTS_MD = Map.ofEntries(
            Map.entry("ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)",
                    "0x7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e0"),
            Map.entry("ProposalQueued(uint256,uint256)", "0x9a2e42fd6722813d69113e7d0079d3d940171428df7373df9c7f7617cfda2892"),
            Map.entry("ProposalExecuted(uint256)", "0x712ae1383f79ac853f8d882153778e0260ef8f03b504e2866e0593e04d2b291f"),
            Map.entry("ProposalCanceled(uint256)", "0x789cf55be980739dad1d0699b93b58e806b51c9d96619bfa8fe0a28abaa7b30c"),
            Map.entry("VoteCast(address,uint256,uint8,uint256,string)",
                    "0xb8e138887d0aa13bab447e82de9d5c1777041ecd21ca36ba824ff1e6c07ddda4"),
            Map.entry("VoteCastWithParams(address,uint256,uint8,uint256,string,bytes)",
                    "0xe2babfbac5889a709b63bb7f598b324e08bc5a4fb9ec647fb3cbc9ec07eb8712"),
            Map.entry("ProposalExtended(uint256,uint64)", "0x541f725fb9f7c98a30cc9c0ff32fbb14358cd7159c847a3aa20a2bdc442ba511"),
            Map.entry("QuorumNumeratorUpdated(uint256,uint256)",
                    "0x0553476bf02ef2726e8ce5ced78d63e26e602e4a2257b1f559418e24b4633997"),
            Map.entry("TimelockChange(address,address)", "0x08f74ea46ef7894f65eabfb5e6e695de773a000b47c529ab559178069b226401"),
            Map.entry("LateQuorumVoteExtensionSet(uint64,uint64)",
                    "0x7ca4ac117ed3cdce75c1161d8207c440389b1a15d69d096831664657c07dafc2"),
            Map.entry("VoteCast(address,uint256,bool,uint256)", "0x877856338e13f63d0c36822ff0ef736b80934cd90574a3a5bc9262c39d217c46"),
            Map.entry("ProposalCreated(uint256,address,address,bytes,uint256,uint256,string)",
                    "0xe1a17f4770769f9d77ef56dd3b92500df161f3a1704ab99aec8ccf8653cae400"),
            Map.entry("ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string,uint8)",
                    "0xc8df7ff219f3c0358e14500814d8b62b443a4bebf3a596baa60b9295b1cf1bde"),
            Map.entry("ProposalCreated(uint256,address,address,bytes,uint256,uint256,string,uint8)",
                    "0x505ee268ba7fa7dab901965f6c2eae1ca9a1199856dd0d4147302feb4000d82f"),
            Map.entry("DelegateChanged(address,address,address)", "0x3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f"),
            Map.entry("DelegateVotesChanged(address,uint256,uint256)",
                    "0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724"),
            Map.entry("Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"),
            Map.entry("AddedOwner(address)", "0x9465fa0c962cc76958e6373a993326400c1c94f8be2fe3a952adfa7f60b2ea26"),
            Map.entry("RemovedOwner(address)", "0xf8d49fc529812e9a7c5c50e69c20f0dccc0db8fa95c98bc58cc9a4f1c1299eaf"),
            Map.entry("ChangedThreshold(uint256)", "0x610f7ff2b304ae8903c3de74c60c6ab1f7d6226b3f52c5161905bb5ad4039c93"),
            Map.entry("SafeSetup(address,address[],uint256,address,address)",
                    "0x141df868a6331af528e38c83b7aa03edc19be66e37ae67f9285bf4f8e3c6a1a8"),
            Map.entry("EnabledModule(address)", "0xecdf3a3effea5783a3c4c2140e677577666428d44ed9d474a0b3a4c9943f8440"),
            Map.entry("DisabledModule(address)", "0xaab4fa2b463f581b2b32cb3b7e3b704b9ce37cc209b5fb4d77e593ace4054276"),
            Map.entry("ChangedGuard(address)", "0x1151116914515bc0891ff9047a6cb32cf902546f83066499bcf8ba33d2353fa2"),
            Map.entry("ExecutionSuccess(bytes32,uint256)", "0x442e715f626346e8c54381002da614f62bee8d27386535b2521ec8540898556e"),
            Map.entry("CallScheduled(bytes32,uint256,address,uint256,bytes,bytes32,uint256)",
                    "0x4cf4410cc57040e44862ef0f45f3dd5a5e02db8eb8add648d4b0e236f1d07dca"),
            Map.entry("CallExecuted(bytes32,uint256,address,uint256,bytes)",
                    "0xc2617efa69bab66782fa219543714338489c4e9e178271560a91b82c3f612b58"),
            Map.entry("Cancelled(bytes32)", "0xbaa1eb22f2a492ba1a5fea61b8df4d27c6c8b5f3971e63bb58fa14ff72eedb70"),
            Map.entry("MinDelayChange(uint256,uint256)", "0x11c24f4ead16507c69ac467fbd5e4eed5fb5c699626d2cc6d66421df253886d5"),
            Map.entry("Upgraded(address)", "0xbc7cd75a20ee27fd9adebab32041f755214dbc6bffa90cc0225b39da2e5c2d3b"),
            Map.entry("AdminChanged(address,address)", "0x7e644d79422f17c01e4894b5f4f588d331ebfa28653d42ae832dc59e38c9798f"),
            Map.entry("BeaconUpgraded(address)", "0x1cf3b03a6cf19fa2baba4df148e9dcabedea7f8a5c07840e207e5c089be95d3e"),
            Map.entry("OwnershipTransferred(address,address)", "0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0"),
            Map.entry("RoleGranted(bytes32,address,address)", "0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d"),
            Map.entry("RoleRevoked(bytes32,address,address)", "0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b"),
            Map.entry("RoleAdminChanged(bytes32,bytes32,bytes32)", "0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff"),
            Map.entry("UpgradeExecuted(address,uint256,bytes)", "0x49f6851d1cd01a518db5bdea5cffbbe90276baa2595f74250b7472b96806302e"),
            Map.entry("TargetCallExecuted(address,uint256,bytes)", "0x4d7dbdcc249630ec373f584267f10abf44938de920c32562f5aee93959c25258"),
            Map.entry("MemberAdded(address,uint8)", "0xf833c29297cb62e4d5e38257097ec5d6575967915f151215dd8fc03f8f548ce8"),
            Map.entry("MemberRemoved(address,uint8)", "0xcdb539c2ca5d882daa8ece3f0ee4a67d0622ab2821dfa1e20c58de079db232b4"),
            Map.entry("MemberReplaced(address,address,uint8)", "0x89ccdb5f09b32bde0f554abe57fe1752d09aa2cad4a43fa9a48b1d1f153a975f"),
            Map.entry("MemberRotated(address,address,uint8)", "0xd472135fb76619bc8ce55016956e8ebc668347e5010fddcfdc76c13e23353c8c"),
            Map.entry("CohortReplaced(address[],uint8)", "0xd5e8716d6660a059b6c8a80f6cc297286cdb3ea2e4c5f6ba24544068d164cadb"),
            Map.entry("SecurityCouncilAdded(address,address,uint256)",
                    "0x1fb036a9ae4b15f2a623a7e54c2bcf8d6d3e2e29a80c73ca472ad00d812ac147"),
            Map.entry("SecurityCouncilRemoved(address,address,uint256)",
                    "0x1c2d9d3629f98c70662355f889a352a32e95cf1871476a177bae42fa6817465b"));

    @Test
    void every_topic0_quoted_in_events_md_is_the_hash_of_an_abi_file_signature() {
        List<AbiEvent> all = new ArrayList<>();
        for (ContractKind kind : ContractKind.values()) {
            all.addAll(REGISTRY.events(kind));
        }
        EVENTS_MD.forEach((signature, topic0) -> assertThat(all)
                .as(signature)
                .filteredOn(event -> event.signature().equals(signature))
                .isNotEmpty()
                .allSatisfy(event -> assertThat(event.topic0()).isEqualTo(topic0)));
    }

    @Test
    void every_kind_has_events_and_topic0s_to_request() {
        for (ContractKind kind : ContractKind.values()) {
            assertThat(REGISTRY.topic0s(kind)).as(kind.configName()).isNotEmpty()
                    .allSatisfy(topic -> assertThat(topic).matches("0x[0-9a-f]{64}"));
        }
    }

    @Test
    void safe_keeps_both_encodings_of_a_shared_topic0_apart_by_topic_count() {
        String addedOwner = EVENTS_MD.get("AddedOwner(address)");
        assertThat(REGISTRY.find(ContractKind.SAFE, addedOwner, 1)).get()
                .extracting(AbiEvent::source).isEqualTo("safe-v1.3");
        assertThat(REGISTRY.find(ContractKind.SAFE, addedOwner, 2)).get()
                .extracting(AbiEvent::source).isEqualTo("safe-v1.4");
        assertThat(REGISTRY.topic0s(ContractKind.SAFE)).containsOnlyOnce(addedOwner);
    }

    @Test
    void governor_topic0s_cover_every_proposal_created_variant_and_not_other_kinds_events() {
        assertThat(REGISTRY.topic0s(ContractKind.GOVERNOR))
                .contains(EVENTS_MD.get("ProposalCreated(uint256,address,address,bytes,uint256,uint256,string)"),
                        EVENTS_MD.get("ProposalCreated(uint256,address,address,bytes,uint256,uint256,string,uint8)"),
                        EVENTS_MD.get("VoteCast(address,uint256,bool,uint256)"))
                .doesNotContain(EVENTS_MD.get("RemovedOwner(address)"), EVENTS_MD.get("Transfer(address,address,uint256)"));
    }

    @Test
    void two_layouts_under_one_topic0_and_topic_count_are_refused() throws Exception {
        var json = new ObjectMapper().readTree("""
                [{"type":"event","name":"RemovedOwner","anonymous":false,
                  "inputs":[{"name":"owner","type":"address","indexed":true}]}]""");
        var liveness = AbiJson.parse(ContractKind.SAFE, "liveness", json);
        var otherFlags = new ObjectMapper().readTree("""
                [{"type":"event","name":"RemovedOwner","anonymous":false,
                  "inputs":[{"name":"owner","type":"address","indexed":false}]}]""");
        var safe13 = AbiJson.parse(ContractKind.SAFE, "safe-v1.3", otherFlags);
        // Same topic0 but different counts: fine.
        assertThat(new AbiRegistry(concat(liveness, safe13)).events(ContractKind.SAFE)).hasSize(2);
        var bogus = new ObjectMapper().readTree("""
                [{"type":"event","name":"Mixed","anonymous":false,
                  "inputs":[{"name":"a","type":"address","indexed":true},{"name":"b","type":"uint256","indexed":false}]},
                 {"type":"event","name":"Mixed","anonymous":false,
                  "inputs":[{"name":"a","type":"address","indexed":false},{"name":"b","type":"uint256","indexed":true}]}]""");
        assertThatThrownBy(() -> new AbiRegistry(AbiJson.parse(ContractKind.SAFE, "bogus", bogus)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Mixed(address,uint256)").hasMessageContaining("lay out");
    }

    @Test
    void an_abi_with_a_type_the_decoder_cannot_check_is_refused_at_load() throws Exception {
        var tuple = new ObjectMapper().readTree("""
                [{"type":"event","name":"Packed","anonymous":false,
                  "inputs":[{"name":"t","type":"tuple","indexed":false}]}]""");
        assertThatThrownBy(() -> AbiJson.parse(ContractKind.GOVERNOR, "odd", tuple))
                .hasMessageContaining("abi/governor/odd.json").hasMessageContaining("tuple");
    }

    private static List<AbiEvent> concat(List<AbiEvent> a, List<AbiEvent> b) {
        List<AbiEvent> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
