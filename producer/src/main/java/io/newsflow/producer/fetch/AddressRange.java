package io.newsflow.producer.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 range in CIDR notation ({@code 127.0.0.0/8}, {@code fd00::/8}); a single address
 * without a prefix length is a range of one. Immutable.
 *
 * @param network the range's first address (host bits cleared)
 * @param prefixLength how many leading bits every address of the range shares with {@code network}
 */
public record AddressRange(InetAddress network, int prefixLength) {

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is not between 0 and " + bits);
        }
        network = clearHostBits(network, prefixLength);
    }

    /**
     * Parses {@code 10.0.0.0/8}, {@code ::1/128} or a bare address. Only numeric addresses are
     * accepted (no DNS lookup).
     *
     * @throws IllegalArgumentException with the text at fault
     */
    public static AddressRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress network = AddressGuard.parseLiteral(address);
        if (network == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range");
        }
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + cidr + "': prefix length must be between 0 and " + bits);
        }
        return new AddressRange(network, prefix);
    }

    /** True when {@code address} is of the same family and inside the range. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        return Arrays.equals(clearHostBits(a, prefixLength), n);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }

    private static InetAddress clearHostBits(InetAddress address, int prefixLength) {
        try {
            return InetAddress.getByAddress(clearHostBits(address.getAddress(), prefixLength));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the length is 4 or 16
        }
    }

    private static byte[] clearHostBits(byte[] bytes, int prefixLength) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
        }
        return out;
    }
}
