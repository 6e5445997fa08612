// Records the decoder's unit-test fixtures: deploys real contracts (OpenZeppelin 5, GnosisSafeL2
// 1.3.0, Safe 1.4.1, and the event fixtures in ../solidity/fixtures) on a fresh anvil node, drives
// them with real transactions, and writes each emitter's logs as eth_getLogs returned them.
//
//   cd contracts-abi/fixtures-recorder && npm ci && node record.mjs ../../indexer/src/test/resources/logs

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startAnvil, useRpc, rpc, compile, deploy, send, call, calldata, abiEncode, keccak, list, strings,
  mine, advanceTime, blockNumber, artifact, execSafe, SENTINEL, ZERO,
} from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(process.argv[2] ?? join(here, '../../indexer/src/test/resources/logs'));
const recordings = {}; // file name -> addresses whose logs go in it

const anvil = await startAnvil();
try {
  useRpc(anvil.url);
  const [deployer, alice, bob, carol, dave, erin, frank, ...others] = await rpc('eth_accounts');
  const c = compile(join(here, '../solidity/fixtures'), ['OzFixtures.sol', 'EventFixtures.sol']);
  const ctx = { c, deployer, alice, bob, carol, dave, erin, frank, others };

  await votesTokenAndGovernor(ctx);
  await proxiesOwnershipRoles(ctx);
  await safe(ctx, '1.3', artifactsV13());
  await safe(ctx, '1.4', artifactsV14());
  await agora(ctx);
  await bravoAlphaV4(ctx);
  await compoundTimelock(ctx);
  await arbitrum(ctx);

  mkdirSync(outDir, { recursive: true });
  for (const [file, addresses] of Object.entries(recordings)) {
    const logs = await rpc('eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest', address: addresses }]);
    writeFileSync(join(outDir, file), JSON.stringify(logs, null, 2) + '\n');
    console.log(`${file}: ${logs.length} logs`);
  }
} finally {
  anvil.stop();
}

function record(file, ...addresses) {
  (recordings[file] ??= []).push(...addresses);
}

