// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";

/// @notice A transparent proxy whose EIP-1967 admin is any address (a Safe, a timelock) and can be handed on, as in
/// OpenZeppelin 4's TransparentUpgradeableProxy, which the OP Governor's proxy is (administered by a Foundation
/// multisig). Built on OpenZeppelin 5's ERC1967Proxy and ERC1967Utils, which keep the slots and emit Upgraded and
/// AdminChanged; OpenZeppelin 5's own transparent proxy fixes its admin to a ProxyAdmin it creates. The admin calls
/// changeAdmin(address) and upgradeToAndCall(address,bytes) on the proxy and reaches nothing else; every other caller
/// is delegated to the implementation.
contract AdminTransparentProxy is ERC1967Proxy {
    /// @notice The admin called something other than changeAdmin or upgradeToAndCall.
    error ProxyDeniedAdminAccess();

    constructor(address implementation, address admin, bytes memory data) payable ERC1967Proxy(implementation, data) {
        ERC1967Utils.changeAdmin(admin);
    }

    function _fallback() internal virtual override {
        if (msg.sender != ERC1967Utils.getAdmin()) {
            super._fallback();
        } else if (msg.sig == bytes4(keccak256("changeAdmin(address)"))) {
            ERC1967Utils.changeAdmin(abi.decode(msg.data[4:], (address)));
        } else if (msg.sig == bytes4(keccak256("upgradeToAndCall(address,bytes)"))) {
            (address implementation, bytes memory data) = abi.decode(msg.data[4:], (address, bytes));
            ERC1967Utils.upgradeToAndCall(implementation, data);
        } else {
            revert ProxyDeniedAdminAccess();
        }
    }
}
