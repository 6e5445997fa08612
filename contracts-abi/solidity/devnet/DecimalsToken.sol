// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {DemoToken} from "./DemoToken.sol";

/// @notice The devnet governance token with its own decimals() (6 like USDC, 8 like WBTC, …) instead of ERC20's 18:
/// what every amount Stagewatch shows in whole tokens must be scaled by.
contract DecimalsToken is DemoToken {
    uint8 private immutable _decimals;

    constructor(string memory name_, string memory symbol_, address treasury, uint256 initialSupply, uint8 decimals_)
        DemoToken(name_, symbol_, treasury, initialSupply)
    {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }
}