/** ERC20Votes delegation traps, then an OZ 5 governor proposal through a TimelockController. */
async function votesTokenAndGovernor({ c, deployer, alice, bob, carol, dave }) {
  const token = await deploy(deployer, c.FixtureVotesToken.bytecode);
  const e18 = (n) => BigInt(n) * 10n ** 18n;
  for (const [to, amount] of [[alice, e18(2_000_000)], [bob, e18(1_000_000)], [carol, e18(500_000)]]) {
    await send(deployer, token, calldata('transfer(address,uint256)', to, amount), 'transfer');
  }
  const delegate = (from, to) => send(from, token, calldata('delegate(address)', to), 'delegate');
  await delegate(alice, alice);
  await delegate(bob, alice);
  await delegate(carol, carol);
  await delegate(bob, carol); // redelegation: two DelegateVotesChanged
  await delegate(carol, carol); // no-op: DelegateChanged(carol, carol, carol) and no votes change
  await send(alice, token, calldata('transfer(address,uint256)', dave, e18(100_000)), 'transfer to dave');
  await delegate(dave, dave);
  const nft = await deploy(deployer, c.FixtureNft.bytecode);
  await send(deployer, nft, calldata('mint(address,uint256)', alice, 7), 'nft mint');
  record('votes-token.json', token);
  record('erc721-transfer.json', nft);

  const timelockCtor = 'uint256,address[],address[],address';
  const timelock = await deploy(deployer, c.TimelockController.bytecode, timelockCtor, 60, '[]', list([ZERO]), deployer);
  const nextTimelock = await deploy(deployer, c.TimelockController.bytecode, timelockCtor, 60, list([deployer]), list([ZERO]), ZERO);
  const governor = await deploy(deployer, c.FixtureGovernor.bytecode, 'address,address', token, timelock);
  const role = (name) => keccak(name);
  await send(deployer, timelock, calldata('grantRole(bytes32,address)', role('PROPOSER_ROLE'), governor), 'grant proposer');
  await send(deployer, timelock, calldata('grantRole(bytes32,address)', role('CANCELLER_ROLE'), governor), 'grant canceller');
  await send(deployer, timelock, calldata('renounceRole(bytes32,address)', '0x' + '0'.repeat(64), deployer), 'renounce admin');

  // Proposal 1 changes every setting, then moves to the next timelock (last: later calls need the old one).
  const calls = [
    calldata('setVotingDelay(uint48)', 2), calldata('setVotingPeriod(uint32)', 30),
    calldata('setProposalThreshold(uint256)', e18(1000)), calldata('updateQuorumNumerator(uint256)', 5),
    calldata('setLateQuorumVoteExtension(uint48)', 10), calldata('updateTimelock(address)', nextTimelock),
  ];
  const targets = list(calls.map(() => governor));
  const values = list(calls.map(() => 0));
  const description = '# Tune governance settings\n\nRaise quorum to 5% and move to the new timelock.';
  const propose = calldata('propose(address[],uint256[],bytes[],string)', targets, values, list(calls), description);
  await send(alice, governor, propose, 'propose 1');
  const id = BigInt(await call(governor, calldata('hashProposal(address[],uint256[],bytes[],bytes32)', targets, values,
    list(calls), keccak(description))));
  await mine(1);
  await send(dave, governor, calldata('castVoteWithReason(uint256,uint8,string)', id, 1, 'Small holder in favour'), 'dave votes');
  const deadline = Number(BigInt(await call(governor, calldata('proposalDeadline(uint256)', id))));
  await mine(deadline - (await blockNumber()) - 2);
  // Fractional vote (support 255): params = uint128 against, for, abstain. Reaches quorum late: ProposalExtended.
  const params = '0x' + [e18(100_000), e18(1_700_000), e18(100_000)].map((v) => v.toString(16).padStart(32, '0')).join('');
  await send(alice, governor, calldata('castVoteWithReasonAndParams(uint256,uint8,string,bytes)', id, 255,
    'Split: mostly for', params), 'alice votes fractionally');
  await send(carol, governor, calldata('castVote(uint256,uint8)', id, 0), 'carol votes against');
  const extended = Number(BigInt(await call(governor, calldata('proposalDeadline(uint256)', id))));
  await mine(extended - (await blockNumber()) + 1);
  await send(alice, governor, calldata('queue(address[],uint256[],bytes[],bytes32)', targets, values, list(calls),
    keccak(description)), 'queue');
  await advanceTime(61);
  await send(alice, governor, calldata('execute(address[],uint256[],bytes[],bytes32)', targets, values, list(calls),
    keccak(description)), 'execute');

  // Proposal 2: cancelled by its proposer while pending.
  const description2 = 'Send 1 FGT to carol';
  const calls2 = [calldata('transfer(address,uint256)', carol, e18(1))];
  await send(alice, governor, calldata('propose(address[],uint256[],bytes[],string)', list([token]), '[0]', list(calls2),
    description2), 'propose 2');
  await send(alice, governor, calldata('cancel(address[],uint256[],bytes[],bytes32)', list([token]), '[0]', list(calls2),
    keccak(description2)), 'cancel 2');

  // The next timelock, driven directly: schedule + cancel, then a self-call that changes the delay.
  const schedule = 'schedule(address,uint256,bytes,bytes32,bytes32,uint256)';
  const zero32 = '0x' + '0'.repeat(64);
  const salt = keccak('stagewatch-fixture');
  await send(deployer, nextTimelock, calldata(schedule, token, 0, calls2[0], zero32, salt, 60), 'tl schedule');
  const opId = await call(nextTimelock, calldata('hashOperation(address,uint256,bytes,bytes32,bytes32)', token, 0,
    calls2[0], zero32, salt));
  await send(deployer, nextTimelock, calldata('cancel(bytes32)', opId), 'tl cancel');
  const updateDelay = calldata('updateDelay(uint256)', 120);
  await send(deployer, nextTimelock, calldata(schedule, nextTimelock, 0, updateDelay, zero32, zero32, 60), 'tl schedule delay');
  await advanceTime(61);
  await send(deployer, nextTimelock, calldata('execute(address,uint256,bytes,bytes32,bytes32)', nextTimelock, 0,
    updateDelay, zero32, zero32), 'tl execute delay');
  record('governor-oz-v5.json', governor);
  record('timelock-oz.json', timelock, nextTimelock);
}

