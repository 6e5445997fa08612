// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// @notice First implementation behind the devnet's critical proxy (stands in for a rollup bridge).
/// Initialized through the proxy's constructor: OpenZeppelin 5.7's ERC1967Proxy refuses empty init data.
contract BridgeV1 is Initializable {
    address public guardian;

    constructor() {
        _disableInitializers();
    }

    function initialize(address guardian_) external initializer {
        guardian = guardian_;
    }

    function version() external pure virtual returns (uint256) {
        return 1;
    }
}
