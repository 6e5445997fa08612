// Plumbing for record.mjs: start anvil, compile with solc-js, JSON-RPC over fetch, ABI encoding
// with cast (so no hand-rolled encoder can disagree with the real one), Safe transactions.

import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import solc from 'solc';

const require = createRequire(import.meta.url);
const platform = `${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
const foundryBin = (tool) =>
  join(dirname(require.resolve(`@foundry-rs/${tool}-${platform}/package.json`)), 'bin', tool);
export const moduleDir = (pkg) => dirname(require.resolve(`${pkg}/package.json`));

export function cast(...args) {
  return execFileSync(foundryBin('cast'), args, { encoding: 'utf8' }).trim();
}
export const calldata = (sig, ...args) => cast('calldata', sig, ...args.map(String));
export const abiEncode = (sig, ...args) => cast('abi-encode', sig, ...args.map(String));
export const keccak = (text) => cast('keccak', text);
export const list = (items) => `[${items.join(',')}]`;
export const strings = (items) => JSON.stringify(items);

/** Starts anvil on a free-ish port; resolves once it answers. */
export async function startAnvil() {
  const port = 18545 + Math.floor(Math.random() * 1000);
  const proc = spawn(foundryBin('anvil'), ['--port', String(port), '--accounts', '20', '--silent'],
    { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await rpcAt(url, 'eth_chainId');
      return { url, stop: () => proc.kill() };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  proc.kill();
  throw new Error('anvil did not start');
}

let rpcUrl;
let rpcId = 0;
export const useRpc = (url) => { rpcUrl = url; };

async function rpcAt(url, method, params = []) {
  const res = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result;
}
export const rpc = (method, params) => rpcAt(rpcUrl, method, params);

/** Sends a transaction from an unlocked anvil account; throws with `label` if it reverts. */
export async function send(from, to, data, label, value = 0n) {
  const hash = await rpc('eth_sendTransaction', [{
    from, to, data, value: '0x' + BigInt(value).toString(16), gas: '0x1c9c380',
  }]);
  let receipt = await rpc('eth_getTransactionReceipt', [hash]);
  for (let i = 0; !receipt && i < 100; i++) {
    await new Promise((r) => setTimeout(r, 20));
    receipt = await rpc('eth_getTransactionReceipt', [hash]);
  }
  if (!receipt) throw new Error(`no receipt: ${label}`);
  if (receipt.status !== '0x1') throw new Error(`reverted: ${label}`);
  return receipt;
}

export async function deploy(from, bytecode, ctorTypes, ...args) {
  const encodedArgs = ctorTypes ? abiEncode(`f(${ctorTypes})`, ...args).slice(2) : '';
  const receipt = await send(from, null, bytecode + encodedArgs, `deploy ${bytecode.slice(0, 10)}`);
  return receipt.contractAddress;
}

export const call = (to, data) => rpc('eth_call', [{ to, data }, 'latest']);
export const mine = (blocks) => rpc('anvil_mine', ['0x' + blocks.toString(16)]);
export const advanceTime = async (seconds) => { await rpc('evm_increaseTime', [seconds]); await mine(1); };
export const blockNumber = async () => Number(await rpc('eth_blockNumber'));

/** Compiles the fixture sources with solc-js; returns { ContractName: { abi, bytecode } }. */
export function compile(sourceDir, files) {
  const sources = Object.fromEntries(files.map((f) => [f, { content: readFileSync(join(sourceDir, f), 'utf8') }]));
  const input = {
    language: 'Solidity', sources,
    settings: {
      optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun',
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const findImports = (path) => {
    const full = join(moduleDir(path.split('/').slice(0, 2).join('/')), ...path.split('/').slice(2));
    return existsSync(full) ? { contents: readFileSync(full, 'utf8') } : { error: `not found: ${path}` };
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contracts = {};
  for (const byName of Object.values(output.contracts)) {
    for (const [name, c] of Object.entries(byName)) contracts[name] = { abi: c.abi, bytecode: '0x' + c.evm.bytecode.object };
  }
  return contracts;
}

/** A hardhat artifact shipped in an npm package. */
export function artifact(pkg, relPath) {
  const json = JSON.parse(readFileSync(join(moduleDir(pkg), relPath), 'utf8'));
  return { abi: json.abi, bytecode: json.bytecode };
}

const SAFE_EXEC = 'execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)';
const SAFE_TX_HASH = 'getTransactionHash(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,uint256)';
const ZERO = '0x0000000000000000000000000000000000000000';

/**
 * Executes a Safe transaction signed by `signers` with eth_sign (Safe's v+4 flavour), signatures
 * ordered by signer address as the Safe requires; the first signer submits it.
 */
export async function execSafe(safe, signers, to, data, { safeTxGas = 0, operation = 0, label } = {}) {
  const nonce = BigInt(await call(safe, calldata('nonce()')));
  const hash = await call(safe, calldata(SAFE_TX_HASH, to, 0, data, operation, safeTxGas, 0, 0, ZERO, ZERO, nonce));
  const sorted = [...signers].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  let signatures = '0x';
  for (const signer of sorted) {
    const sig = await rpc('eth_sign', [signer, hash]);
    const v = parseInt(sig.slice(130, 132), 16) + 4;
    signatures += sig.slice(2, 130) + v.toString(16);
  }
  return send(sorted[0], safe,
    calldata(SAFE_EXEC, to, 0, data, operation, safeTxGas, 0, 0, ZERO, ZERO, signatures), label ?? `safe tx ${data.slice(0, 10)}`);
}

export const SENTINEL = '0x0000000000000000000000000000000000000001';
export { ZERO };