/** EIP-1967 transparent and beacon proxies, ProxyAdmin and Ownable2Step ownership, AccessControl roles. */
async function proxiesOwnershipRoles({ c, deployer, alice, bob, carol }) {
  const v1 = await deploy(deployer, c.FixtureImplV1.bytecode);
  const v2 = await deploy(deployer, c.FixtureImplV2.bytecode);
  const init = calldata('initialize(uint256)', 1);
  const proxy = await deploy(deployer, c.TransparentUpgradeableProxy.bytecode, 'address,address,bytes', v1, deployer, init);
  const adminSlot = '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103';
  const proxyAdmin = '0x' + (await rpc('eth_getStorageAt', [proxy, adminSlot, 'latest'])).slice(-40);
  await send(deployer, proxyAdmin, calldata('upgradeAndCall(address,address,bytes)', proxy, v2, '0x'), 'upgrade');
  await send(deployer, proxyAdmin, calldata('transferOwnership(address)', alice), 'proxy admin ownership');
  const beacon = await deploy(deployer, c.UpgradeableBeacon.bytecode, 'address,address', v1, deployer);
  const beaconProxy = await deploy(deployer, c.BeaconProxy.bytecode, 'address,bytes', beacon, init);
  await send(deployer, beacon, calldata('upgradeTo(address)', v2), 'beacon upgrade');
  const uups = await deploy(deployer, c.ERC1967Proxy.bytecode, 'address,bytes', v1, init);
  record('proxy.json', proxy, beaconProxy, uups);

  const owned = await deploy(deployer, c.FixtureOwned.bytecode, 'address', deployer);
  await send(deployer, owned, calldata('transferOwnership(address)', bob), 'start transfer');
  await send(bob, owned, calldata('acceptOwnership()'), 'accept ownership');
  record('ownable.json', proxyAdmin, beacon, owned);

  const roles = await deploy(deployer, c.FixtureRoles.bytecode, 'address', deployer);
  const operator = keccak('OPERATOR_ROLE');
  const guardian = keccak('GUARDIAN_ROLE');
  await send(deployer, roles, calldata('grantRole(bytes32,address)', operator, alice), 'grant operator');
  await send(deployer, roles, calldata('grantRole(bytes32,address)', guardian, bob), 'grant guardian');
  await send(deployer, roles, calldata('setRoleAdmin(bytes32,bytes32)', operator, guardian), 'role admin');
  await send(bob, roles, calldata('grantRole(bytes32,address)', operator, carol), 'guardian grants operator');
  await send(bob, roles, calldata('revokeRole(bytes32,address)', operator, alice), 'guardian revokes operator');
  await send(carol, roles, calldata('renounceRole(bytes32,address)', operator, carol), 'renounce operator');
  record('access-control.json', roles);
}

function artifactsV13() {
  const pkg = '@gnosis.pm/safe-contracts';
  const a = (p) => artifact(pkg, `build/artifacts/contracts/${p}`);
  return {
    singleton: a('GnosisSafeL2.sol/GnosisSafeL2.json'),
    factory: a('proxies/GnosisSafeProxyFactory.sol/GnosisSafeProxyFactory.json'),
    handler: a('handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json'),
    guard: a('examples/guards/DelegateCallTransactionGuard.sol/DelegateCallTransactionGuard.json'),
  };
}

