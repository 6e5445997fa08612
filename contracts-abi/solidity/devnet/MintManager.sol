// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

interface IMintableToken {
    function totalSupply() external view returns (uint256);
    function mint(address account, uint256 amount) external;
    function transferOwnership(address newOwner) external;
}

/// @notice The shape of Optimism's MintManager: it owns the governance token, and its own owner mints — at most 2%
/// of the supply a year — or hands the token to another MintManager. Whoever owns it controls OP's inflation.
contract MintManager is Ownable {
    IMintableToken public immutable governanceToken;
    uint256 public constant MINT_CAP = 20;
    uint256 public constant DENOMINATOR = 1000;
    uint256 public constant MINT_PERIOD = 365 days;
    uint256 public mintPermittedAfter;

    constructor(address upgrader, address token) Ownable(upgrader) {
        governanceToken = IMintableToken(token);
    }

    function mint(address account, uint256 amount) external onlyOwner {
        if (mintPermittedAfter > 0) {
            require(mintPermittedAfter <= block.timestamp, "MintManager: minting not permitted yet");
            require(amount <= (governanceToken.totalSupply() * MINT_CAP) / DENOMINATOR, "MintManager: mint amount exceeds cap");
        }
        mintPermittedAfter = block.timestamp + MINT_PERIOD;
        governanceToken.mint(account, amount);
    }

    function upgrade(address newMintManager) external onlyOwner {
        require(newMintManager != address(0), "MintManager: mint manager cannot be the zero address");
        governanceToken.transferOwnership(newMintManager);
    }
}
