// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

/// @notice A token holder that is a contract (a multisig, a vault, a DAO treasury module): its owner
/// can batch delegation changes and transfers into one transaction, which produces the event
/// sequences indexers get wrong — two DelegateChanged in one transaction, or DelegateChanged then
/// Transfer moving the freshly delegated power.
contract HolderWallet {
    address public immutable owner;

    error NotOwner(address caller);

    constructor(address owner_) {
        owner = owner_;
    }

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    function delegate(address token, address delegatee) external onlyOwner {
        IVotes(token).delegate(delegatee);
    }

    /// @notice Delegates to `first`, then at once to `second`, in the same transaction.
    function delegateTwice(address token, address first, address second) external onlyOwner {
        IVotes(token).delegate(first);
        IVotes(token).delegate(second);
    }

    /// @notice Delegates to `delegatee`, then transfers `amount` to `to`, in the same transaction.
    function delegateAndTransfer(address token, address delegatee, address to, uint256 amount) external onlyOwner {
        IVotes(token).delegate(delegatee);
        require(IERC20(token).transfer(to, amount), "transfer failed");
    }

    function transfer(address token, address to, uint256 amount) external onlyOwner {
        require(IERC20(token).transfer(to, amount), "transfer failed");
    }
}