function artifactsV14() {
  const pkg = '@safe-global/safe-contracts';
  const a = (p) => artifact(pkg, `build/artifacts/contracts/${p}`);
  return {
    singleton: a('Safe.sol/Safe.json'),
    factory: a('proxies/SafeProxyFactory.sol/SafeProxyFactory.json'),
    handler: a('handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json'),
    guard: a('examples/guards/DelegateCallTransactionGuard.sol/DelegateCallTransactionGuard.json'),
  };
}

/**
 * A 2-of-3 Safe created through the real proxy factory, then owner-signed Safe transactions for
 * every configuration change, module executions and a failed execution. Same script for both
 * versions, so the two recordings differ only in how each version encodes its events.
 */
async function safe({ deployer, alice, bob, carol, dave, erin }, version, art) {
  const singleton = await deploy(deployer, art.singleton.bytecode);
  const factory = await deploy(deployer, art.factory.bytecode);
  const handler = await deploy(deployer, art.handler.bytecode);
  const setup = calldata('setup(address[],uint256,address,bytes,address,address,uint256,address)',
    list([alice, bob, carol]), 2, ZERO, '0x', handler, ZERO, 0, ZERO);
  const created = await send(deployer, factory, calldata('createProxyWithNonce(address,bytes,uint256)', singleton,
    setup, 7), `create safe ${version}`);
  const creation = created.logs.find((l) => l.address.toLowerCase() === factory.toLowerCase());
  const safe = '0x' + (creation.topics.length > 1 ? creation.topics[1] : creation.data.slice(0, 66)).slice(-40);
  const guard = await deploy(deployer, art.guard.bytecode, 'address', ZERO);
  const self = (data, signers, options) => execSafe(safe, signers, safe, data, options);

  await self(calldata('addOwnerWithThreshold(address,uint256)', dave, 3), [alice, bob]);
  const owners = decodeAddressArray(await call(safe, calldata('getOwners()')));
  const prev = owners[owners.indexOf(carol.toLowerCase()) - 1] ?? SENTINEL;
  await self(calldata('removeOwner(address,address,uint256)', prev, carol, 2), [alice, bob, dave]);
  await self(calldata('changeThreshold(uint256)', 1), [alice, bob]);
  await self(calldata('enableModule(address)', erin), [alice]);
  await send(erin, safe, calldata('execTransactionFromModule(address,uint256,bytes,uint8)', alice, 0, '0x', 0), 'module call');
  // The Safe's own changeThreshold(0) reverts inside: ExecutionFromModuleFailure, not a revert.
  await send(erin, safe, calldata('execTransactionFromModule(address,uint256,bytes,uint8)', safe, 0,
    calldata('changeThreshold(uint256)', 0), 0), 'failing module call');
  await self(calldata('disableModule(address,address)', SENTINEL, erin), [alice]);
  await self(calldata('setGuard(address)', guard), [alice]);
  await self(calldata('setGuard(address)', ZERO), [bob]);
  // With safeTxGas set, a reverting inner call is recorded as ExecutionFailure instead of reverting.
  await self(calldata('changeThreshold(uint256)', 0), [alice], { safeTxGas: 100000 });
  record(`safe-v${version}.json`, safe);
}

/** Decodes an eth_call returning address[] (a single dynamic array). */
function decodeAddressArray(encoded) {
  const words = encoded.slice(2).match(/.{64}/g);
  const n = Number(BigInt('0x' + words[1]));
  return words.slice(2, 2 + n).map((w) => '0x' + w.slice(24));
}

