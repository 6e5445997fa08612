#!/usr/bin/env node
// Builds the devnet artifacts that land on the indexer's classpath under org/stagewatch/contracts/.
//
//   node build/compile.mjs <outDir>
//
// 1. installs package-lock.json's exact tree, only when node_modules is missing or older than the lock;
// 2. solcjs (standard JSON, optimizer on, evmVersion cancun) over every .sol under solidity/,
//    one <outDir>/<ContractName>.json = {contractName, abi, bytecode} per contract, skipped when
//    every output is newer than every input;
// 3. copies of the Safe (1.4.1, 1.3.0) and OpenZeppelin artifacts shipped on npm, same shape;
// 4. <outDir>/devnet.properties naming the anvil and cast binaries inside node_modules.
//
// Run by exec-maven-plugin in generate-resources (contracts-abi/pom.xml). Works offline from a warm
// npm cache: nothing here downloads a compiler or a binary, solc's soljson.js and anvil ship in npm packages.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const scriptFile = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(scriptFile), "..");
const nodeModules = path.join(root, "node_modules");
const solidityDir = path.join(root, "solidity");
const lockFile = path.join(root, "package-lock.json");
const EVM_VERSION = "cancun";

// The artifacts shipped on npm that the devnet deploys as they are (real Safe and OZ bytecode).
const SHIPPED_ARTIFACTS = [
  "@safe-global/safe-contracts/build/artifacts/contracts/Safe.sol/Safe.json",
  "@safe-global/safe-contracts/build/artifacts/contracts/SafeL2.sol/SafeL2.json",
  "@safe-global/safe-contracts/build/artifacts/contracts/proxies/SafeProxyFactory.sol/SafeProxyFactory.json",
  "@gnosis.pm/safe-contracts/build/artifacts/contracts/GnosisSafe.sol/GnosisSafe.json",
  "@gnosis.pm/safe-contracts/build/artifacts/contracts/GnosisSafeL2.sol/GnosisSafeL2.json",
  "@gnosis.pm/safe-contracts/build/artifacts/contracts/proxies/GnosisSafeProxyFactory.sol/GnosisSafeProxyFactory.json",
  "@openzeppelin/contracts/build/contracts/TimelockController.json",
  "@openzeppelin/contracts/build/contracts/ProxyAdmin.json",
  "@openzeppelin/contracts/build/contracts/TransparentUpgradeableProxy.json",
];

const log = (line) => console.log(`[contracts-abi] ${line}`);
const fail = (message) => {
  console.error(`[contracts-abi] ERROR: ${message}`);
  process.exit(1);
};
const mtime = (file) => fs.statSync(file).mtimeMs;

const outDir = process.argv[2] ? path.resolve(process.argv[2]) : fail("usage: node build/compile.mjs <outDir>");
fs.mkdirSync(outDir, { recursive: true });

ensureNodeModules();
const compiled = compileSources();
copyShippedArtifacts(new Set(compiled));
writeDevnetProperties();

function ensureNodeModules() {
  // npm writes node_modules/.package-lock.json at the end of every install: a lock file newer than it
  // means the dependencies changed since.
  const installed = path.join(nodeModules, ".package-lock.json");
  if (fs.existsSync(installed) && mtime(lockFile) <= mtime(installed)) {
    log("npm: node_modules up to date");
    return;
  }
  // Not `npm ci`: @foundry-rs/anvil lists one optional binary package per platform, the registry we
  // reach serves only linux-amd64, so the lock cannot name the others and `npm ci` rejects it as out
  // of sync ("Missing: @foundry-rs/anvil-darwin-amd64@ from lock file"). `npm install --no-save` with
  // exact pins installs exactly what the lock says, leaves the lock alone and skips absent optionals.
  // Cache first (fast, works offline; --offline also stops retries on those absent optionals), then
  // the registry for whatever a cold cache lacks.
  log("npm install from package-lock.json (node_modules missing or older than the lock)");
  const npm = (mode) => spawnSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", mode], {
    cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", shell: process.platform === "win32",
  });
  const fromCache = npm("--offline");
  if (fromCache.status === 0 && fs.existsSync(installed)) return;
  log("npm: cache incomplete, fetching from the registry");
  const online = npm("--prefer-offline");
  if (online.status !== 0) fail(`npm install failed in ${root} (exit ${online.status ?? online.signal}):\n${online.stderr}`);
}

