package org.stagewatch.store;

/**
 * A fact about control that the config declares and no event carries, stored so that queries need
 * only the database (one row of {@code control_declarations}):
 * <ul>
 * <li>{@code council}: the Safe (chainId, address) is a designated security council;</li>
 * <li>{@code parent}: chain {@code chainId} settles on {@code otherChainId} (aliasing applies; address "");</li>
 * <li>{@code message_path}: what (chainId, address) sends arrives on {@code otherChainId} as
 * {@code otherAddress} after {@code delaySeconds}.</li>
 * </ul>
 */
public record ControlDeclaration(String daoId, String declaration, long chainId, String address, Long otherChainId,
                                 String otherAddress, Long delaySeconds, String label) {
    public static final String COUNCIL = "council";
    public static final String PARENT = "parent";
    public static final String MESSAGE_PATH = "message_path";
}