/** Optimism/Agora governor: ProposalCreated variants A–D, legacy D, deadline and type edits, votable supply. */
async function agora({ c, deployer, alice, bob, carol, others }) {
  const gov = await deploy(deployer, c.AgoraGovernorFixture.bytecode);
  const legacy = await deploy(deployer, c.AgoraLegacyGovernorFixture.bytecode);
  const oracle = await deploy(deployer, c.VotableSupplyOracleFixture.bytecode);
  const opToken = '0x4200000000000000000000000000000000000042';
  const approvalModule = '0xdd0229d72a414dc821dec66f3cc4ef6db2c7b7df';
  const optimisticModule = '0x27964c5f4f389b8399036e1076d84c6984576c33';
  const transfer = calldata('transfer(address,uint256)', bob, 10n ** 24n);
  // ApprovalVotingModule proposalData: (ProposalOption[] options, ProposalSettings settings)
  const approvalData = abiEncode('f((uint256,address[],uint256[],bytes[],string)[],(uint8,uint8,address,uint128))',
    `[(0,[${opToken}],[0],[${transfer}],"Grant to builders"),(0,[${opToken}],[0],[${calldata('transfer(address,uint256)', carol, 5n * 10n ** 23n)}],"Grant to auditors")]`,
    `(1,0,${opToken},0)`);
  // OptimisticModule proposalData: (uint248 againstThreshold, bool isRelativeToVotableSupply)
  const optimisticData = abiEncode('f(uint248,bool)', 2000, true);

  await send(alice, gov, calldata('proposeA(address[],uint256[],bytes[],string)', list([opToken]), '[0]',
    list([transfer]), 'Governance Fund grant: 1M OP to bob'), 'agora A');
  await send(alice, gov, calldata('proposeB(address,bytes,string)', approvalModule, approvalData,
    'Season 6 grants council: approval vote'), 'agora B');
  await send(alice, gov, calldata('proposeC(address[],uint256[],bytes[],string,uint8)', list([opToken]), '[0]',
    list([transfer]), 'Protocol upgrade 9: fault proofs', 3), 'agora C');
  await send(alice, gov, calldata('proposeD(address,bytes,string,uint8)', optimisticModule, optimisticData,
    'Optimistic: Code of Conduct renewal', 4), 'agora D');
  await send(alice, legacy, calldata('proposeWithModule(address,bytes,string,uint8)', approvalModule, approvalData,
    'Citizens House budget (legacy event)', 2), 'agora D legacy');
  const idA = 77n;
  await send(bob, gov, calldata('castVoteWithReasonAndParams(uint256,uint8,uint256,string,bytes)', idA, 1,
    3n * 10n ** 24n, 'Supporting builders', '0x'), 'agora vote');
  await send(carol, gov, calldata('castVoteWithReasonAndParams(uint256,uint8,uint256,string,bytes)', idA, 1,
    12n * 10n ** 23n, 'Options 0 and 1', abiEncode('f(uint256[])', '[0,1]')), 'agora approval vote');
  await send(deployer, gov, calldata('setProposalDeadline(uint256,uint64)', idA, 120_000_000), 'deadline');
  await send(deployer, gov, calldata('editProposalType(uint256,uint8)', idA, 1), 'type');
  await send(deployer, gov, calldata('lifecycle(uint256,uint256)', idA, 1_735_689_600), 'queue+execute');
  await send(deployer, gov, calldata('cancel(uint256)', idA + 1n), 'cancel');
  await send(deployer, oracle, calldata('_updateVotableSupply(uint256)', 85n * 10n ** 25n), 'votable 1');
  await send(deployer, oracle, calldata('_updateVotableSupply(uint256)', 86n * 10n ** 25n), 'votable 2');
  await send(deployer, oracle, calldata('_updateVotableSupplyAt(uint256,uint256)', 0, 84n * 10n ** 25n), 'votable at');
  record('governor-agora.json', gov);
  record('governor-agora-legacy.json', legacy);
  record('votable-supply.json', oracle);
}

