// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @notice Modelled on Arbitrum's UpgradeExecutor (v1.1): the single owner of everything upgradeable.
/// Executors (the governance timelock and the security council) either delegatecall an "action"
/// contract in the executor's own context ({execute}) or make a plain call ({executeCall}).
/// The executor administers itself: ADMIN_ROLE is held by address(this), so only an executor
/// going through {executeCall} on this contract can change who the executors are.
contract UpgradeExecutor is AccessControl, ReentrancyGuard {
    using Address for address;

    bytes32 public constant ADMIN_ROLE = keccak256("ADMIN_ROLE");
    bytes32 public constant EXECUTOR_ROLE = keccak256("EXECUTOR_ROLE");

    event UpgradeExecuted(address indexed upgrade, uint256 value, bytes data);
    event TargetCallExecuted(address indexed target, uint256 value, bytes data);

    constructor(address[] memory executors) {
        _setRoleAdmin(ADMIN_ROLE, ADMIN_ROLE);
        _setRoleAdmin(EXECUTOR_ROLE, ADMIN_ROLE);
        _grantRole(ADMIN_ROLE, address(this));
        for (uint256 i = 0; i < executors.length; ++i) {
            _grantRole(EXECUTOR_ROLE, executors[i]);
        }
    }

    /// @notice Delegatecalls `upgrade` with `upgradeCallData`; reverts bubble up.
    function execute(address upgrade, bytes memory upgradeCallData)
        public payable onlyRole(EXECUTOR_ROLE) nonReentrant
    {
        upgrade.functionDelegateCall(upgradeCallData);
        emit UpgradeExecuted(upgrade, msg.value, upgradeCallData);
    }

    /// @notice Calls `target` with `targetCallData` and the attached value; reverts bubble up.
    function executeCall(address target, bytes memory targetCallData)
        public payable onlyRole(EXECUTOR_ROLE) nonReentrant
    {
        target.functionCallWithValue(targetCallData, msg.value);
        emit TargetCallExecuted(target, msg.value, targetCallData);
    }
}
