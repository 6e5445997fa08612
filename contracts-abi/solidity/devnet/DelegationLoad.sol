// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";

/// @notice Load generator for `stagewatch bench backfill`: an OpenZeppelin ERC20Votes token whose
/// `load` gives many synthetic accounts one token each and delegates each of them, so one transaction
/// emits hundreds of real DelegateChanged + DelegateVotesChanged events (plus the mint's Transfer).
contract DelegationLoad is ERC20, ERC20Votes {
    constructor() ERC20("Delegation Load", "LOAD") EIP712("Delegation Load", "1") {}

    /// @param firstAccount index of the first synthetic account (accounts are 0x10000000 + index)
    /// @param count        accounts to mint to and delegate in this call
    /// @param delegates    number of distinct delegates (0x20000000 + index % delegates)
    function load(uint256 firstAccount, uint256 count, uint256 delegates) external {
        for (uint256 i = 0; i < count; ++i) {
            uint256 index = firstAccount + i;
            address account = address(uint160(0x10000000 + index));
            _mint(account, 1e18);
            _delegate(account, address(uint160(0x20000000 + index % delegates)));
        }
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