/** GovernorBravo (uint8 support, reason) and GovernorAlpha (bool support), plus OZ 4.x event names. */
async function bravoAlphaV4({ c, deployer, alice, bob, carol }) {
  const compTimelock = '0x6d903f6003cca6255d85cca4d3b5e5146dc33925';
  const bravo = await deploy(deployer, c.GovernorBravoFixture.bytecode);
  const args = [list([compTimelock, '0xc00e94cb662c3520282e6f5717214004a7f26888']), '[0,0]',
    strings(['_setPendingAdmin(address)', 'transfer(address,uint256)']),
    list([abiEncode('f(address)', alice), abiEncode('f(address,uint256)', bob, 10n ** 22n)])];
  await send(alice, bravo, calldata('propose(address[],uint256[],string[],bytes[],string)', ...args,
    '# Proposal 42: grant and admin change'), 'bravo propose');
  await send(alice, bravo, calldata('castVoteWithReason(uint256,uint8,uint256,string)', 42, 1, 400_000n * 10n ** 18n,
    'For the community multisig'), 'bravo for');
  await send(bob, bravo, calldata('castVoteWithReason(uint256,uint8,uint256,string)', 42, 0, 35_000n * 10n ** 18n, ''), 'bravo against');
  await send(carol, bravo, calldata('castVoteWithReason(uint256,uint8,uint256,string)', 42, 2, 1_000n * 10n ** 18n,
    'abstain: conflicted'), 'bravo abstain');
  await send(deployer, bravo, calldata('queue(uint256)', 42), 'bravo queue');
  await send(deployer, bravo, calldata('execute(uint256)', 42), 'bravo execute');
  await send(deployer, bravo, calldata('cancel(uint256)', 41), 'bravo cancel');
  await send(deployer, bravo, calldata('_setVotingDelay(uint256)', 13141), 'bravo delay');
  await send(deployer, bravo, calldata('_setVotingPeriod(uint256)', 21600), 'bravo period');
  await send(deployer, bravo, calldata('_setProposalThreshold(uint256)', 15_000n * 10n ** 18n), 'bravo threshold');
  record('governor-bravo.json', bravo);

  const alpha = await deploy(deployer, c.GovernorAlphaFixture.bytecode);
  await send(alice, alpha, calldata('propose(address[],uint256[],string[],bytes[],string)', list([compTimelock]), '[0]',
    strings(['setDelay(uint256)']), list([abiEncode('f(uint256)', 172800)]), 'Set timelock delay to 2 days'), 'alpha propose');
  await send(alice, alpha, calldata('castVote(uint256,bool,uint256)', 1, true, 500_000n * 10n ** 18n), 'alpha yes');
  await send(bob, alpha, calldata('castVote(uint256,bool,uint256)', 1, false, 20_000n * 10n ** 18n), 'alpha no');
  await send(deployer, alpha, calldata('queue(uint256)', 1), 'alpha queue');
  await send(deployer, alpha, calldata('execute(uint256)', 1), 'alpha execute');
  await send(deployer, alpha, calldata('cancel(uint256)', 2), 'alpha cancel');
  record('governor-alpha.json', alpha);

  const v4 = await deploy(deployer, c.GovernorV4Fixture.bytecode);
  const arbTreasury = '0xf3fc178157fb3c87548baa86f9d24ba38e649b58';
  await send(alice, v4, calldata('replay(address,address[],uint256[],bytes[],string,uint256)',
    '0x34d45e99f7d8c45ed05b5ca72d54bbd1fb3f98f0', list([arbTreasury]), '[0]',
    list([calldata('transfer(address,uint256)', bob, 10n ** 24n)]), 'AIP-1.1: lockup, budget, transparency',
    150_000_000n * 10n ** 18n), 'v4 replay');
  record('governor-oz-v4.json', v4);
}

