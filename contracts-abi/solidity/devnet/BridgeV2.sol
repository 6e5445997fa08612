// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {BridgeV1} from "./BridgeV1.sol";

/// @notice Second implementation, same storage layout; a governance proposal upgrades the proxy to it.
contract BridgeV2 is BridgeV1 {
    function version() external pure override returns (uint256) {
        return 2;
    }
}