function compileSources() {
  const sources = listSolidity(solidityDir).map((file) => path.relative(solidityDir, file).split(path.sep).join("/"));
  const manifestFile = path.join(outDir, ".solc-outputs.json");
  const inputs = [...sources.map((s) => path.join(solidityDir, s)), lockFile, scriptFile];
  const previous = fs.existsSync(manifestFile) ? JSON.parse(fs.readFileSync(manifestFile, "utf8")) : null;
  if (previous && isUpToDate(previous, sources, inputs)) {
    log(`solc: ${previous.outputs.length} contracts up to date`);
    return previous.contracts;
  }
  const solc = createRequire(path.join(root, "package.json"))("solc");
  const started = Date.now();
  const input = {
    language: "Solidity",
    sources: Object.fromEntries(sources.map((s) => [s, { content: fs.readFileSync(path.join(solidityDir, s), "utf8") }])),
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: EVM_VERSION,
      // Only our own sources: bytecode for every imported OpenZeppelin contract would double the time.
      outputSelection: Object.fromEntries(sources.map((s) => [s, { "*": ["abi", "evm.bytecode.object"] }])),
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const problems = output.errors ?? [];
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) fail(`solc ${solc.version()}:\n${errors.map((e) => e.formattedMessage).join("\n")}`);
  const written = writeContracts(output.contracts ?? {});
  for (const stale of (previous?.outputs ?? []).filter((f) => !written.files.includes(f))) {
    fs.rmSync(path.join(outDir, stale), { force: true });
  }
  fs.writeFileSync(manifestFile, JSON.stringify({ sources, outputs: written.files, contracts: written.names }, null, 1));
  const warnings = problems.length - errors.length;
  log(`solc ${solc.version().split("+")[0]}: ${written.names.length} contracts from ${sources.length} sources`
    + ` in ${((Date.now() - started) / 1000).toFixed(1)} s (${warnings} warnings)`);
  return written.names;
}

function isUpToDate(previous, sources, inputs) {
  if (JSON.stringify(previous.sources) !== JSON.stringify(sources)) return false;
  const outputs = previous.outputs.map((f) => path.join(outDir, f));
  if (outputs.length === 0 || !outputs.every((f) => fs.existsSync(f))) return false;
  return Math.min(...outputs.map(mtime)) > Math.max(...inputs.map(mtime));
}

function writeContracts(contractsBySource) {
  const origin = new Map();
  const files = [];
  for (const [source, contracts] of Object.entries(contractsBySource)) {
    for (const [name, contract] of Object.entries(contracts)) {
      if (origin.has(name)) fail(`contract name ${name} is declared in both ${origin.get(name)} and ${source}: artifacts are named by contract, rename one`);
      origin.set(name, source);
      const artifact = { contractName: name, abi: contract.abi, bytecode: `0x${contract.evm?.bytecode?.object ?? ""}` };
      fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(artifact));
      files.push(`${name}.json`);
    }
  }
  return { files, names: [...origin.keys()] };
}

function findImport(importPath) {
  for (const base of [solidityDir, nodeModules]) {
    const candidate = path.join(base, importPath);
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, "utf8") };
  }
  return { error: `${importPath} not found in ${solidityDir} or ${nodeModules}` };
}

function listSolidity(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listSolidity(full);
      return entry.name.endsWith(".sol") ? [full] : [];
    });
}

function copyShippedArtifacts(compiledNames) {
  let copied = 0;
  for (const relative of SHIPPED_ARTIFACTS) {
    const source = path.join(nodeModules, relative);
    if (!fs.existsSync(source)) fail(`${relative} missing from node_modules: delete node_modules and rebuild`);
    const shipped = JSON.parse(fs.readFileSync(source, "utf8"));
    const name = shipped.contractName;
    if (compiledNames.has(name)) fail(`solidity/ declares ${name}, which would overwrite the shipped ${relative}`);
    const target = path.join(outDir, `${name}.json`);
    if (fs.existsSync(target) && mtime(target) > mtime(source)) continue;
    fs.writeFileSync(target, JSON.stringify({ contractName: name, abi: shipped.abi, bytecode: shipped.bytecode }));
    copied++;
  }
  log(`artifacts: ${SHIPPED_ARTIFACTS.length} shipped Safe/OpenZeppelin artifacts (${copied} copied)`);
}

function writeDevnetProperties() {
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch] ?? process.arch;
  const exe = process.platform === "win32" ? ".exe" : "";
  const binary = (tool) => {
    const file = path.join(nodeModules, "@foundry-rs", `${tool}-${process.platform}-${arch}`, "bin", tool + exe);
    if (!fs.existsSync(file)) fail(`${file} missing: @foundry-rs/${tool} has no binary for ${process.platform}-${arch}`);
    return file.replaceAll("\\", "\\\\"); // properties escape
  };
  const content = `# Written by contracts-abi/build/compile.mjs: the devnet binaries AnvilNode starts.\n`
    + `anvil=${binary("anvil")}\ncast=${binary("cast")}\n`;
  const target = path.join(outDir, "devnet.properties");
  if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== content) fs.writeFileSync(target, content);
  log(`devnet.properties: anvil and cast from ${path.join(nodeModules, "@foundry-rs")}`);
}