/** Compound Timelock: queue, cancel, execute a self-call to setDelay, admin handover. */
async function compoundTimelock({ c, deployer, alice }) {
  const delay = 172800;
  const tl = await deploy(deployer, c.CompoundTimelockFixture.bytecode, 'address,uint256', deployer, delay);
  const now = Number(BigInt((await rpc('eth_getBlockByNumber', ['latest', false])).timestamp));
  const eta = now + delay + 600;
  const setDelayArgs = abiEncode('f(uint256)', 259200);
  const q = 'queueTransaction(address,uint256,string,bytes,uint256)';
  await send(deployer, tl, calldata(q, tl, 0, 'setDelay(uint256)', setDelayArgs, eta), 'queue setDelay');
  const grant = abiEncode('f(address,uint256)', alice, 10n ** 21n);
  await send(deployer, tl, calldata(q, '0xc00e94cb662c3520282e6f5717214004a7f26888', 0, 'transfer(address,uint256)', grant, eta), 'queue grant');
  await send(deployer, tl, calldata('cancelTransaction(address,uint256,string,bytes,uint256)',
    '0xc00e94cb662c3520282e6f5717214004a7f26888', 0, 'transfer(address,uint256)', grant, eta), 'cancel grant');
  await advanceTime(delay + 601);
  await send(deployer, tl, calldata('executeTransaction(address,uint256,string,bytes,uint256)', tl, 0,
    'setDelay(uint256)', setDelayArgs, eta), 'execute setDelay');
  await send(deployer, tl, calldata('setPendingAdmin(address)', alice), 'pending admin');
  await send(alice, tl, calldata('acceptAdmin()'), 'accept admin');
  record('timelock-compound.json', tl);
}

/** Arbitrum: UpgradeExecutor (roles, delegatecalled upgrade, target call) and SecurityCouncilManager. */
async function arbitrum({ c, deployer, alice, bob, carol, dave, erin, frank, others }) {
  const executor = await deploy(deployer, c.UpgradeExecutorFixture.bytecode, 'address,address[]', deployer, list([alice]));
  const action = await deploy(deployer, c.NoopUpgradeActionFixture.bytecode);
  await send(alice, executor, calldata('execute(address,bytes)', action, calldata('perform(uint256)', 1)), 'execute upgrade');
  await send(alice, executor, calldata('executeCall(address,bytes)', action, calldata('perform(uint256)', 2)), 'execute call');
  await send(deployer, executor, calldata('grantRole(bytes32,address)', keccak('EXECUTOR_ROLE'), bob), 'grant executor');
  await send(deployer, executor, calldata('revokeRole(bytes32,address)', keccak('EXECUTOR_ROLE'), alice), 'revoke executor');
  record('upgrade-executor.json', executor);

  const manager = await deploy(deployer, c.SecurityCouncilManagerFixture.bytecode, 'address', deployer);
  const first = [alice, bob, carol, dave, erin, frank];
  const second = others.slice(0, 6);
  await send(deployer, manager, calldata('replaceCohort(address[],uint8)', list(first), 0), 'cohort 0');
  await send(deployer, manager, calldata('replaceCohort(address[],uint8)', list(second), 1), 'cohort 1');
  await send(deployer, manager, calldata('removeMember(address)', frank), 'remove');
  await send(deployer, manager, calldata('addMember(address,uint8)', others[6], 0), 'add');
  await send(deployer, manager, calldata('replaceMember(address,address)', others[0], others[7]), 'replace');
  await send(deployer, manager, calldata('rotateMember(address,address)', alice, others[8]), 'rotate');
  const l2Council = '0x423552c0f05baccac5bfa91c6dcf1dc53a0a1641';
  const action2 = '0x4e5c4f2a2ff05c8f3d9a3fd7e3d3f2a9bd0e1c10';
  await send(deployer, manager, calldata('addSecurityCouncil(address,address)', l2Council, action2), 'add council');
  await send(deployer, manager, calldata('removeSecurityCouncil(address,address)', l2Council, action2), 'remove council');
  record('council-manager.json', manager);
}
