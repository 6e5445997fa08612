// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice Modelled on the views of Arbitrum's RollupProxy (RollupCore/RollupAdminLogic) that the stage
/// rules read: whether anyone may validate ({validatorWhitelistDisabled}) and the challenge period in L1
/// blocks ({confirmPeriodBlocks}). Only the owner (the L1 UpgradeExecutor, as on Arbitrum One) may open or
/// close the validator set. Like Arbitrum it emits OwnerFunctionCalled(30) for that change, and also an
/// event that carries the new value, so an indexer need not read state to follow it.
contract RollupCore is Ownable {
    /// @dev RollupAdminLogic's id for setValidatorWhitelistDisabled.
    uint256 public constant SET_VALIDATOR_WHITELIST_DISABLED = 30;

    bool public validatorWhitelistDisabled;
    uint64 public confirmPeriodBlocks;

    event OwnerFunctionCalled(uint256 indexed id);
    event ValidatorWhitelistDisabledSet(bool disabled);

    constructor(address owner_, bool validatorWhitelistDisabled_, uint64 confirmPeriodBlocks_) Ownable(owner_) {
        validatorWhitelistDisabled = validatorWhitelistDisabled_;
        confirmPeriodBlocks = confirmPeriodBlocks_;
    }

    function setValidatorWhitelistDisabled(bool disabled) external onlyOwner {
        validatorWhitelistDisabled = disabled;
        emit ValidatorWhitelistDisabledSet(disabled);
        emit OwnerFunctionCalled(SET_VALIDATOR_WHITELIST_DISABLED);
    }
}
