// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ProxyAdmin} from "@openzeppelin/contracts/proxy/transparent/ProxyAdmin.sol";
import {ITransparentUpgradeableProxy} from "@openzeppelin/contracts/proxy/transparent/TransparentUpgradeableProxy.sol";

/// @notice An Arbitrum-style "action" contract: {UpgradeExecutor-execute} delegatecalls {perform}, so
/// the ProxyAdmin sees the executor (its owner) as the caller. Stateless, so it is safe to delegatecall.
contract BridgeUpgradeAction {
    function perform(address proxyAdmin, address proxy, address newImplementation) external {
        ProxyAdmin(proxyAdmin).upgradeAndCall(ITransparentUpgradeableProxy(proxy), newImplementation, "");
    }
}
