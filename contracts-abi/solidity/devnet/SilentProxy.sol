// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {StorageSlot} from "@openzeppelin/contracts/utils/StorageSlot.sol";

/// @notice A proxy that keeps its implementation and admin in the EIP-1967 slots but emits nothing when
/// they change, like Optimism's legacy L1ChugSplashProxy: only reading the slots shows its history.
/// The admin upgrades it through {upgradeTo}; every other call is delegated to the implementation.
contract SilentProxy {
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
    bytes32 internal constant ADMIN_SLOT = 0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103;

    constructor(address implementation, address admin) {
        StorageSlot.getAddressSlot(IMPLEMENTATION_SLOT).value = implementation;
        StorageSlot.getAddressSlot(ADMIN_SLOT).value = admin;
    }

    function upgradeTo(address implementation) external {
        require(msg.sender == StorageSlot.getAddressSlot(ADMIN_SLOT).value, "SilentProxy: not the admin");
        StorageSlot.getAddressSlot(IMPLEMENTATION_SLOT).value = implementation;
    }

    fallback() external {
        address implementation = StorageSlot.getAddressSlot(IMPLEMENTATION_SLOT).value;
        assembly {
            calldatacopy(0, 0, calldatasize())
            let result := delegatecall(gas(), implementation, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch result
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}
